import { expect } from '@open-wc/testing';
import { addDays, dailyLoads, dateRange, daysBetween, localDate, sessionLoad, weekday } from '../../../src/tracking/metrics/index.js';
import type { Modality } from '../../../src/tracking/model.js';

const session = (startedAt: string, timeZone: string, durationMin = 30, rpe = 5, modality: Modality = 'aerobic') => ({
  startedAt,
  timeZone,
  durationMin,
  rpe,
  modality,
});

describe('calendar days', () => {
  it('steps calendar dates across month, year and leap-day boundaries', () => {
    expect(addDays('2028-02-28', 1)).to.equal('2028-02-29');
    expect(addDays('2028-02-29', 1)).to.equal('2028-03-01');
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).to.equal(365);
    expect(dateRange('2028-02-27', '2028-03-01')).to.deep.equal(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(weekday('2026-11-23')).to.equal(1);
  });

  it('counts each day once across daylight-saving changes (23- and 25-hour days)', () => {
    // Europe/London springs forward on 29 March 2026 and falls back on 25 October 2026.
    expect(dateRange('2026-03-28', '2026-03-30')).to.have.length(3);
    expect(localDate('2026-03-29T00:30:00Z', 'Europe/London')).to.equal('2026-03-29');
    expect(localDate('2026-03-29T23:30:00Z', 'Europe/London')).to.equal('2026-03-30');
    expect(localDate('2026-10-25T23:30:00Z', 'Europe/London')).to.equal('2026-10-25');
  });

  it('reads the local date in zones with odd offsets', () => {
    expect(localDate('2026-05-01T18:20:00Z', 'Asia/Kathmandu')).to.equal('2026-05-02'); // +05:45
    expect(localDate('2026-05-01T02:00:00Z', 'America/St_Johns')).to.equal('2026-04-30'); // −02:30
  });

  it('reads dates in years before 100 and before year 1 as they are, not as 19xx', () => {
    expect(localDate('0050-06-01T12:00:00Z', 'UTC')).to.equal('0050-06-01');
    expect(localDate('0001-01-01T00:30:00Z', 'Europe/Paris')).to.equal('0001-01-01');
    expect(localDate('0099-12-31T23:00:00Z', 'Asia/Tokyo')).to.equal('0100-01-01');
  });

  it('gives the same date as Intl for every instant, through every offset change of 2010–2026', () => {
    // Zones with awkward histories: half-hour daylight saving (Lord Howe), Ramadan suspensions
    // (Casablanca), a skipped calendar day (Apia, 30 December 2011), abolished daylight saving
    // (Sao Paulo), and a 45-minute offset (Kathmandu).
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Africa/Casablanca', 'Pacific/Apia', 'America/Sao_Paulo', 'Asia/Kathmandu'];
    const step = 97 * 60_000; // 97 minutes: every hour and quarter of the day comes round.
    for (const timeZone of zones) {
      const intl = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
      const wrong: string[] = [];
      for (let ms = Date.UTC(2010, 0, 1); ms < Date.UTC(2027, 0, 1); ms += step) {
        const expected = intl.format(ms);
        if (localDate(ms, timeZone) !== expected) wrong.push(`${new Date(ms).toISOString()} → ${expected}`);
      }
      expect(wrong, timeZone).to.deep.equal([]);
    }
    // The instants on either side of Apia's skipped day.
    expect(localDate('2011-12-30T09:59:59Z', 'Pacific/Apia')).to.equal('2011-12-29');
    expect(localDate('2011-12-30T10:00:00Z', 'Pacific/Apia')).to.equal('2011-12-31');
  });
});

describe('daily loads', () => {
  it('is session RPE × minutes, summed per day, with zero-filled days between', () => {
    expect(sessionLoad({ rpe: 6.5, durationMin: 40 })).to.equal(260);
    const days = dailyLoads([
      session('2026-11-02T07:00:00Z', 'UTC', 40, 6.5),
      session('2026-11-02T18:00:00Z', 'UTC', 20, 8, 'hiit'),
      session('2026-11-05T07:00:00Z', 'UTC', 60, 4, 'resistance'),
    ]);
    expect(days.map((d) => [d.date, d.load, d.sessions])).to.deep.equal([
      ['2026-11-02', 420, 2],
      ['2026-11-03', 0, 0],
      ['2026-11-04', 0, 0],
      ['2026-11-05', 240, 1],
    ]);
    expect(days[0]!.byModality).to.deep.equal({ aerobic: 260, hiit: 160 });
  });

  it('fills the range asked for, before the first and after the last session', () => {
    const days = dailyLoads([session('2026-11-03T07:00:00Z', 'UTC')], { from: '2026-11-01', to: '2026-11-05' });
    expect(days.map((d) => d.load)).to.deep.equal([0, 0, 150, 0, 0]);
    expect(dailyLoads([])).to.deep.equal([]);
  });

  it('buckets a session by its local date where it was logged, across a daylight-saving night', () => {
    // 23:30 and 00:30 London time either side of the spring-forward night are two days.
    const days = dailyLoads([session('2026-03-28T23:30:00Z', 'Europe/London'), session('2026-03-29T23:30:00Z', 'Europe/London')]);
    expect(days.map((d) => [d.date, d.sessions])).to.deep.equal([
      ['2026-03-28', 1],
      ['2026-03-29', 0],
      ['2026-03-30', 1],
    ]);
  });

  it('never answers from a stale date: a session that can change is read afresh each time', () => {
    const mutable = session('2026-11-02T07:00:00Z', 'UTC');
    expect(dailyLoads([mutable]).map((d) => d.date)).to.deep.equal(['2026-11-02']);
    mutable.startedAt = '2026-11-09T07:00:00Z';
    expect(dailyLoads([mutable]).map((d) => d.date)).to.deep.equal(['2026-11-09']);
    // A frozen record (as storage hands out) cannot change; asked in another zone, it answers for that zone.
    const stored = Object.freeze(session('2026-11-02T23:30:00Z', 'UTC'));
    expect(dailyLoads([stored]).map((d) => d.date)).to.deep.equal(['2026-11-02']);
    expect(dailyLoads([stored], { timeZone: 'Asia/Tokyo' }).map((d) => d.date)).to.deep.equal(['2026-11-03']);
    expect(dailyLoads([stored]).map((d) => d.date)).to.deep.equal(['2026-11-02']);
  });

  it('keeps each session on its own day when the person moves between time zones', () => {
    // Logged in Tokyo at 01:00 on 1 May (30 April in UTC), then in Paris at 20:00 on 1 May.
    const sessions = [session('2026-04-30T16:00:00Z', 'Asia/Tokyo'), session('2026-05-01T18:00:00Z', 'Europe/Paris')];
    expect(dailyLoads(sessions).map((d) => [d.date, d.sessions])).to.deep.equal([['2026-05-01', 2]]);
    // The same sessions seen on one calendar (Paris) fall on two days.
    expect(dailyLoads(sessions, { timeZone: 'Europe/Paris' }).map((d) => [d.date, d.sessions])).to.deep.equal([
      ['2026-04-30', 1],
      ['2026-05-01', 1],
    ]);
  });
});

import { expect } from '@open-wc/testing';
import { GUIDELINE_SOURCES, weeklyGuidelines } from '../../../src/tracking/metrics/index.js';
import type { Modality } from '../../../src/tracking/model.js';

/** A session at 08:00 UTC on a day of the week starting Monday 2026-11-23. */
const on = (day: number, modality: Modality, durationMin: number) => ({
  startedAt: `2026-11-${String(23 + day).padStart(2, '0')}T08:00:00Z`,
  timeZone: 'UTC',
  durationMin,
  modality,
});
const week = { weekStart: '2026-11-23' };

describe('weekly guidelines', () => {
  it('meets all three targets with 150 aerobic minutes, resistance on non-consecutive days and no long rest', () => {
    const result = weeklyGuidelines(
      [on(0, 'aerobic', 50), on(1, 'resistance', 45), on(2, 'hiit', 25), on(3, 'resistance', 45), on(4, 'aerobic', 50), on(6, 'combined', 50)],
      week,
    );
    expect(result.weekEnd).to.equal('2026-11-29');
    expect(result.aerobic).to.include({ minutes: 150, target: 150, met: true });
    expect(result.resistance.days).to.deep.equal(['2026-11-24', '2026-11-26', '2026-11-29']);
    expect(result.resistance).to.include({ nonConsecutive: true, met: true });
    expect(result.rest).to.include({ longestRunWithoutActivity: 1, limit: 2, met: true });
    expect(result.combinedBoth).to.equal(true);
  });

  it('counts half of a combined session as aerobic unless told otherwise, and HIIT in full', () => {
    expect(weeklyGuidelines([on(0, 'combined', 60), on(1, 'hiit', 20)], week).aerobic.minutes).to.equal(50);
    expect(weeklyGuidelines([on(0, 'combined', 60)], { ...week, combinedAerobicShare: 1 }).aerobic.minutes).to.equal(60);
    expect(weeklyGuidelines([on(0, 'other', 90)], week).aerobic.minutes).to.equal(0);
  });

  it('flags resistance on consecutive days, and a run of three days without activity', () => {
    const result = weeklyGuidelines([on(0, 'resistance', 40), on(1, 'resistance', 40), on(5, 'aerobic', 30)], week);
    expect(result.resistance).to.include({ nonConsecutive: false, met: false });
    expect(result.rest).to.include({ longestRunWithoutActivity: 3, met: false });
    expect(result.combinedBoth).to.equal(true);
  });

  it('counts a break only up to the last day that has happened', () => {
    // Monday and Tuesday active, today Wednesday: one quiet day so far, not five.
    const sessions = [on(0, 'aerobic', 30), on(1, 'aerobic', 30)];
    expect(weeklyGuidelines(sessions, { ...week, through: '2026-11-25' }).rest).to.include({ longestRunWithoutActivity: 1, met: true });
    expect(weeklyGuidelines(sessions, week).rest.longestRunWithoutActivity).to.equal(5);
  });

  it('ignores sessions outside the week, and cites the ADA and ACSM statements', () => {
    const result = weeklyGuidelines([on(-1, 'aerobic', 200), on(7, 'aerobic', 200)], week);
    expect(result.aerobic.minutes).to.equal(0);
    expect(result.rest.longestRunWithoutActivity).to.equal(7);
    expect(result.aerobic.sources.map((s) => s.doi)).to.deep.equal([GUIDELINE_SOURCES.ada2016.doi, GUIDELINE_SOURCES.acsm2022.doi]);
    expect(GUIDELINE_SOURCES.ada2016.doi).to.equal('10.2337/dc16-1728');
    expect(GUIDELINE_SOURCES.acsm2022.doi).to.equal('10.1249/MSS.0000000000002800');
  });
});

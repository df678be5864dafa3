import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/index.js';
import '../../../src/entries/load-chart.js';
import { addDays } from '../../../src/tracking/metrics/calendar.js';
import { newSession, type Modality } from '../../../src/tracking/model.js';
import type { LoadChart } from '../../../src/tracking/load-chart/load-chart.js';
import type { TrainingStore } from '../../../src/tracking/store/training-store.js';
import { expectNoAxeViolations } from '../../helpers/axe.js';

/** The issue's 28-day series; day 1 is Monday 26 October 2026, day 28 Sunday 22 November. */
const SERIES = [150, 0, 280, 0, 180, 0, 200, 160, 0, 280, 0, 200, 0, 220, 180, 0, 300, 0, 210, 0, 240, 300, 240, 420, 0, 360, 300, 400];
const DAY1 = '2026-10-26';
const modalities: Modality[] = ['aerobic', 'resistance', 'hiit', 'combined'];

/** One session a day at RPE 5, so its load is 5 × minutes. */
const sessionsFor = (series: number[]) =>
  series.flatMap((load, i) =>
    load ? [newSession({ modality: modalities[i % 4]!, rpe: 5, durationMin: load / 5, timeZone: 'UTC', startedAt: `${addDays(DAY1, i)}T07:00:00.000Z` })] : [],
  );

let n = 0;
async function render(series: number[], attrs: { method?: string; range?: string; date?: string } = {}) {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 720px">
    <training-store storage="memory" namespace=${`chart-${++n}`}>
      <load-chart date=${attrs.date ?? addDays(DAY1, 27)} time-zone="UTC" range=${attrs.range ?? '4w'} method=${attrs.method ?? 'ewma'}></load-chart>
    </training-store>
  </div>`);
  const store = wrapper.querySelector('training-store') as TrainingStore;
  const chart = wrapper.querySelector('load-chart') as LoadChart;
  await store.api!.ready;
  for (const s of sessionsFor(series)) await store.api!.adapter.put('sessions', s, { expectedRev: null });
  return { store, chart };
}

const root = (chart: LoadChart) => chart.shadowRoot!;
const summary = (chart: LoadChart) => (root(chart).querySelector('[part="summary"]')?.textContent ?? '').trim();
const settle = (chart: LoadChart, text: string) => waitUntil(() => summary(chart).includes(text), `summary shows “${text}”`, { timeout: 5000 });

describe('<load-chart>', () => {
  it('sums up the week in words, as the issue does: 2,020 AU, 1.46 times the chronic load, well above', async () => {
    const { chart } = await render(SERIES);
    await settle(chart, '2,020 AU');
    expect(summary(chart)).to.equal('This week 2,020 AU, 1.46 times your chronic load (exponentially weighted); in the “well above” band.');
    expect(root(chart).querySelector('figcaption')!.textContent).to.contain('exponentially weighted');
    await expectNoAxeViolations(chart);
  });

  it('names the rolling methods and gives their ratios', async () => {
    const coupled = (await render(SERIES, { method: 'rolling' })).chart;
    await settle(coupled, '1.75 times');
    expect(summary(coupled)).to.contain('(rolling 7- and 28-day averages)').and.contain('“sharply above”');
    const uncoupled = (await render(SERIES, { method: 'rolling-uncoupled' })).chart;
    await settle(uncoupled, '2.33 times');
    expect(summary(uncoupled)).to.contain('(rolling averages, uncoupled)');
  });

  it('draws a bar for each day with sessions, as tall as its load, coloured by modality', async () => {
    const { chart } = await render(SERIES);
    await settle(chart, '2,020 AU');
    const days = [...root(chart).querySelectorAll<SVGGElement>('g.day')];
    expect(days.map((g) => Number(g.dataset.load))).to.deep.equal(SERIES.filter(Boolean));
    expect(days.map((g) => g.dataset.date)).to.deep.equal(SERIES.flatMap((load, i) => (load ? [addDays(DAY1, i)] : [])));
    const height = (date: string) => Number(root(chart).querySelector(`g.day[data-date="${date}"] rect`)!.getAttribute('height'));
    // 420 AU on day 24 is twice the 210 AU of day 19.
    expect(height(addDays(DAY1, 23)) / height(addDays(DAY1, 18))).to.be.closeTo(2, 0.01);
    expect(root(chart).querySelector(`g.day[data-date="${DAY1}"] rect`)!.getAttribute('data-modality')).to.equal('aerobic');
    expect(root(chart).querySelector('path.acute')!.getAttribute('d')).to.match(/^M/);
    expect(root(chart).querySelector('path.chronic')!.getAttribute('d')).to.match(/^M/);
    // All four bands are drawn under the ratio.
    expect([...root(chart).querySelectorAll('rect.band')].map((b) => b.getAttribute('data-band'))).to.deep.equal(['lighter', 'in-line', 'well-above', 'sharply-above']);
  });

  it('says the baseline is being built during the first 28 days', async () => {
    const { chart } = await render(SERIES.slice(0, 10), { date: addDays(DAY1, 9) });
    await settle(chart, 'Building your baseline');
    expect(summary(chart)).to.contain('(10 so far)');
    expect(root(chart).querySelector('.baseline text')!.textContent).to.equal('building your baseline');
    expect(root(chart).querySelector('path.ratio')!.getAttribute('d')).to.equal('');
    await expectNoAxeViolations(chart);
  });

  it('invites the first log when there is nothing yet', async () => {
    const { chart } = await render([]);
    await waitUntil(() => root(chart).querySelector('.empty'), 'empty state');
    expect(root(chart).querySelector('.empty')!.textContent).to.contain('Log your first session');
    await expectNoAxeViolations(chart);
  });

  it('moves day by day with the keyboard and says what each day held', async () => {
    const { chart } = await render(SERIES);
    await settle(chart, '2,020 AU');
    root(chart).querySelector<SVGSVGElement>('svg')!.focus();
    const detail = () => (root(chart).querySelector('.detail')!.textContent ?? '').trim();
    await sendKeys({ press: 'ArrowLeft' });
    await chart.updateComplete;
    expect(detail()).to.equal('Sun, November 22, 2026: 400 AU from 1 session; ratio 1.46, well above.');
    await sendKeys({ press: 'ArrowLeft' });
    await chart.updateComplete;
    expect(detail()).to.contain('300 AU from 1 session');
    await sendKeys({ press: 'Home' });
    await chart.updateComplete;
    expect(detail()).to.equal('Mon, October 26, 2026: 150 AU from 1 session; building your baseline.');
    await sendKeys({ press: 'End' });
    await chart.updateComplete;
    expect(detail()).to.contain('400 AU');
  });

  it('shows the same data as a table on request', async () => {
    const { chart } = await render(SERIES);
    await settle(chart, '2,020 AU');
    const toggle = root(chart).querySelector<HTMLButtonElement>('.table-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await chart.updateComplete;
    const rows = [...root(chart).querySelectorAll('tbody tr')];
    expect(rows).to.have.length(28);
    expect(rows[0]!.textContent!.replace(/\s+/g, ' ')).to.contain('400').and.contain('1.46 (well above)');
    expect(rows[27]!.textContent).to.contain('building your baseline');
    await expectNoAxeViolations(chart);
  });

  it('redraws when a session is saved, and switches range', async () => {
    const { store, chart } = await render(SERIES);
    await settle(chart, '2,020 AU');
    await store.api!.adapter.put(
      'sessions',
      newSession({ modality: 'other', rpe: 5, durationMin: 20, timeZone: 'UTC', startedAt: `${addDays(DAY1, 27)}T18:00:00.000Z` }),
      { expectedRev: null },
    );
    await settle(chart, '2,120 AU');
    const year = [...root(chart).querySelectorAll<HTMLButtonElement>('.ranges button')].find((b) => b.textContent!.trim() === '1 year')!;
    year.click();
    await chart.updateComplete;
    expect(chart.getAttribute('range')).to.equal('1y');
    expect(year.getAttribute('aria-pressed')).to.equal('true');
    // Every training day is still drawn, now among 365.
    expect(root(chart).querySelectorAll('g.day')).to.have.length(SERIES.filter(Boolean).length);
  });
});

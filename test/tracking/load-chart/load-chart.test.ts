import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/index.js';
import '../../../src/entries/load-chart.js';
import { addDays } from '../../../src/tracking/metrics/calendar.js';
import { newGlucoseReading, newSession, type GlucoseContext, type Modality } from '../../../src/tracking/model.js';
import { fitnessFatigue } from '../../../src/tracking/metrics/fitness-fatigue.js';
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
interface ChartAttributes {
  method?: string;
  range?: string;
  date?: string;
  panels?: string;
  variant?: string;
  glucoseUnit?: string;
}

async function render(series: number[], attrs: ChartAttributes = {}) {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 720px">
    <training-store storage="memory" namespace=${`chart-${++n}`}>
      <load-chart
        date=${attrs.date ?? addDays(DAY1, 27)}
        time-zone="UTC"
        range=${attrs.range ?? '4w'}
        method=${attrs.method ?? 'ewma'}
        panels=${attrs.panels ?? ''}
        variant=${attrs.variant ?? 'exponential'}
        glucose-unit=${attrs.glucoseUnit ?? 'mg/dL'}
      ></load-chart>
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
/** The bar segments of every modality's path, left to right: `M x,top h width V bottom h -width Z`. */
function barSegments(chart: LoadChart): { modality: string; x: number; height: number }[] {
  return [...root(chart).querySelectorAll('path.bar')]
    .flatMap((path) =>
      [...path.getAttribute('d')!.matchAll(/M([\d.]+),([\d.]+)h[\d.]+V([\d.]+)h-[\d.]+Z/g)].map((m) => ({
        modality: path.getAttribute('data-modality')!,
        x: Number(m[1]),
        height: Number(m[3]) - Number(m[2]),
      })),
    )
    .sort((a, b) => a.x - b.x);
}
const detailOf = (chart: LoadChart) => (root(chart).querySelector('.detail')!.textContent ?? '').trim();
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
    const bars = barSegments(chart);
    const trained = SERIES.flatMap((load, i) => (load ? [{ load, modality: modalities[i % 4] }] : []));
    expect(bars.map((b) => b.modality)).to.deep.equal(trained.map((d) => d.modality));
    // Each bar is as tall as its load on the load axis: height ÷ load is the same for every bar.
    const perAu = bars[0]!.height / trained[0]!.load;
    bars.forEach((bar, i) => expect(bar.height / trained[i]!.load).to.be.closeTo(perAu, 0.01));
    // And that scale is the axis's: the gridline labelled 400 sits 400 AU above the one labelled 0.
    const tick = (label: string) => {
      const text = [...root(chart).querySelectorAll('.tick text')].find((el) => el.textContent === label)!;
      return Number(text.getAttribute('y'));
    };
    expect((tick('0') - tick('400')) / 400).to.be.closeTo(perAu, 0.01);
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
    const detail = () => detailOf(chart);
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
    // Every training day is still drawn, now among 365 (the last day as two stacked segments).
    expect(new Set(barSegments(chart).map((bar) => bar.x)).size).to.equal(SERIES.filter(Boolean).length);
    expect(barSegments(chart)).to.have.length(SERIES.filter(Boolean).length + 1);
  });

  it("adds the monotony and strain panel, with Foster's figures for the last day", async () => {
    const { chart } = await render(SERIES, { panels: 'monotony' });
    await settle(chart, '2,020 AU');
    const panels = [...root(chart).querySelectorAll('g.panel')].map((g) => g.getAttribute('data-panel'));
    expect(panels).to.deep.equal(['monotony', 'strain']);
    expect(root(chart).querySelector('path.monotony')!.getAttribute('d')).to.match(/^M/);
    expect(root(chart).querySelector('path.strain')!.getAttribute('d')).to.match(/^M/);
    expect([...root(chart).querySelectorAll('.panel-title')].map((el) => el.textContent)).to.include('Strain (week load × monotony, AU)');
    root(chart).querySelector<SVGSVGElement>('svg')!.focus();
    await sendKeys({ press: 'End' });
    await chart.updateComplete;
    // The issue's vector: monotony 2.197730 and strain 4439.4154 on day 28.
    expect(detailOf(chart)).to.contain('Monotony 2.20, strain 4,439 AU.');
    root(chart).querySelector<HTMLButtonElement>('.table-toggle')!.click();
    await chart.updateComplete;
    const head = [...root(chart).querySelectorAll('thead th')].map((th) => th.textContent);
    expect(head).to.include('Monotony').and.include('Strain');
    expect(root(chart).querySelector('tbody tr')!.textContent!.replace(/\s+/g, ' ')).to.contain('2.20').and.contain('4,439');
    await expectNoAxeViolations(chart);
  });

  it('adds fitness, fatigue and form, and names the decay variant', async () => {
    const { chart } = await render(SERIES, { panels: 'fitness' });
    await settle(chart, '2,020 AU');
    expect(root(chart).querySelector('figcaption')!.textContent).to.contain('exponential decay');
    for (const series of ['ctl', 'atl', 'tsb']) expect(root(chart).querySelector(`path.${series}`)!.getAttribute('d')).to.match(/^M/);
    const last = fitnessFatigue(SERIES)[27]!;
    root(chart).querySelector<SVGSVGElement>('svg')!.focus();
    await sendKeys({ press: 'End' });
    await chart.updateComplete;
    const whole = (v: number) => Math.round(v).toLocaleString('en');
    expect(detailOf(chart)).to.contain(`Fitness ${whole(last.ctl)}, fatigue ${whole(last.atl)}, form ${whole(last.tsb)}.`);
    // Form goes below zero in a hard last week: a zero line is drawn inside the panel.
    expect(last.tsb).to.be.below(0);
    expect(root(chart).querySelector('g.panel.fitness line.zero')).to.not.equal(null);

    chart.variant = 'linear';
    await chart.updateComplete;
    expect(root(chart).querySelector('figcaption')!.textContent).to.contain('linear decay');
    const linear = fitnessFatigue(SERIES, { variant: 'linear' })[27]!;
    expect(detailOf(chart)).to.contain(`Fitness ${whole(linear.ctl)}, fatigue ${whole(linear.atl)}`);
    await expectNoAxeViolations(chart);
  });

  it('draws fasting glucose readings on their own axis, in the unit asked for', async () => {
    const { store, chart } = await render(SERIES, { glucoseUnit: 'mmol/L' });
    await settle(chart, '2,020 AU');
    expect(root(chart).querySelector('g.glucose')).to.equal(null);
    const reading = (day: number, mgdl: number, context: GlucoseContext) =>
      newGlucoseReading({ measuredAt: `${addDays(DAY1, day)}T06:30:00.000Z`, timeZone: 'UTC', mgdl, context });
    for (const r of [reading(20, 108.1, 'fasting'), reading(25, 99, 'fasting'), reading(25, 160, 'after-meal')]) {
      await store.api!.adapter.put('glucose', r, { expectedRev: null });
    }
    await waitUntil(() => root(chart).querySelector('g.glucose'), 'glucose overlay');
    const overlay = root(chart).querySelector('g.glucose')!;
    expect(overlay.getAttribute('data-unit')).to.equal('mmol/L');
    // Two fasting readings, two dots; the after-meal reading is not drawn.
    expect(overlay.querySelector('path.dots')!.getAttribute('d')!.match(/M/g)).to.have.length(2);
    expect(overlay.querySelector('.axis-unit')!.textContent).to.equal('mmol/L');
    expect(root(chart).querySelector('.legend')!.textContent).to.contain('Fasting glucose (mmol/L)');
    root(chart).querySelector<SVGSVGElement>('svg')!.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await chart.updateComplete;
    // 99 mg/dL is 5.5 mmol/L (÷ 18.016).
    expect(detailOf(chart)).to.contain('Fasting glucose 5.5 mmol/L.');
    await expectNoAxeViolations(chart);
  });

  it('shows a tooltip for the day under the pointer, the finger or the keyboard', async () => {
    const { chart } = await render(SERIES);
    await settle(chart, '2,020 AU');
    const svgEl = root(chart).querySelector<SVGSVGElement>('svg')!;
    expect(root(chart).querySelector('.tooltip')).to.equal(null);
    // Hover the last day's bar with a real mouse.
    const last = barSegments(chart).at(-1)!;
    const box = svgEl.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + last.x + 2), Math.round(box.top + 100)] });
    await waitUntil(() => root(chart).querySelector('.tooltip'), 'tooltip on hover');
    const tip = () => root(chart).querySelector<HTMLElement>('.tooltip')!;
    expect(tip().textContent).to.contain('Sun, November 22, 2026').and.contain('400 AU').and.contain('1.46 · well above');
    expect(tip().getAttribute('aria-hidden')).to.equal('true');
    // The tooltip sits beside the day, inside the chart.
    const tipBox = tip().getBoundingClientRect();
    expect(tipBox.left).to.be.at.least(box.left - 1);
    expect(tipBox.right).to.be.at.most(box.right + 1);
    await sendMouse({ type: 'move', position: [0, 0] });
    await waitUntil(() => !root(chart).querySelector('.tooltip'), 'tooltip gone when the pointer leaves');

    // A touch stays after the finger lifts (the pointer "leaves" at once on touch).
    const first = barSegments(chart)[0]!;
    const at = { clientX: box.left + first.x + 1, clientY: box.top + 100, pointerType: 'touch', bubbles: true };
    svgEl.dispatchEvent(new PointerEvent('pointerdown', at));
    svgEl.dispatchEvent(new PointerEvent('pointerleave', at));
    await chart.updateComplete;
    expect(tip().textContent).to.contain('Mon, October 26, 2026');

    svgEl.focus();
    await sendKeys({ press: 'End' });
    await chart.updateComplete;
    expect(tip().textContent).to.contain('Sun, November 22, 2026');
    await expectNoAxeViolations(chart);
    await sendKeys({ press: 'Escape' });
    await chart.updateComplete;
    expect(root(chart).querySelector('.tooltip')).to.equal(null);
  });
});

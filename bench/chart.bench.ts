/**
 * Chart benchmark (issue 6): `<load-chart range="all">` over 5 years of sessions (about 1,800
 * days), first render and the redraw after one more session, beside Observable Plot drawing the
 * same series (stacked daily bars, acute and chronic lines, the ratio against its bands) in the
 * same run. Goals: first render within 16 ms, update within 8 ms, at most half Plot's time.
 *
 * Every figure ends with a forced layout (reading the chart's size), so it counts the browser's
 * style and layout work too, not only building the DOM. Plot is handed the metrics already
 * computed; our figures include reading the sessions from the store and computing them (cold:
 * records the chart has never seen), and drawing the summary, legend and controls as well.
 */
import * as Plot from '@observablehq/plot';
import '../src/entries/training-store.js';
import '../src/entries/load-chart.js';
import { newSession, type TrainingSession } from '../src/tracking/model.js';
import { MemoryAdapter } from '../src/tracking/storage/memory.js';
import { sampleSessions } from '../src/tracking/sample-data.js';
import { buildChartModel } from '../src/tracking/load-chart/chart-model.js';
import type { LoadChart } from '../src/tracking/load-chart/load-chart.js';
import type { TrainingStore } from '../src/tracking/store/training-store.js';
import { fail, measure, report } from './harness.js';

const TODAY = '2026-06-30';
const DAYS = 5 * 365 + 1;
const RUNS = 25;
const stage = document.getElementById('stage')!;
/** About 1,500 sessions: the sample's plausible weeks, with a second session on one day in four. */
const sessions: TrainingSession[] = [
  ...sampleSessions({ until: TODAY, days: DAYS, timeZone: 'Europe/Berlin', seed: 11 }),
  ...sampleSessions({ until: TODAY, days: DAYS, timeZone: 'Europe/Berlin', seed: 12 }).filter((_, i) => i % 4 === 0),
];

/** A store holding the sessions, and a chart (not yet on the page) reading from it. */
async function storeWithSessions(): Promise<{ store: TrainingStore; adapter: MemoryAdapter }> {
  const adapter = new MemoryAdapter();
  for (const s of sessions) await adapter.put('sessions', s, { expectedRev: null });
  const store = document.createElement('training-store');
  store.adapter = adapter;
  stage.replaceChildren(store);
  await store.api!.ready;
  return { store, adapter };
}

function makeChart(): LoadChart {
  const chart = document.createElement('load-chart');
  chart.setAttribute('range', 'all');
  chart.setAttribute('date', TODAY);
  chart.setAttribute('time-zone', 'Europe/Berlin');
  return chart;
}

/** Resolves once `done()` holds, checking after each render of the chart. */
async function renderedWhen(chart: LoadChart, done: () => boolean): Promise<void> {
  while (!done()) {
    await chart.updateComplete;
    await new Promise<void>((resolve) => queueMicrotask(resolve));
  }
  chart.shadowRoot!.querySelector('svg')!.getBoundingClientRect();
}

const svgOf = (chart: LoadChart) => chart.shadowRoot?.querySelector('svg .bars');
const summaryOf = (chart: LoadChart) => chart.shadowRoot?.querySelector('.summary')?.textContent ?? '';

/** Plot's drawing of the same series, computed once: Plot takes data, not sessions. */
function plotPeer(): () => HTMLElement {
  const model = buildChartModel(sessions, { range: 'all', method: 'ewma', today: TODAY });
  const days = model.days.map((d) => ({ ...d, day: new Date(`${d.date}T00:00:00Z`) }));
  const bars = days.flatMap((d) => Object.entries(d.byModality).map(([modality, load]) => ({ day: d.day, modality, load })));
  const width = 936;
  return () => {
    const load = Plot.plot({
      width,
      height: 220,
      x: { type: 'utc' },
      color: { domain: ['aerobic', 'resistance', 'hiit', 'combined', 'other'] },
      marks: [
        Plot.rectY(bars, Plot.stackY({ x: 'day', interval: 'day', y: 'load', fill: 'modality' })),
        Plot.lineY(days, { x: 'day', y: 'acute', stroke: 'currentColor' }),
        Plot.lineY(days, { x: 'day', y: 'chronic', stroke: 'gray' }),
      ],
    });
    const ratio = Plot.plot({
      width,
      height: 150,
      x: { type: 'utc' },
      y: { domain: [0, 2] },
      marks: [
        Plot.rectY([{ y1: 0, y2: 0.8 }, { y1: 0.8, y2: 1.3 }, { y1: 1.3, y2: 1.5 }, { y1: 1.5, y2: 2 }], { y1: 'y1', y2: 'y2', fillOpacity: 0.1, fill: (_, i) => i }),
        Plot.lineY(days, { x: 'day', y: 'ratio' }),
      ],
    });
    const figure = document.createElement('figure');
    figure.append(load, ratio);
    return figure;
  };
}

async function main(): Promise<void> {
  let store: TrainingStore;
  let adapter: MemoryAdapter;
  let chart = makeChart();
  const figures = [
    // Cold: a new store each run holds records the chart has never seen, as on a page load.
    await measure('<load-chart>', `first render, ${DAYS.toLocaleString('en')} days, ${sessions.length.toLocaleString('en')} sessions`, RUNS, {
      prepare: async () => {
        ({ store, adapter } = await storeWithSessions());
        chart = makeChart();
      },
      run: async () => {
        store.append(chart);
        await renderedWhen(chart, () => !!svgOf(chart));
      },
    }, 16),
  ];
  let before = '';
  let fresh: TrainingSession[] = [];
  figures.push(
    await measure('<load-chart>', 'redraw after one more session saved', RUNS, {
      prepare: async () => {
        ({ store, adapter } = await storeWithSessions());
        chart = makeChart();
        store.append(chart);
        await renderedWhen(chart, () => !!svgOf(chart));
        before = summaryOf(chart);
      },
      run: async () => {
        const extra = newSession({ modality: 'aerobic', startedAt: `${TODAY}T06:00:00Z`, timeZone: 'Europe/Berlin', durationMin: 30, rpe: 5 });
        await adapter.put('sessions', extra, { expectedRev: null });
        await renderedWhen(chart, () => summaryOf(chart) !== before);
      },
    }, 8),
    // Cold again: fresh frozen copies, so every session's local date is worked out.
    await measure('loadwise/metrics', 'the chart model alone, from sessions never seen before', RUNS, {
      prepare: async () => void (fresh = sessions.map((s) => Object.freeze({ ...s }))),
      run: async () => void buildChartModel(fresh, { range: 'all', method: 'ewma', today: TODAY }),
    }),
  );
  const draw = plotPeer();
  let peer: HTMLElement | undefined;
  figures.push(
    await measure('Observable Plot', `first render, ${DAYS.toLocaleString('en')} days, ${sessions.length.toLocaleString('en')} sessions`, RUNS, {
      prepare: async () => {
        peer?.remove();
        stage.replaceChildren();
      },
      run: async () => {
        peer = draw();
        stage.append(peer);
        peer.getBoundingClientRect();
      },
    }),
    await measure('Observable Plot', 'redraw after one more session saved', RUNS, {
      run: async () => {
        const next = draw();
        peer!.replaceWith(next);
        peer = next;
        peer.getBoundingClientRect();
      },
    }),
  );
  report(figures);
}

main().catch(fail);

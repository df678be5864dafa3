/**
 * Where everything in `<load-chart>` goes for a given width: the panels stacked top to bottom,
 * their d3 scales and ticks, and the SVG path data of every series. Pure: the element renders it.
 *
 * Bars are drawn as one path per modality, not one element per day: five years of days would
 * otherwise be thousands of SVG elements, and building, styling and laying them out was most of
 * the first render's cost.
 */
import { utcTicks } from 'd3-time';
import { line } from 'd3-shape';
import { max, min } from 'd3-array';
import { addDays } from '../metrics/calendar.js';
import { MODALITIES, type Modality } from '../model.js';
import { fromMgdl, type GlucoseUnit } from '../units.js';
import { BANDS, type Band, type ChartDay, type ChartModel, type ChartPanel } from './chart-model.js';
import { linearScale, type LinearScale } from './linear-scale.js';

export const MARGIN = { left: 44, right: 12, rightWithGlucose: 48, top: 10 } as const;
/** Panel heights and the gap above each panel after the first, which holds its title. */
export const HEIGHT = { load: 190, ratio: 120, monotony: 72, strain: 72, fitness: 130, gap: 30, axis: 24 } as const;
/** The ratio axis always reaches at least 2, so the bands keep their proportions. */
const RATIO_TOP_MIN = 2;
const MONOTONY_TOP_MIN = 3;

export type PanelKind = 'load' | 'ratio' | 'monotony' | 'strain' | 'fitness';

export interface Panel {
  kind: PanelKind;
  top: number;
  bottom: number;
  y: LinearScale;
  ticks: number[];
}

export interface ChartLayout {
  width: number;
  height: number;
  left: number;
  right: number;
  /** Width of one day. */
  step: number;
  /** Centre of day `i`. */
  mid: (i: number) => number;
  /** Dates for the x axis, as UTC midnights, with their x. */
  xTicks: { date: Date; x: number }[];
  panels: Panel[];
  bars: Record<Modality, string>;
  acute: string;
  chronic: string;
  ratio: string;
  bands: { band: Band; top: number; bottom: number }[];
  /** Width of the ratio panel's "building your baseline" shading, from the left edge. */
  baselineWidth: number;
  monotony?: string;
  strain?: string;
  fitness?: { ctl: string; atl: string; tsb: string; zero: number };
  glucose?: { y: LinearScale; ticks: number[]; dots: string; unit: GlucoseUnit };
}

export interface LayoutOptions {
  width: number;
  panels: readonly ChartPanel[];
  glucoseUnit: GlucoseUnit;
}

/** Path data rounded to a tenth of a pixel: shorter strings, no visible difference. */
const r1 = (n: number) => Math.round(n * 10) / 10;

/** The rect of each day's bar segment for each modality, stacked in a fixed order, as one path per modality. */
function barPaths(days: readonly ChartDay[], left: number, step: number, y: (v: number) => number): Record<Modality, string> {
  const width = Math.max(step * 0.72, 1);
  const inset = (step - width) / 2;
  const parts = Object.fromEntries(MODALITIES.map((m) => [m, [] as string[]])) as Record<Modality, string[]>;
  days.forEach((day, i) => {
    if (day.load <= 0) return;
    const x = r1(left + i * step + inset);
    let base = 0;
    for (const m of MODALITIES) {
      const load = day.byModality[m];
      if (!load) continue;
      const bottom = y(base);
      base += load;
      parts[m].push(`M${x},${r1(y(base))}h${r1(width)}V${r1(bottom)}h${-r1(width)}Z`);
    }
  });
  return Object.fromEntries(MODALITIES.map((m) => [m, parts[m].join('')])) as Record<Modality, string>;
}

/** A line through the days where `value` is not null. */
function path(days: readonly ChartDay[], mid: (i: number) => number, y: (v: number) => number, value: (d: ChartDay) => number | null): string {
  return (
    line<ChartDay>()
      .digits(1)
      .defined((d) => value(d) !== null)
      .x((_, i) => mid(i))
      .y((d) => y(value(d) ?? 0))(days) ?? ''
  );
}

export function chartLayout(model: ChartModel, { width: available, panels, glucoseUnit }: LayoutOptions): ChartLayout {
  const days = model.days;
  const width = Math.max(available, 280);
  const hasGlucose = model.glucoseCount > 0;
  const left = MARGIN.left;
  const right = width - (hasGlucose ? MARGIN.rightWithGlucose : MARGIN.right);
  const step = (right - left) / Math.max(days.length, 1);
  const mid = (i: number) => left + (i + 0.5) * step;

  // Panels top to bottom; each after the first leaves a gap above it for its title.
  const kinds: PanelKind[] = ['load', 'ratio'];
  if (panels.includes('monotony')) kinds.push('monotony', 'strain');
  if (panels.includes('fitness')) kinds.push('fitness');
  let top: number = MARGIN.top;
  const placed = kinds.map((kind, i) => {
    if (i > 0) top += HEIGHT.gap;
    const span = { kind, top, bottom: top + HEIGHT[kind] };
    top = span.bottom;
    return span;
  });
  const axisTop = top;
  const height = axisTop + HEIGHT.axis;
  const scale = (span: { top: number; bottom: number }, domain: [number, number], nice = true) => {
    return linearScale(domain, [span.bottom, span.top], nice ? 4 : undefined);
  };

  const out: Panel[] = [];
  const load = placed[0]!;
  const loadMax = max(days, (d) => Math.max(d.load, d.acute, d.chronic ?? 0)) || 1;
  const yLoad = scale(load, [0, loadMax]);
  out.push({ ...load, y: yLoad, ticks: yLoad.ticks(4) });

  const ratioSpan = placed[1]!;
  const ratioMax = Math.max(RATIO_TOP_MIN, max(days, (d) => d.ratio ?? 0) ?? 0);
  const yRatio = scale(ratioSpan, [0, ratioMax], false);
  out.push({ ...ratioSpan, y: yRatio, ticks: [0.8, 1.3, 1.5] });
  const bands = BANDS.map(({ band, from, to }) => ({ band, top: yRatio(Math.min(to, ratioMax)), bottom: yRatio(Math.min(from, ratioMax)) })).filter(
    (b) => b.bottom > b.top,
  );
  const firstRatio = days.findIndex((d) => !d.baseline);
  const baselineWidth = (firstRatio < 0 ? days.length : firstRatio) * step;

  const layout: ChartLayout = {
    width,
    height,
    left,
    right,
    step,
    mid,
    xTicks: [],
    panels: out,
    bars: barPaths(days, left, step, yLoad),
    acute: path(days, mid, yLoad, (d) => d.acute),
    chronic: path(days, mid, yLoad, (d) => d.chronic),
    ratio: path(days, mid, yRatio, (d) => d.ratio),
    bands,
    baselineWidth,
  };

  for (const span of placed.slice(2)) {
    if (span.kind === 'monotony') {
      const y = scale(span, [0, Math.max(MONOTONY_TOP_MIN, max(days, (d) => d.monotony ?? 0) ?? 0)]);
      out.push({ ...span, y, ticks: y.ticks(3) });
      layout.monotony = path(days, mid, y, (d) => d.monotony);
    } else if (span.kind === 'strain') {
      const y = scale(span, [0, max(days, (d) => d.strain ?? 0) || 1]);
      out.push({ ...span, y, ticks: y.ticks(3) });
      layout.strain = path(days, mid, y, (d) => d.strain);
    } else if (span.kind === 'fitness') {
      // Form (fitness − fatigue) goes below zero: the axis takes in both signs.
      const low = Math.min(0, min(days, (d) => d.tsb) ?? 0);
      const high = max(days, (d) => Math.max(d.ctl, d.atl, d.tsb)) || 1;
      const y = scale(span, [low, high]);
      out.push({ ...span, y, ticks: y.ticks(4) });
      layout.fitness = {
        ctl: path(days, mid, y, (d) => d.ctl),
        atl: path(days, mid, y, (d) => d.atl),
        tsb: path(days, mid, y, (d) => d.tsb),
        zero: r1(y(0)),
      };
    }
  }

  if (hasGlucose) {
    // Fasting glucose on its own axis at the right of the load panel, in the person's unit.
    const values = days.flatMap((d) => d.glucose.map((mgdl) => fromMgdl(mgdl, glucoseUnit)));
    const low = Math.min(...values);
    const high = Math.max(...values);
    const y = linearScale(low === high ? [low - 1, high + 1] : [low, high], [load.bottom - 6, load.top + 6], 4);
    const radius = 3;
    const dots: string[] = [];
    days.forEach((day, i) => {
      for (const mgdl of day.glucose) {
        const cx = r1(mid(i));
        const cy = r1(y(fromMgdl(mgdl, glucoseUnit)));
        dots.push(`M${r1(cx - radius)},${cy}a${radius},${radius} 0 1,0 ${radius * 2},0a${radius},${radius} 0 1,0 ${-radius * 2},0`);
      }
    });
    layout.glucose = { y, ticks: y.ticks(4), dots: dots.join(''), unit: glucoseUnit };
  }

  // A linear scale over milliseconds with d3-time's UTC ticks: the axis of scaleUtc without the
  // d3-time-format it brings (Intl formats the dates).
  if (days.length) {
    const start = new Date(`${days[0]!.date}T00:00:00Z`);
    const end = new Date(`${addDays(days[days.length - 1]!.date, 1)}T00:00:00Z`);
    const x = linearScale([start.getTime(), end.getTime()], [left, right]);
    layout.xTicks = utcTicks(start, end, Math.max(2, Math.floor((right - left) / 90))).map((date) => ({ date, x: x(date.getTime()) }));
  }
  return layout;
}

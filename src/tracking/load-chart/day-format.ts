/**
 * How the chart writes a day: its date, its glucose readings, and every figure of it, the same in
 * the tooltip, the live sentence, the table and the axis. `dayFigures` is the one place a day's
 * numbers are formatted; the three views only arrange its strings.
 */
import { dateFormat, numberFormat } from '../../base/formats.js';
import { fromMgdl, type GlucoseUnit } from '../units.js';
import type { CalendarDate } from '../metrics/calendar.js';
import type { ChartDay, ChartPanel } from './chart-model.js';
import type { LoadChartStrings } from './strings.js';

/** "Sun, November 22, 2026" in the page's language. */
export const longDate = (date: CalendarDate, lang: string): string =>
  dateFormat(lang, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** Glucose numbers: whole mg/dL, mmol/L to one decimal. */
export const glucoseNumber = (lang: string, unit: GlucoseUnit): Intl.NumberFormat => numberFormat(lang, { maximumFractionDigits: unit === 'mg/dL' ? 0 : 1 });

/** A day's readings (stored in mg/dL) in `unit`, comma-separated. */
export function glucoseValues(mgdl: readonly number[], unit: GlucoseUnit, lang: string): string {
  const format = glucoseNumber(lang, unit);
  return mgdl.map((v) => format.format(fromMgdl(v, unit))).join(', ');
}

/** How the figures are written: the page's language, the panels shown, the glucose unit. */
export interface FigureOptions {
  lang: string;
  panels: readonly ChartPanel[];
  glucoseUnit: GlucoseUnit;
}

/** A day's figures as text. `null` where a figure does not exist yet (the first days) or is not shown. */
export interface DayFigures {
  /** Load in arbitrary units, whole. */
  load: string;
  sessions: number;
  acute: string;
  chronic: string | null;
  /** The acute:chronic ratio to two decimals. */
  ratio: string | null;
  /** The ratio's band in words, or "building your baseline" in the first 28 days. */
  band: string | null;
  /** Monotony and strain, when that panel is shown. */
  monotony: string | null;
  strain: string | null;
  /** Fitness, fatigue and form, when that panel is shown. */
  fitness: { ctl: string; atl: string; tsb: string } | null;
  /** The day's glucose readings in the unit shown, when there are any. */
  glucose: string | null;
}

export function dayFigures(day: ChartDay, t: LoadChartStrings, { lang, panels, glucoseUnit }: FigureOptions): DayFigures {
  const whole = numberFormat(lang, { maximumFractionDigits: 0 });
  const two = numberFormat(lang, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const monotony = panels.includes('monotony');
  return {
    load: whole.format(day.load),
    sessions: day.sessions,
    acute: whole.format(day.acute),
    chronic: day.chronic === null ? null : whole.format(day.chronic),
    ratio: day.ratio === null ? null : two.format(day.ratio),
    band: day.band ? t.band[day.band] : day.baseline ? t.baseline : null,
    monotony: monotony && day.monotony !== null ? two.format(day.monotony) : null,
    strain: monotony && day.strain !== null ? whole.format(day.strain) : null,
    fitness: panels.includes('fitness') ? { ctl: whole.format(day.ctl), atl: whole.format(day.atl), tsb: whole.format(day.tsb) } : null,
    glucose: day.glucose.length ? glucoseValues(day.glucose, glucoseUnit, lang) : null,
  };
}

/** What a cell shows for a figure that does not exist. */
export const DASH = '—';

/** The ratio as a cell reads: "1.12 · in line", the baseline note, or a dash. */
export const ratioText = (f: DayFigures, separator: (ratio: string, band: string) => string): string =>
  f.ratio === null ? (f.band ?? DASH) : separator(f.ratio, f.band ?? '');

/** The figures as label–value rows, in the tooltip's order. */
export function figureRows(f: DayFigures, t: LoadChartStrings, options: FigureOptions): [string, string][] {
  const rows: [string, string][] = [
    [t.load, `${f.load} ${t.au} · ${t.sessionCount(f.sessions)}`],
    [t.acute, f.acute],
    [t.chronic, f.chronic ?? DASH],
    [t.ratio, ratioText(f, (ratio, band) => `${ratio} · ${band}`)],
  ];
  if (options.panels.includes('monotony')) rows.push([t.monotony, f.monotony ?? DASH], [t.strain, f.strain ?? DASH]);
  if (f.fitness) rows.push([t.fitness, f.fitness.ctl], [t.fatigue, f.fitness.atl], [t.form, f.fitness.tsb]);
  if (f.glucose) rows.push([t.glucose(options.glucoseUnit), f.glucose]);
  return rows;
}

/** The figures in one sentence, for the live region. */
export function figureSentence(date: string, f: DayFigures, t: LoadChartStrings, glucoseUnit: GlucoseUnit): string {
  let text = t.dayDetail(date, f.load, f.sessions, f.ratio, f.band);
  if (f.monotony !== null && f.strain !== null) text += t.detailMonotony(f.monotony, f.strain);
  if (f.fitness) text += t.detailFitness(f.fitness.ctl, f.fitness.atl, f.fitness.tsb);
  if (f.glucose) text += t.detailGlucose(f.glucose, glucoseUnit);
  return text;
}

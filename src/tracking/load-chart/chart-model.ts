/**
 * What `<load-chart>` draws, worked out without the DOM: the days of the range with their load,
 * acute and chronic load and ratio, the band each ratio falls in, monotony and strain, fitness,
 * fatigue and form, the fasting glucose readings of each day, and the figures of the summary.
 * Metrics run over the whole history (an exponentially weighted average depends on every day
 * before), then the range is cut from the end.
 */
import { addDays, localDate, type CalendarDate } from '../metrics/calendar.js';
import { acuteChronic, RATIO_MIN_DAYS, type AcwrMethod } from '../metrics/acute-chronic.js';
import { dailyLoads, type DailyLoad } from '../metrics/daily-loads.js';
import { monotonyStrain } from '../metrics/monotony.js';
import { fitnessFatigue, type DecayVariant } from '../metrics/fitness-fatigue.js';
import type { GlucoseReading, TrainingSession } from '../model.js';

export type ChartRange = '4w' | '12w' | '6m' | '1y' | 'all';
export const CHART_RANGES: readonly ChartRange[] = ['4w', '12w', '6m', '1y', 'all'];
const RANGE_DAYS: Record<Exclude<ChartRange, 'all'>, number> = { '4w': 28, '12w': 84, '6m': 182, '1y': 365 };

/** The optional panels beneath the ratio: monotony and strain (Foster 1998); fitness, fatigue and form. */
export type ChartPanel = 'monotony' | 'fitness';
export const CHART_PANELS: readonly ChartPanel[] = ['monotony', 'fitness'];

/**
 * Neutral words for where a ratio falls: guides, not a diagnosis or an injury risk.
 * lighter < 0.8 ≤ in line ≤ 1.3 < well above < 1.5 ≤ sharply above.
 */
export type Band = 'lighter' | 'in-line' | 'well-above' | 'sharply-above';
export const BANDS: readonly { band: Band; from: number; to: number }[] = [
  { band: 'lighter', from: 0, to: 0.8 },
  { band: 'in-line', from: 0.8, to: 1.3 },
  { band: 'well-above', from: 1.3, to: 1.5 },
  { band: 'sharply-above', from: 1.5, to: Infinity },
];

export function bandOf(ratio: number): Band {
  if (ratio < 0.8) return 'lighter';
  if (ratio <= 1.3) return 'in-line';
  if (ratio < 1.5) return 'well-above';
  return 'sharply-above';
}

export interface ChartDay extends DailyLoad {
  acute: number;
  chronic: number | null;
  ratio: number | null;
  band: Band | null;
  /** Within the first 28 days of history: the baseline is still being built. */
  baseline: boolean;
  /** Foster's monotony of the 7 days ending this day; `null` before 7 days or when every day was the same. */
  monotony: number | null;
  /** Foster's strain (week load × monotony), AU. */
  strain: number | null;
  /** Fitness (chronic training load, 42 days), fatigue (acute, 7 days) and form (yesterday's fitness − fatigue), AU. */
  ctl: number;
  atl: number;
  tsb: number;
  /** Fasting glucose readings taken this (local) day, mg/dL, in time order. */
  glucose: number[];
}

export interface ChartModel {
  method: AcwrMethod;
  variant: DecayVariant;
  /** The days drawn, oldest first, ending today. Empty when nothing was ever logged. */
  days: ChartDay[];
  /** Days of history up to today (from the first session). */
  historyDays: number;
  /** The load of the 7 days ending today, AU. */
  weekLoad: number;
  /** Today, the last day drawn. */
  today: ChartDay | undefined;
  /** Fasting readings within the days drawn. */
  glucoseCount: number;
}

export interface ChartModelOptions {
  range?: ChartRange;
  method?: AcwrMethod;
  variant?: DecayVariant;
  /** The last day drawn: today in the person's zone. */
  today: CalendarDate;
  /** Glucose readings; only fasting ones are drawn. */
  glucose?: readonly ChartReading[];
}

type ChartSession = Pick<TrainingSession, 'startedAt' | 'timeZone' | 'rpe' | 'durationMin' | 'modality'>;
export type ChartReading = Pick<GlucoseReading, 'measuredAt' | 'timeZone' | 'mgdl' | 'context'>;

/** Fasting readings by the local day they were taken on, in time order. */
function fastingByDay(readings: readonly ChartReading[]): Map<CalendarDate, number[]> {
  const fasting = readings.filter((r) => r.context === 'fasting').sort((a, b) => Date.parse(a.measuredAt) - Date.parse(b.measuredAt));
  const byDay = new Map<CalendarDate, number[]>();
  for (const reading of fasting) {
    const day = localDate(reading.measuredAt, reading.timeZone);
    const list = byDay.get(day);
    if (list) list.push(reading.mgdl);
    else byDay.set(day, [reading.mgdl]);
  }
  return byDay;
}

export function buildChartModel(
  sessions: readonly ChartSession[],
  { range = '12w', method = 'ewma', variant = 'exponential', today, glucose = [] }: ChartModelOptions,
): ChartModel {
  const empty: ChartModel = { method, variant, days: [], historyDays: 0, weekLoad: 0, today: undefined, glucoseCount: 0 };
  if (sessions.length === 0) return empty;
  // From the first session's day to today; sessions dated after today (another zone's tomorrow)
  // leave just today.
  let daily = dailyLoads(sessions, { to: today });
  if (daily.length === 0) daily = [{ date: today, load: 0, sessions: 0, byModality: {} }];
  const ratios = acuteChronic(daily, { method });
  const weeks = monotonyStrain(daily);
  const form = fitnessFatigue(daily, { variant });
  const readings = glucose.length ? fastingByDay(glucose) : undefined;
  const none: number[] = [];
  const dayOf = (day: DailyLoad, i: number): ChartDay => {
    const { acute, chronic, ratio } = ratios[i]!;
    const { monotony, strain } = weeks[i]!;
    const { ctl, atl, tsb } = form[i]!;
    const band = ratio === null ? null : bandOf(ratio);
    // Every field named rather than spread from `day`: thousands of days, and spreading was
    // thirty times slower.
    return {
      date: day.date, load: day.load, sessions: day.sessions, byModality: day.byModality,
      acute, chronic, ratio, band, baseline: i + 1 < RATIO_MIN_DAYS, monotony, strain, ctl, atl, tsb,
      glucose: readings?.get(day.date) ?? none,
    };
  };
  const wanted = range === 'all' ? daily.length : RANGE_DAYS[range];
  // Only the days drawn become chart days; a range longer than the history starts with empty
  // days, so 4 weeks always look like 4 weeks.
  const days: ChartDay[] = [];
  const first = daily[0]!.date;
  for (let i = wanted - daily.length; i > 0; i--) {
    const date = addDays(first, -i);
    days.push({
      date, load: 0, sessions: 0, byModality: {}, acute: 0, chronic: null, ratio: null, band: null, baseline: true,
      monotony: null, strain: null, ctl: 0, atl: 0, tsb: 0, glucose: readings?.get(date) ?? none,
    });
  }
  for (let i = Math.max(daily.length - wanted, 0); i < daily.length; i++) days.push(dayOf(daily[i]!, i));
  const last = days[days.length - 1];
  return {
    method,
    variant,
    days,
    historyDays: daily.length,
    weekLoad: weeks[weeks.length - 1]!.weekLoad,
    today: last,
    glucoseCount: days.reduce((n, d) => n + d.glucose.length, 0),
  };
}

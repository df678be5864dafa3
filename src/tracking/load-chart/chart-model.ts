/**
 * What `<load-chart>` draws, worked out without the DOM: the days of the range with their load,
 * acute and chronic load and ratio, the band each ratio falls in, and the figures of the summary.
 * Metrics run over the whole history (an exponentially weighted average depends on every day
 * before), then the range is cut from the end.
 */
import { addDays, localDate, type CalendarDate } from '../metrics/calendar.js';
import { acuteChronic, RATIO_MIN_DAYS, type AcwrMethod } from '../metrics/acute-chronic.js';
import { dailyLoads, type DailyLoad } from '../metrics/daily-loads.js';
import type { TrainingSession } from '../model.js';

export type ChartRange = '4w' | '12w' | '6m' | '1y' | 'all';
export const CHART_RANGES: readonly ChartRange[] = ['4w', '12w', '6m', '1y', 'all'];
const RANGE_DAYS: Record<Exclude<ChartRange, 'all'>, number> = { '4w': 28, '12w': 84, '6m': 182, '1y': 365 };

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
}

export interface ChartModel {
  method: AcwrMethod;
  /** The days drawn, oldest first, ending today. Empty when nothing was ever logged. */
  days: ChartDay[];
  /** Days of history up to today (from the first session). */
  historyDays: number;
  /** The load of the 7 days ending today, AU. */
  weekLoad: number;
  /** Today, the last day drawn. */
  today: ChartDay | undefined;
}

export interface ChartModelOptions {
  range?: ChartRange;
  method?: AcwrMethod;
  /** The last day drawn: today in the person's zone. */
  today: CalendarDate;
}

type ChartSession = Pick<TrainingSession, 'startedAt' | 'timeZone' | 'rpe' | 'durationMin' | 'modality'>;

export function buildChartModel(sessions: readonly ChartSession[], { range = '12w', method = 'ewma', today }: ChartModelOptions): ChartModel {
  if (sessions.length === 0) return { method, days: [], historyDays: 0, weekLoad: 0, today: undefined };
  let first = today;
  for (const s of sessions) {
    const day = localDate(s.startedAt, s.timeZone);
    if (day < first) first = day;
  }
  const daily = dailyLoads(sessions, { from: first, to: today });
  const metrics = acuteChronic(daily, { method });
  const all: ChartDay[] = daily.map((day, i) => {
    const { acute, chronic, ratio } = metrics[i]!;
    return { ...day, acute, chronic, ratio, band: ratio === null ? null : bandOf(ratio), baseline: i + 1 < RATIO_MIN_DAYS };
  });
  const wanted = range === 'all' ? all.length : RANGE_DAYS[range];
  // A range longer than the history starts with empty days, so 4 weeks always look like 4 weeks.
  const padding: ChartDay[] = [];
  for (let i = wanted - all.length; i > 0; i--) {
    padding.push({ date: addDays(first, -i), load: 0, sessions: 0, byModality: {}, acute: 0, chronic: null, ratio: null, band: null, baseline: true });
  }
  const days = [...padding, ...all.slice(Math.max(all.length - wanted, 0))];
  const weekLoad = all.slice(-7).reduce((sum, d) => sum + d.load, 0);
  return { method, days, historyDays: all.length, weekLoad, today: all[all.length - 1] };
}

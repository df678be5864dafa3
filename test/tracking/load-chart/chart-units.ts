/** Chart models for the chart's unit tests: a steady history of daily sessions, in UTC. */
import { addDays } from '../../../src/tracking/metrics/calendar.js';
import { newGlucoseReading, newSession } from '../../../src/tracking/model.js';
import { buildChartModel, type ChartModel, type ChartRange } from '../../../src/tracking/load-chart/chart-model.js';

export const TODAY = '2026-11-22';

/** `days` days of one 60-minute session at RPE 5 (load 300) each, ending today; glucose on the last day if asked. */
export function steadyModel(days: number, options: { range?: ChartRange; glucose?: number[] } = {}): ChartModel {
  const sessions = Array.from({ length: days }, (_, i) =>
    newSession({ modality: i % 2 ? 'resistance' : 'aerobic', rpe: 5, durationMin: 60, timeZone: 'UTC', startedAt: `${addDays(TODAY, i - days + 1)}T07:00:00.000Z` }),
  );
  const glucose = (options.glucose ?? []).map((mgdl, i) =>
    newGlucoseReading({ mgdl, context: 'fasting', timeZone: 'UTC', measuredAt: `${TODAY}T0${6 + i}:00:00.000Z` }),
  );
  return buildChartModel(sessions, { range: options.range ?? '4w', method: 'ewma', variant: 'exponential', today: TODAY, glucose });
}

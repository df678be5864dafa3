/**
 * Session load and daily loads.
 *
 * Session load is session RPE × duration in minutes (Foster et al. 2001), in arbitrary units
 * (AU). A day's load is the sum of its sessions' loads, and every calendar day between the first
 * and the last counts, with 0 for a day without sessions: the acute:chronic and monotony
 * calculations assume a zero-filled daily series.
 */
import type { Modality, TrainingSession } from '../model.js';
import { dateRange, localDate, type CalendarDate } from './calendar.js';

/** Session RPE × minutes, in AU. */
export function sessionLoad(session: Pick<TrainingSession, 'rpe' | 'durationMin'>): number {
  return session.rpe * session.durationMin;
}

export interface DailyLoad {
  date: CalendarDate;
  /** The day's total load, AU. */
  load: number;
  /** Sessions that day. */
  sessions: number;
  /** The day's load by modality, AU (only modalities trained that day). */
  byModality: Partial<Record<Modality, number>>;
}

export interface DailyLoadOptions {
  /**
   * The zone whose calendar days sessions fall on. By default each session's own `timeZone`, the
   * zone the person was in when they logged it: a session at 23:30 in Paris stays on that Paris
   * day after the person moves to New York.
   */
  timeZone?: string;
  /** First day of the series (default: the day of the earliest session). */
  from?: CalendarDate;
  /** Last day of the series, included (default: the day of the latest session). */
  to?: CalendarDate;
}

type LoadSession = Pick<TrainingSession, 'startedAt' | 'timeZone' | 'rpe' | 'durationMin' | 'modality'>;

/**
 * The local date of each frozen session, by zone. Finding a local date costs an Intl call, the
 * bulk of `dailyLoads`; records from storage are frozen and keep their identity, so a redraw after
 * one more session pays for one. A session that is not frozen could change: it is never cached.
 */
const localDates = new WeakMap<object, Map<string, CalendarDate>>();

function sessionDate(session: LoadSession, zone: string): CalendarDate {
  if (!Object.isFrozen(session)) return localDate(session.startedAt, zone);
  let byZone = localDates.get(session);
  if (!byZone) localDates.set(session, (byZone = new Map()));
  let date = byZone.get(zone);
  if (date === undefined) byZone.set(zone, (date = localDate(session.startedAt, zone)));
  return date;
}

/**
 * One entry per local calendar day from `from` to `to`, zero-filled, several sessions on a day
 * summed. Linear in sessions plus days.
 */
export function dailyLoads(sessions: readonly LoadSession[], { timeZone, from, to }: DailyLoadOptions = {}): DailyLoad[] {
  const byDate = new Map<CalendarDate, DailyLoad>();
  let first: CalendarDate | undefined;
  let last: CalendarDate | undefined;
  for (const session of sessions) {
    const date = sessionDate(session, timeZone ?? session.timeZone);
    if (!first || date < first) first = date;
    if (!last || date > last) last = date;
    let day = byDate.get(date);
    if (!day) byDate.set(date, (day = { date, load: 0, sessions: 0, byModality: {} }));
    const load = sessionLoad(session);
    day.load += load;
    day.sessions += 1;
    day.byModality[session.modality] = (day.byModality[session.modality] ?? 0) + load;
  }
  const start = from ?? first;
  const end = to ?? last;
  if (!start || !end || start > end) return [];
  return dateRange(start, end).map((date) => byDate.get(date) ?? { date, load: 0, sessions: 0, byModality: {} });
}

/**
 * One week of training against the published activity targets for type 2 diabetes and insulin
 * resistance: at least 150 minutes of aerobic-type activity, resistance training on 2–3
 * non-consecutive days, and no more than 2 days in a row without activity. These are what the
 * position statements say, not advice for any one person.
 */
import type { TrainingSession } from '../model.js';
import { addDays, dateRange, localDate, type CalendarDate } from './calendar.js';

export interface GuidelineSource {
  id: string;
  citation: string;
  doi: string;
}

export const GUIDELINE_SOURCES = {
  ada2016: {
    id: 'ada2016',
    citation:
      'Colberg SR, Sigal RJ, Yardley JE, et al. Physical Activity/Exercise and Diabetes: A Position Statement of the American Diabetes Association. Diabetes Care. 2016;39(11):2065–2079.',
    doi: '10.2337/dc16-1728',
  },
  acsm2022: {
    id: 'acsm2022',
    citation:
      'Kanaley JA, Colberg SR, Corcoran MH, et al. Exercise/Physical Activity in Individuals with Type 2 Diabetes: A Consensus Statement from the American College of Sports Medicine. Med Sci Sports Exerc. 2022;54(2):353–368.',
    doi: '10.1249/MSS.0000000000002800',
  },
} as const satisfies Record<string, GuidelineSource>;

const BOTH_SOURCES = [GUIDELINE_SOURCES.ada2016, GUIDELINE_SOURCES.acsm2022];

export const AEROBIC_MINUTES_TARGET = 150;
export const RESISTANCE_DAYS_TARGET = { min: 2, max: 3 } as const;
export const MAX_DAYS_WITHOUT_ACTIVITY = 2;

export interface WeeklyGuidelines {
  weekStart: CalendarDate;
  /** The last day of the week, included. */
  weekEnd: CalendarDate;
  aerobic: {
    /** Aerobic and HIIT minutes, plus `combinedAerobicShare` of combined sessions' minutes. */
    minutes: number;
    target: number;
    met: boolean;
    sources: readonly GuidelineSource[];
  };
  resistance: {
    /** Days with resistance or combined training. */
    days: CalendarDate[];
    target: typeof RESISTANCE_DAYS_TARGET;
    /** No two of those days are next to each other. */
    nonConsecutive: boolean;
    /** At least 2 days, none consecutive. */
    met: boolean;
    sources: readonly GuidelineSource[];
  };
  rest: {
    /** The longest run of days in the week (up to `through`) with no session at all. */
    longestRunWithoutActivity: number;
    limit: number;
    met: boolean;
    sources: readonly GuidelineSource[];
  };
  /** Whether the week had both aerobic-type and resistance-type training (combined counts as both). */
  combinedBoth: boolean;
}

export interface WeeklyGuidelineOptions {
  /** First day of the week (`YYYY-MM-DD`). */
  weekStart: CalendarDate;
  /** Zone for calendar days; by default each session's own, as in `dailyLoads`. */
  timeZone?: string;
  /**
   * Share of a combined session's minutes counted as aerobic. Sessions record one duration, so
   * the split is a convention: half, unless a site knows better.
   */
  combinedAerobicShare?: number;
  /**
   * The last day that has happened (today, for the current week): later days are not yet days
   * without activity. The whole week by default.
   */
  through?: CalendarDate;
}

type GuidelineSession = Pick<TrainingSession, 'startedAt' | 'timeZone' | 'durationMin' | 'modality'>;

export function weeklyGuidelines(
  sessions: readonly GuidelineSession[],
  { weekStart, timeZone, combinedAerobicShare = 0.5, through }: WeeklyGuidelineOptions,
): WeeklyGuidelines {
  const weekEnd = addDays(weekStart, 6);
  const days = dateRange(weekStart, weekEnd);
  const active = new Set<CalendarDate>();
  const resistanceDays = new Set<CalendarDate>();
  let minutes = 0;
  let aerobicType = false;
  for (const session of sessions) {
    const date = localDate(session.startedAt, timeZone ?? session.timeZone);
    if (date < weekStart || date > weekEnd) continue;
    active.add(date);
    const { modality, durationMin } = session;
    if (modality === 'aerobic' || modality === 'hiit') {
      minutes += durationMin;
      aerobicType = true;
    } else if (modality === 'combined') {
      minutes += durationMin * combinedAerobicShare;
      aerobicType = true;
      resistanceDays.add(date);
    } else if (modality === 'resistance') {
      resistanceDays.add(date);
    }
  }
  const resistance = days.filter((d) => resistanceDays.has(d));
  const nonConsecutive = resistance.every((d, i) => i === 0 || addDays(resistance[i - 1]!, 1) !== d);
  let longest = 0;
  let run = 0;
  for (const d of days) {
    if (through !== undefined && d > through) break;
    run = active.has(d) ? 0 : run + 1;
    longest = Math.max(longest, run);
  }
  return {
    weekStart,
    weekEnd,
    aerobic: { minutes, target: AEROBIC_MINUTES_TARGET, met: minutes >= AEROBIC_MINUTES_TARGET, sources: BOTH_SOURCES },
    resistance: {
      days: resistance,
      target: RESISTANCE_DAYS_TARGET,
      nonConsecutive,
      met: resistance.length >= RESISTANCE_DAYS_TARGET.min && nonConsecutive,
      sources: BOTH_SOURCES,
    },
    rest: { longestRunWithoutActivity: longest, limit: MAX_DAYS_WITHOUT_ACTIVITY, met: longest <= MAX_DAYS_WITHOUT_ACTIVITY, sources: BOTH_SOURCES },
    combinedBoth: aerobicType && resistance.length > 0,
  };
}

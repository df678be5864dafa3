/**
 * Which week "this week" is: the week containing a date, starting on the locale's first day of
 * the week (Monday in most of the world, Sunday in the United States, Saturday in some places) or
 * on the day a site names.
 */
import { addDays, weekday, type CalendarDate } from '../metrics/calendar.js';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

/** The locale's first day of the week, 0 (Sunday) to 6 (Saturday); Monday where it cannot tell. */
export function localeFirstDay(locale: string): number {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const firstDay = (info.getWeekInfo?.() ?? info.weekInfo)?.firstDay;
    // Intl counts 1 (Monday) to 7 (Sunday).
    if (typeof firstDay === 'number') return firstDay % 7;
  } catch {
    // An unknown locale: fall through to Monday, the ISO 8601 week.
  }
  return 1;
}

/** `monday` → 1; anything else → undefined. */
export function weekdayNumber(name: string | null | undefined): number | undefined {
  const index = WEEKDAYS.indexOf((name ?? '').trim().toLowerCase() as WeekdayName);
  return index < 0 ? undefined : index;
}

/** The first day of the week that contains `date`, weeks starting on `firstDay` (0–6). */
export function weekStartOf(date: CalendarDate, firstDay: number): CalendarDate {
  return addDays(date, -((weekday(date) - firstDay + 7) % 7));
}

/**
 * Calendar days as people live them. A day is a date string `YYYY-MM-DD`, the local date of an
 * instant in a time zone; days are stepped as calendar dates (d3-time's UTC day), never by adding
 * 86,400,000 ms to an instant, so a 23- or 25-hour day at a daylight-saving change is still one day.
 */
import { utcDay } from 'd3-time';

/** A calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date of `instant` in `timeZone` (IANA). */
export function localDate(instant: string | number | Date, timeZone: string): CalendarDate {
  let format = formatters.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  return format.format(new Date(instant));
}

/** The date as a UTC midnight, for calendar arithmetic only. */
const toUtc = (date: CalendarDate): Date => new Date(`${date}T00:00:00Z`);
const fromUtc = (day: Date): CalendarDate => day.toISOString().slice(0, 10);

/** `date` moved by `days` calendar days. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtc(utcDay.offset(toUtc(date), days));
}

/** Calendar days from `from` to `to` (0 when equal; negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** Every date from `from` to `to`, both included. */
export function dateRange(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  return utcDay.range(toUtc(from), utcDay.offset(toUtc(to), 1)).map(fromUtc);
}

/** Day of the week of a date: 0 Sunday … 6 Saturday. */
export function weekday(date: CalendarDate): number {
  return toUtc(date).getUTCDay();
}

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

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * Every date from `from` to `to`, both included. Steps one UTC calendar date at a time
 * (`setUTCDate`, which has no daylight saving) and formats by hand: ten years of days is a hot
 * path for the load chart, and `toISOString` per day was most of its cost.
 */
export function dateRange(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const days: CalendarDate[] = [];
  const day = toUtc(from);
  for (let date = from; date <= to; day.setUTCDate(day.getUTCDate() + 1)) {
    date = `${day.getUTCFullYear()}-${pad2(day.getUTCMonth() + 1)}-${pad2(day.getUTCDate())}`;
    if (date <= to) days.push(date);
  }
  return days;
}

/** Day of the week of a date: 0 Sunday … 6 Saturday. */
export function weekday(date: CalendarDate): number {
  return toUtc(date).getUTCDay();
}

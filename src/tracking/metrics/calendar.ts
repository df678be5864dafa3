/**
 * Calendar days as people live them. A day is a date string `YYYY-MM-DD`, the local date of an
 * instant in a time zone; days are stepped as calendar dates (d3-time's UTC day), never by adding
 * 86,400,000 ms to an instant, so a 23- or 25-hour day at a daylight-saving change is still one day.
 */
import { utcDay } from 'd3-time';
import { dateFormat } from '../../base/formats.js';
import { offsetAt } from '../time/wall-clock.js';

/** A calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string;

/** The local date by Intl, one call per instant: exact, and the slow path. */
function exactLocalDate(ms: number, timeZone: string): CalendarDate {
  // en-CA formats dates as YYYY-MM-DD.
  return dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

const WEEK_MS = 7 * 86_400_000;
/** Per zone, the offset at the start of each week touched (weeks counted from 1970). */
const weekStarts = new Map<string, Map<number, number>>();

function offsetAtWeekStart(week: number, timeZone: string): number {
  let byWeek = weekStarts.get(timeZone);
  if (!byWeek) weekStarts.set(timeZone, (byWeek = new Map()));
  let offset = byWeek.get(week);
  if (offset === undefined) byWeek.set(week, (offset = offsetAt(week * WEEK_MS, timeZone)));
  return offset;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** A UTC instant's own date, formatted by hand. */
function utcDate(ms: number): CalendarDate {
  const day = new Date(ms);
  const year = day.getUTCFullYear();
  return `${year < 1000 ? String(year).padStart(4, '0') : year}-${pad2(day.getUTCMonth() + 1)}-${pad2(day.getUTCDate())}`;
}

/**
 * The local calendar date of `instant` in `timeZone` (IANA).
 *
 * Years of sessions made one Intl call each, the bulk of a chart's first render. Offsets change
 * a few times a year at most, so the offset is read at the start of each week instead: when a
 * week starts and ends on the same offset, every instant in it has that offset (no zone changes
 * its offset twice within 7 days), and the date is the instant plus the offset. Weeks that hold a
 * change ask Intl for each instant, as before.
 */
export function localDate(instant: string | number | Date, timeZone: string): CalendarDate {
  const ms = typeof instant === 'number' ? instant : new Date(instant).getTime();
  if (!Number.isFinite(ms)) return exactLocalDate(ms, timeZone);
  const week = Math.floor(ms / WEEK_MS);
  const offset = offsetAtWeekStart(week, timeZone);
  if (offset !== offsetAtWeekStart(week + 1, timeZone)) return exactLocalDate(ms, timeZone);
  return utcDate(ms + offset);
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

/**
 * Wall-clock time in a time zone: what clocks there showed at an instant, and the instant at
 * which they showed a given time. The one place loadwise turns instants into local times and
 * back (the calendar's days, the logger's form, the CSV's localDateTime), so every part agrees
 * on a zone's offsets, daylight-saving changes and years before year 1 alike.
 *
 * Pure functions on Intl; the formatters come from `base/formats.ts`.
 */
import { dateFormat } from '../../base/formats.js';

export interface WallClock {
  /** The year, astronomically: 0 is 1 BC, -1 is 2 BC. */
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

/** What clocks in `timeZone` (IANA) showed at `ms`, to the second. */
export function wallClock(ms: number, timeZone: string): WallClock {
  // en-US names the era, so years before year 1 are read right (Intl counts them up from 1 BC).
  const format = dateFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
    era: 'short',
  });
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(ms)) parts[p.type] = p.value;
  const year = Number(parts.year);
  return {
    y: parts.era === 'BC' || parts.era === 'B' ? 1 - year : year,
    mo: Number(parts.month),
    d: Number(parts.day),
    h: Number(parts.hour),
    mi: Number(parts.minute),
    s: Number(parts.second),
  };
}

/** The wall-clock time read as if it were UTC, in ms. */
const asUtcMs = (w: WallClock) => {
  const date = new Date(Date.UTC(2000, w.mo - 1, w.d, w.h, w.mi, w.s));
  date.setUTCFullYear(w.y); // Date.UTC reads years 0-99 as 1900-1999
  return date.getTime();
};

/** The zone's offset from UTC at `ms`, in ms: its wall-clock time read as UTC, minus the instant. */
export function offsetAt(ms: number, timeZone: string): number {
  return asUtcMs(wallClock(ms, timeZone)) - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A wall-clock date and time as `2026-11-24 07:30` (to the minute). */
export function formatWallClock({ y, mo, d, h, mi }: WallClock): string {
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}`;
}

/** The wall-clock date and time of `instant` in `timeZone`: `2026-11-24 07:30`. */
export function localDateTime(instant: string, timeZone: string): string {
  return formatWallClock(wallClock(Date.parse(instant), timeZone));
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** `2026-11-24 07:30` (seconds optional, `T` allowed) as its parts, or undefined. */
export function parseLocalDateTime(text: string): WallClock | undefined {
  const m = LOCAL.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s = 0] = m.slice(1).map((v) => (v === undefined ? undefined : Number(v))) as number[];
  const probe = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s));
  if (probe.getUTCMonth() !== mo! - 1 || probe.getUTCDate() !== d! || h! > 23 || mi! > 59 || s > 59) return undefined;
  return { y: y!, mo: mo!, d: d!, h: h!, mi: mi!, s };
}

/**
 * The instant (ISO 8601, UTC) at which clocks in `timeZone` showed `local`, or undefined when
 * `local` is not a date and time. In the hour skipped when clocks go forward, the time is read
 * with the offset from before the change (02:30 becomes 03:30); in the hour repeated when they go
 * back, the first of the two is taken.
 */
export function instantFromLocal(local: string, timeZone: string): string | undefined {
  const p = parseLocalDateTime(local);
  if (!p) return undefined;
  const asUtc = asUtcMs(p);
  // Offsets either side of the guess; the earlier one wins where both fit (the repeated hour).
  const candidates = [asUtc - offsetAt(asUtc - 86_400_000, timeZone), asUtc - offsetAt(asUtc + 86_400_000, timeZone)];
  const fits = candidates.filter((ms) => asUtcMs(wallClock(ms, timeZone)) === asUtc);
  const ms = fits.length ? Math.min(...fits) : candidates[0]!;
  return new Date(ms).toISOString();
}

/** The zone the browser's clocks are set to. */
export const browserTimeZone = (): string => dateFormat('en-US').resolvedOptions().timeZone;

/**
 * The day to treat as today: `date` when it names one (`YYYY-MM-DD`, as the elements' `date`
 * attribute does), else the date clocks in `timeZone` show now.
 */
export function todayIn(timeZone: string, date?: string | null, now = Date.now()): string {
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const { y, mo, d } = wallClock(now, timeZone);
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
}

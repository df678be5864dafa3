/**
 * A collection's records in time order, and paging through them: the search that finds a range
 * of times, and the cursor that says where a page ended. `BackendAdapter` keeps each collection
 * as a sorted list of these entries, so a page costs a binary search and a slice.
 *
 * Pure functions; nothing here touches storage.
 */
import { StorageError } from './errors.js';
import type { ListQuery, Stored } from './types.js';

/** One entry of a collection's index: the stored record and the time it sorts by (ms). */
export interface Indexed {
  stored: Stored<unknown>;
  time: number;
}

const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;

/** Time order, then id order for records at the same time, so every entry has one place. */
export function compareIndexed(a: Indexed, b: Indexed): number {
  return a.time - b.time || (a.stored.id < b.stored.id ? -1 : a.stored.id > b.stored.id ? 1 : 0);
}

/** The first position whose (time, id) is not before (time, id). */
export function lowerBound(list: readonly Indexed[], time: number, id: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const e = list[mid]!;
    if (e.time < time || (e.time === time && e.stored.id < id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first position whose (time, id) is after (time, id). */
export function upperBound(list: readonly Indexed[], time: number, id: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const e = list[mid]!;
    if (e.time < time || (e.time === time && e.stored.id <= id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where a page ended, as an opaque string. */
export function encodeCursor(time: number, id: string): string {
  return btoa(JSON.stringify([time, id]));
}

/** The (time, id) a cursor from `encodeCursor` holds; a `validation` error for anything else. */
export function decodeCursor(cursor: string): [number, string] {
  try {
    const value = JSON.parse(atob(cursor)) as unknown;
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    // fall through to the error below
  }
  throw new StorageError('validation', 'The list cursor is not one this adapter gave out.');
}

/** One page of `all` (sorted by `compareIndexed`) as `query` asks: its range, order, size and cursor. */
export function pageOf(all: readonly Indexed[], query: ListQuery): { items: Stored<unknown>[]; nextCursor: string | null } {
  const limit = Math.min(Math.max(Math.floor(query.limit ?? DEFAULT_PAGE), 1), MAX_PAGE);
  const from = query.from ? Date.parse(query.from) : -Infinity;
  const to = query.to ? Date.parse(query.to) : Infinity;
  // The range [lo, hi) of entries inside from..to, found by binary search on time.
  let lo = lowerBound(all, from, '');
  let hi = lowerBound(all, to, '');
  const desc = query.order === 'desc';
  if (query.cursor) {
    const [time, id] = decodeCursor(query.cursor);
    if (desc) hi = Math.min(hi, lowerBound(all, time, id));
    else lo = Math.max(lo, upperBound(all, time, id));
  }
  const slice = desc ? all.slice(Math.max(lo, hi - limit), hi).reverse() : all.slice(lo, Math.min(hi, lo + limit));
  const more = desc ? hi - limit > lo : lo + limit < hi;
  const last = slice[slice.length - 1];
  return {
    items: slice.map((e) => e.stored),
    nextCursor: more && last ? encodeCursor(last.time, last.stored.id) : null,
  };
}

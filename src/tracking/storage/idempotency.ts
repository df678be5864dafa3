/**
 * Idempotency records: what a write made with an idempotency key wrote, kept under
 * `IDEMPOTENCY_PREFIX` + key, so the same request again (a retry after a lost reply) is answered
 * with it instead of being applied twice.
 */
import type { BackendWrite } from './backend.js';
import type { CollectionName } from './types.js';

export interface IdempotencyRecord {
  collection: CollectionName;
  id: string;
  rev: string;
  at: string;
}

/** Idempotency keys kept: enough to cover any retry, small enough to cost nothing. */
export const IDEMPOTENCY_KEEP = 500;

/**
 * An idempotency entry as stored: an object, or its JSON text where the backend keeps text
 * (localStorage). Anything unreadable counts as no entry.
 */
export function readIdempotency(raw: unknown): IdempotencyRecord | undefined {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  return value && typeof value === 'object' ? (value as IdempotencyRecord) : undefined;
}

/** The deletes that keep only the newest `IDEMPOTENCY_KEEP` of `entries`. */
export function pruneIdempotency(entries: [string, IdempotencyRecord | undefined][]): BackendWrite[] {
  if (entries.length <= IDEMPOTENCY_KEEP) return [];
  const oldestFirst = entries.sort(([, a], [, b]) => String(a?.at).localeCompare(String(b?.at)));
  return oldestFirst.slice(0, entries.length - IDEMPOTENCY_KEEP).map(([key]): BackendWrite => [key, undefined]);
}

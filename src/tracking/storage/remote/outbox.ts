/**
 * What the sync engine keeps beside the records, under `sync/…` in the same replica: the outbox
 * of local changes to send, the server's revision of each record, the conflicts and the refused
 * changes waiting for the person, and the meta entry (where the changes feed was left off, the
 * outbox counter). `SyncLedger` mirrors the entries the status shows.
 */
import type { BackendWrite } from '../backend.js';
import { recordKey, SYNC_PREFIX } from '../envelope.js';
import type { SyncConflict, SyncFailure } from '../sync.js';
import type { CollectionName, Stored } from '../types.js';

/** A local change waiting to be sent, in the order it was made. */
export interface OutboxEntry {
  collection: CollectionName;
  id: string;
  op: 'put' | 'delete';
  /** The record to send, for `put`. */
  record?: unknown;
  /** Sent as Idempotency-Key, the same on every attempt: a retried send is applied once. */
  key: string;
  at: string;
}

export const OUTBOX = `${SYNC_PREFIX}outbox/`;
const SERVER_REV = `${SYNC_PREFIX}server/`;
const CONFLICT = `${SYNC_PREFIX}conflict/`;
export const FAILED = `${SYNC_PREFIX}failed/`;
export const META = `${SYNC_PREFIX}meta`;

export interface Meta {
  /** The last change of the feed applied here. */
  lastSeq: number;
  /** The number of the last outbox entry made, so entries sort in the order they were made. */
  counter: number;
}

export const serverRevKey = (collection: CollectionName, id: string) => `${SERVER_REV}${collection}/${id}`;
export const conflictKey = (collection: CollectionName, id: string) => `${CONFLICT}${collection}/${id}`;
/** Fixed-width numbers sort as text in the order they were made. */
const outboxKey = (n: number) => `${OUTBOX}${String(n).padStart(12, '0')}`;

/** The meta entry as stored, or a fresh one. */
export function readMeta(raw: unknown): Meta {
  const meta = raw as Partial<Meta> | undefined;
  return { lastSeq: Number(meta?.lastSeq) || 0, counter: Number(meta?.counter) || 0 };
}

/** The outbox entry that sends `stored` as it is now, and the counter that orders it. */
export function enqueueWrites(meta: Meta, collection: CollectionName, stored: Stored<unknown>): BackendWrite[] {
  const counter = meta.counter + 1;
  const entry: OutboxEntry = {
    collection,
    id: stored.id,
    op: stored.deleted ? 'delete' : 'put',
    ...(stored.deleted ? {} : { record: stored.record }),
    key: crypto.randomUUID(),
    at: new Date().toISOString(),
  };
  return [
    [outboxKey(counter), entry],
    [META, { ...meta, counter } satisfies Meta],
  ];
}

/**
 * The `sync/…` entries the status shows, as stored: the outbox, the conflicts and the refused
 * changes, by key. Server revisions (one per record) are read from the replica when a send or a
 * pull needs one, not mirrored.
 */
export class SyncLedger {
  readonly outbox = new Map<string, OutboxEntry>();
  readonly conflicts = new Map<string, SyncConflict>();
  readonly failures = new Map<string, SyncFailure>();

  /** The map of the status a `sync/…` key belongs in; none for server revisions and the meta entry. */
  private mapOf(key: string): Map<string, unknown> | undefined {
    if (key.startsWith(OUTBOX)) return this.outbox;
    if (key.startsWith(CONFLICT)) return this.conflicts;
    if (key.startsWith(FAILED)) return this.failures;
    return undefined;
  }

  /** Files one `sync/…` entry in its map (`undefined`: deleted); true when the status the elements show changed. */
  file(key: string, value: unknown): boolean {
    const map = this.mapOf(key);
    if (!map) return false;
    if (value === undefined) map.delete(key);
    else map.set(key, value);
    return true;
  }

  clear(): void {
    for (const map of [this.outbox, this.conflicts, this.failures]) map.clear();
  }

  /** Replaces every entry with those read under `LEDGER_PREFIXES`; true when what the status shows changed. */
  reload(read: Iterable<[string, unknown]>[]): boolean {
    const shown = () => JSON.stringify([[...this.outbox.keys()], [...this.conflicts.values()], [...this.failures.keys()]]);
    const before = shown();
    this.clear();
    for (const entries of read) for (const [key, value] of entries) this.file(key, value);
    return shown() !== before;
  }

  /** The oldest change waiting to be sent, by key. */
  nextToSend(): string | undefined {
    return [...this.outbox.keys()].sort()[0];
  }

  /** The record keys (`recordKey`) with a change still waiting to be sent. */
  waitingRecords(): Set<string> {
    return new Set([...this.outbox.values()].map((e) => recordKey(e.collection, e.id)));
  }

  /** Deletes of the outbox entries still waiting for one record. */
  dropWaiting(collection: CollectionName, id: string): BackendWrite[] {
    return [...this.outbox].filter(([, e]) => e.collection === collection && e.id === id).map(([key]): BackendWrite => [key, undefined]);
  }
}

/** The prefixes `SyncLedger.reload` reads. */
export const LEDGER_PREFIXES = [OUTBOX, CONFLICT, FAILED];

/**
 * The storage contract every adapter keeps: memory, localStorage, IndexedDB, the remote one, and
 * a site's own. The conformance suite in `test/tracking/storage/` holds each of them to it.
 */
import type { GlucoseReading, TrainingSession } from '../model.js';
import type { FieldIssue } from '../../base/validation.js';
import type { StorageError } from './errors.js';

/** What each collection holds. */
export interface CollectionRecords {
  sessions: TrainingSession;
  glucose: GlucoseReading;
}
export type CollectionName = keyof CollectionRecords;
export const COLLECTIONS: readonly CollectionName[] = ['sessions', 'glucose'];

/**
 * A record as stored, with its revision. A removed record stays as a tombstone (so other tabs,
 * devices and the server learn of the removal), and its id can be brought back by writing over
 * the tombstone's revision: that is how Undo works.
 */
export type Stored<T> =
  | { id: string; rev: string; deleted: false; record: T }
  | { id: string; rev: string; deleted: true; deletedAt: string };

export type StoredOf<C extends CollectionName> = Stored<CollectionRecords[C]>;

export interface ListQuery {
  /** Only records at or after this instant (ISO 8601): `startedAt` for sessions, `measuredAt` for readings. */
  from?: string;
  /** Only records before this instant (exclusive). */
  to?: string;
  /** `asc` (oldest first, the default) or `desc`. */
  order?: 'asc' | 'desc';
  /** Page size: 100 by default, at most 1000. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  /** Include tombstones (for sync and export). */
  includeDeleted?: boolean;
}

export interface Page<T> {
  items: Stored<T>[];
  /** Pass as `cursor` for the next page; `null` on the last page. */
  nextCursor: string | null;
}

export interface WriteOptions {
  /** The revision this write replaces; `null` to create. A mismatch is a `ConflictError`. */
  expectedRev: string | null;
  /** The same key twice writes once: a retried request after a lost reply cannot duplicate. */
  idempotencyKey?: string;
}

/** Where a change came from. */
export type ChangeOrigin = 'local' | 'other-tab' | 'remote';

export interface StorageChange<C extends CollectionName = CollectionName> {
  collection: C;
  id: string;
  /** The record as it is now (a tombstone when removed). */
  stored: StoredOf<C>;
  origin: ChangeOrigin;
}

export type QuarantineReason = 'corrupt-json' | 'invalid' | 'newer-version' | 'unknown-key';

/**
 * A stored value that could not be read as a record. It is left exactly where and as it was;
 * the rest of the data stays usable, and a person (or the site) decides what to do with it.
 */
export interface QuarantinedItem {
  /** The storage key, within the namespace. */
  key: string;
  reason: QuarantineReason;
  /** What is wrong, in words. */
  message: string;
  /** For `invalid`: each field at fault. */
  issues?: FieldIssue[];
  /** The value exactly as stored: the raw string in localStorage, the stored object elsewhere. */
  raw: unknown;
}

export type QuarantineResolution =
  /** Delete the stored value for good. */
  | { action: 'discard' }
  /** Read it again (after an upgrade that understands it, say). */
  | { action: 'retry' }
  /** Replace it with a repaired record (validated like any write). */
  | { action: 'replace'; record: unknown };

export interface UsageEstimate {
  /** Records in each collection, tombstones excluded. */
  records: Record<CollectionName, number>;
  /** Bytes this namespace takes, where the adapter can tell. */
  bytes?: number;
  /** Bytes the browser allows this origin, where it says. */
  quota?: number;
  /** Whether the browser has agreed not to evict this origin's storage. */
  persisted?: boolean;
}

/** One write of a batch (`putMany`): a record with the precondition `put` would take. */
export interface BatchPut<C extends CollectionName = CollectionName> extends WriteOptions {
  record: CollectionRecords[C];
}

/**
 * What became of one write of a batch, in the batch's order. A refused record (invalid, or a
 * conflict) does not stop the others; a failure of the store itself (full, closed, offline) fails
 * the writes it reached and every one after it, so a caller knows exactly what was kept.
 */
export type BatchResult<C extends CollectionName = CollectionName> =
  | { ok: true; stored: StoredOf<C> }
  | { ok: false; error: StorageError };

export interface StorageAdapter {
  /** A short name for messages: `memory`, `local`, `indexeddb`, `remote`, or a site's own. */
  readonly kind: string;
  /** Loads, validates and migrates what is stored. Other methods open on first use. */
  open(): Promise<void>;
  get<C extends CollectionName>(collection: C, id: string): Promise<StoredOf<C> | undefined>;
  list<C extends CollectionName>(collection: C, query?: ListQuery): Promise<Page<CollectionRecords[C]>>;
  put<C extends CollectionName>(collection: C, record: CollectionRecords[C], options: WriteOptions): Promise<StoredOf<C>>;
  /** Leaves a tombstone; `expectedRev` is required. */
  remove<C extends CollectionName>(collection: C, id: string, options: WriteOptions & { expectedRev: string }): Promise<StoredOf<C>>;
  /**
   * Writes many records at once, as `put` would one by one, but committing them together (a
   * transaction per chunk, one write of the store, one request) and telling subscribers of them in
   * one go. Optional for a site's own adapter: `putMany()` from `loadwise/storage` falls back to
   * `put` for each record.
   */
  putMany?<C extends CollectionName>(collection: C, puts: readonly BatchPut<C>[]): Promise<BatchResult<C>[]>;
  /** Calls `listener` on every change, from this tab, other tabs or the server. Returns unsubscribe. */
  subscribe(listener: (change: StorageChange) => void): () => void;
  listQuarantine(): Promise<QuarantinedItem[]>;
  resolveQuarantine(key: string, resolution: QuarantineResolution): Promise<void>;
  estimate(): Promise<UsageEstimate>;
  close(): Promise<void>;
}

/**
 * How a record is kept on disk, and how a stored value is read back: as a record, as loadwise's
 * own bookkeeping, or as something to quarantine. Reading never throws and never changes what is
 * stored; a value it cannot understand is reported with the reason, byte for byte.
 *
 * Keys, relative to the namespace: `sessions/<id>`, `glucose/<id>` for records, `idem/<key>` for
 * idempotency keys, `sync/…` for a remote adapter's outbox and sync state. Anything else in the
 * namespace is not ours to interpret.
 */
import type { FieldIssue } from '../../base/validation.js';
import { upgradeRecord, type CollectionSpecs } from './collections.js';
import { COLLECTIONS, type CollectionName, type QuarantinedItem, type Stored } from './types.js';

/** The stored form of a record or a tombstone. */
export interface Envelope {
  rev: string;
  deleted?: true;
  deletedAt?: string;
  record?: unknown;
}

export const IDEMPOTENCY_PREFIX = 'idem/';
/** A remote adapter's own bookkeeping: its outbox, server revisions, conflicts. */
export const SYNC_PREFIX = 'sync/';

export const recordKey = (collection: CollectionName, id: string): string => `${collection}/${id}`;

export function parseKey(key: string): { collection: CollectionName; id: string } | { internal: true } | undefined {
  if (key.startsWith(IDEMPOTENCY_PREFIX) || key.startsWith(SYNC_PREFIX)) return { internal: true };
  const slash = key.indexOf('/');
  const collection = key.slice(0, slash) as CollectionName;
  if (slash > 0 && COLLECTIONS.includes(collection) && key.length > slash + 1) return { collection, id: key.slice(slash + 1) };
  return undefined;
}

export function toEnvelope(stored: Stored<unknown>): Envelope {
  return stored.deleted ? { rev: stored.rev, deleted: true, deletedAt: stored.deletedAt } : { rev: stored.rev, record: stored.record };
}

/** The next revision after `rev`: a counter for people reading logs, a random part for uniqueness. */
export function nextRev(rev: string | undefined): string {
  const n = rev ? Number.parseInt(rev, 10) || 0 : 0;
  return `${n + 1}-${crypto.randomUUID().slice(0, 8)}`;
}

export type Decoded =
  | { kind: 'record'; collection: CollectionName; stored: Stored<unknown>; migrated: boolean }
  | { kind: 'internal' }
  | { kind: 'quarantine'; item: QuarantinedItem };

const quarantine = (key: string, raw: unknown, reason: QuarantinedItem['reason'], message: string, issues?: FieldIssue[]): Decoded => ({
  kind: 'quarantine',
  item: { key, raw, reason, message, ...(issues ? { issues } : {}) },
});

/**
 * Reads one stored value. `raw` is what the backend holds: a JSON string (localStorage) or a
 * structured-clone object (IndexedDB, memory).
 */
export function decodeEntry(specs: CollectionSpecs, key: string, raw: unknown): Decoded {
  const place = parseKey(key);
  if (!place) return quarantine(key, raw, 'unknown-key', 'This key is not one loadwise writes.');
  if ('internal' in place) return { kind: 'internal' };

  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (error) {
      return quarantine(key, raw, 'corrupt-json', `The stored text is not valid JSON: ${(error as Error).message}`);
    }
  }
  const envelope = value as Envelope | null;
  if (!envelope || typeof envelope !== 'object' || typeof envelope.rev !== 'string' || !envelope.rev) {
    return quarantine(key, raw, 'invalid', 'The stored value is not a loadwise record (it has no revision).');
  }
  const { collection, id } = place;
  if (envelope.deleted === true) {
    if (typeof envelope.deletedAt !== 'string') return quarantine(key, raw, 'invalid', 'A removed record without its removal time.');
    return { kind: 'record', collection, stored: { id, rev: envelope.rev, deleted: true, deletedAt: envelope.deletedAt }, migrated: false };
  }

  const record = envelope.record as Record<string, unknown> | null;
  if (!record || typeof record !== 'object') return quarantine(key, raw, 'invalid', 'The stored value holds no record.');
  const spec = specs[collection];
  const upgraded = upgradeRecord<unknown>(spec, record, id);
  if (upgraded.ok) return { kind: 'record', collection, stored: { id, rev: envelope.rev, deleted: false, record: upgraded.record }, migrated: upgraded.migrated };
  switch (upgraded.fault) {
    case 'no-version':
      return quarantine(key, raw, 'invalid', 'The record has no schema version.', [{ path: 'schemaVersion', message: 'is required' }]);
    case 'newer':
      return quarantine(key, raw, 'newer-version', `Written by a newer version of loadwise (schema ${upgraded.version}; this version reads up to ${spec.version}).`);
    case 'no-migration':
      return quarantine(key, raw, 'invalid', `No migration from schema version ${upgraded.from}.`);
    case 'invalid':
      return quarantine(key, raw, 'invalid', 'The record does not have the shape loadwise expects.', upgraded.issues);
    case 'wrong-id':
      return quarantine(key, raw, 'invalid', 'The record’s id does not match its key.', [{ path: 'id', message: `must be ${id}` }]);
  }
}

/**
 * Taking one change of the server's feed into the replica: a conflict when this device changed
 * the record too, a refusal kept for the person when the record does not read, else the server's
 * version under a new local revision. The paging, the lock and the feed position are the sync
 * engine's (`RestAdapter`); this is one step of its pull.
 */
import type { BackendWrite } from '../backend.js';
import { upgradeIssues, upgradeRecord, type CollectionSpec } from '../collections.js';
import { nextRev, recordKey, toEnvelope } from '../envelope.js';
import type { SyncConflict, SyncFailure } from '../sync.js';
import type { CollectionName, Stored } from '../types.js';
import type { FieldIssue } from '../../../base/validation.js';
import { conflictKey, FAILED, serverRevKey, type SyncLedger } from './outbox.js';

/**
 * The writes for the server's `stored` (`local` is this device's copy; `waiting`, the records with
 * changes not yet sent), and the record to file in the index, if one is written.
 */
export function takeChange(
  ledger: SyncLedger,
  waiting: ReadonlySet<string>,
  spec: CollectionSpec<unknown>,
  collection: CollectionName,
  stored: Stored<unknown>,
  local: Stored<unknown> | undefined,
): { writes: BackendWrite[]; applied?: Stored<unknown> } {
  if (waiting.has(recordKey(collection, stored.id)) || ledger.conflicts.has(conflictKey(collection, stored.id))) {
    // Changed here and elsewhere: keep both for the person to choose.
    return {
      writes: [...ledger.dropWaiting(collection, stored.id), [conflictKey(collection, stored.id), { collection, id: stored.id, local, remote: stored } satisfies SyncConflict]],
    };
  }
  const checked = checkRemote(spec, stored);
  if ('issues' in checked) {
    const key = `${FAILED}pull-${collection}-${stored.id}`;
    return {
      writes: [[key, { key, collection, id: stored.id, op: 'put', status: 200, message: `The server sent a ${collection} record that does not read.`, issues: checked.issues } satisfies SyncFailure]],
    };
  }
  const copy = localCopy(checked, local);
  const writes: BackendWrite[] = copy ? [[recordKey(collection, stored.id), toEnvelope(copy)]] : [];
  writes.push([serverRevKey(collection, stored.id), stored.rev]);
  return copy ? { writes, applied: copy } : { writes };
}

/** A record from the server, upgraded and validated like any stored record (it is untrusted input). */
export function checkRemote(spec: CollectionSpec<unknown>, stored: Stored<unknown>): Stored<unknown> | { issues: FieldIssue[] } {
  if (stored.deleted) return stored;
  const record = stored.record as Record<string, unknown> | null;
  if (!record || typeof record !== 'object' || Array.isArray(record)) return { issues: [{ path: 'record', message: 'must be an object' }] };
  const upgraded = upgradeRecord<unknown>(spec, record, stored.id);
  if (upgraded.ok) return { ...stored, record: upgraded.record };
  return { issues: upgradeIssues(upgraded, spec.version, '', () => `must be ${stored.id}, the id it was sent under`) };
}

/** The server's version as this device keeps it: its content under a new local revision. */
export function localCopy(remote: Stored<unknown>, local: Stored<unknown> | undefined): Stored<unknown> | undefined {
  if (remote.deleted) {
    if (local?.deleted) return undefined;
    return { id: remote.id, rev: nextRev(local?.rev), deleted: true, deletedAt: remote.deletedAt };
  }
  return { id: remote.id, rev: nextRev(local?.rev), deleted: false, record: remote.record };
}

/**
 * This device's copy once the person took the server's side of a conflict: the server's version
 * (`remote`) under a new local revision, or, when the server has no such record, a removal of
 * this device's copy; undefined when nothing is to be written.
 */
export function serverSide(id: string, remote: Stored<unknown> | undefined, current: Stored<unknown> | undefined): Stored<unknown> | undefined {
  if (remote) return localCopy(remote, current);
  return current && !current.deleted ? { id, rev: nextRev(current.rev), deleted: true, deletedAt: new Date().toISOString() } : undefined;
}

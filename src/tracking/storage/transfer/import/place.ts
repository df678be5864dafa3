/**
 * Placing a row: comparing it with what is stored under its id, and writing it only when nothing
 * is. A stored record is never written over; what the row means for it is the row's outcome.
 */
import type { FieldIssue } from '../../../../base/validation.js';
import type { CollectionName, CollectionRecords, StorageAdapter, Stored } from '../../types.js';
import { canonical } from './content-id.js';
import type { ConflictReason, Placeable } from './types.js';

/** Which bucket of the report a row goes in, and why. */
export type Outcome =
  | { bucket: 'added' }
  | { bucket: 'unchanged' }
  | { bucket: 'conflict'; reason: ConflictReason; storedRev?: string }
  | { bucket: 'rejected'; issues: FieldIssue[] };

/** What an existing stored value means for an incoming row; undefined when nothing is stored. */
export function compare(stored: Stored<unknown> | undefined, p: Placeable): Outcome | undefined {
  if (!stored) return undefined;
  const storedRev = stored.rev;
  if (stored.deleted) return p.kind === 'tombstone' ? { bucket: 'unchanged' } : { bucket: 'conflict', reason: 'removed-here', storedRev };
  if (p.kind === 'tombstone') return { bucket: 'conflict', reason: 'removed-in-file', storedRev };
  if (canonical(stored.record, p.ignore) === canonical(p.record, p.ignore)) return { bucket: 'unchanged' };
  return { bucket: 'conflict', reason: p.rev === storedRev ? 'edited' : 'different', storedRev };
}

/** Writes one row unless something is stored under its id already. Throws on storage errors that stop the import. */
export async function place(adapter: StorageAdapter, collection: CollectionName, p: Placeable): Promise<Outcome> {
  const known = compare(await adapter.get(collection, p.id), p);
  if (known) return known;
  // A removal of a record this store never had: nothing to do, and nothing is lost.
  if (p.kind === 'tombstone') return { bucket: 'unchanged' };
  try {
    await adapter.put(collection, p.record as CollectionRecords[typeof collection], { expectedRev: null });
    return { bucket: 'added' };
  } catch (error) {
    const e = error as { code?: string; current?: Stored<unknown>; issues?: FieldIssue[]; message?: string };
    if (e.code === 'conflict') {
      // Written by another tab a moment ago, or held by a value in quarantine.
      return compare(e.current, p) ?? { bucket: 'conflict', reason: 'unreadable-here' };
    }
    if (e.code === 'validation' && e.issues) return { bucket: 'rejected', issues: e.issues };
    if (e.code === 'version-too-new') return { bucket: 'rejected', issues: [{ path: 'schemaVersion', message: e.message ?? 'is newer than this version reads' }] };
    throw error;
  }
}

/**
 * The contract of an adapter that syncs with a server (`RestAdapter`, or a site's own): its status,
 * and the person's choices about conflicts and refused changes. Adapters that keep data only on
 * the device have none. The elements read it through the store (`store/sync-api.ts`).
 */
import type { FieldIssue } from '../../base/validation.js';
import type { CollectionName, Stored } from './types.js';

/** A record changed here and on the server (another device) since they last agreed. */
export interface SyncConflict {
  collection: CollectionName;
  id: string;
  /** As it is on this device (a tombstone if removed here). */
  local: Stored<unknown> | undefined;
  /** As it is on the server (a tombstone if removed there; undefined if the server has no such record). */
  remote: Stored<unknown> | undefined;
}

/** A change the server refused (a 4xx other than a conflict): kept so nothing is lost silently. */
export interface SyncFailure {
  /** Pass to `dismissFailure` once the person has seen it. */
  key: string;
  collection: CollectionName;
  id: string;
  /** What the refused change did: put a record, or delete it. */
  op: 'put' | 'delete';
  status: number;
  message: string;
  /** The fields at fault, as the server named them. */
  issues: FieldIssue[];
}

export type SyncState = 'idle' | 'syncing' | 'offline' | 'retrying' | 'unauthorized';

export interface SyncStatus {
  state: SyncState;
  /** Local changes waiting to be sent. */
  pending: number;
  conflicts: SyncConflict[];
  failures: SyncFailure[];
  /** When everything last agreed with the server (ISO), if it has this session. */
  syncedAt?: string;
  /** When the next attempt is due, while retrying (ISO). */
  retryAt?: string;
  /** The last passing problem, in words (while offline or retrying). */
  message?: string;
}

/** What elements use of a syncing adapter; `RestAdapter` implements it, and a site's own can. */
export interface SyncingAdapter {
  readonly syncStatus: SyncStatus;
  /** Calls `listener` with the status whenever it changes. Returns unsubscribe. */
  onSyncStatus(listener: (status: SyncStatus) => void): () => void;
  /** `local` sends this device's version over the server's; `remote` takes the server's here. */
  resolveConflict(collection: CollectionName, id: string, keep: 'local' | 'remote'): Promise<void>;
  /** Forgets a refused change once the person has seen it. */
  dismissFailure(key: string): Promise<void>;
  /** Sends and pulls now; resolves when a round that started after the call has ended. */
  syncNow(): Promise<void>;
}

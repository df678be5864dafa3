/**
 * What tracking elements see of an adapter that syncs with a server (the contract is
 * `storage/sync.ts`): its status, and the person's choices, ready once a deferred adapter's code
 * has loaded. Adapters that keep data only on the device have none.
 */
import { DeferredAdapter } from '../storage/deferred-adapter.js';
import type { SyncingAdapter, SyncStatus } from '../storage/sync.js';
import type { CollectionName, StorageAdapter } from '../storage/types.js';

export interface SyncApi {
  /** The latest status, once the adapter has loaded. */
  readonly status: SyncStatus | undefined;
  /** Calls `listener` with each new status. Returns unsubscribe. */
  subscribe(listener: (status: SyncStatus) => void): () => void;
  resolveConflict(collection: CollectionName, id: string, keep: 'local' | 'remote'): Promise<void>;
  dismissFailure(key: string): Promise<void>;
  syncNow(): Promise<void>;
}

const isSyncing = (adapter: unknown): adapter is SyncingAdapter =>
  !!adapter && typeof (adapter as SyncingAdapter).onSyncStatus === 'function' && typeof (adapter as SyncingAdapter).resolveConflict === 'function';

/** The sync API of `adapter`, or undefined when it does not sync. A deferred adapter's is ready when its code is. */
export function syncApiOf(adapter: StorageAdapter): SyncApi | undefined {
  const loaded = isSyncing(adapter) ? Promise.resolve(adapter) : adapter instanceof DeferredAdapter && adapter.kind === 'remote' ? adapter.loaded : undefined;
  if (!loaded) return undefined;
  const syncing = loaded.then((a) => (isSyncing(a) ? a : undefined)).catch(() => undefined);
  const listeners = new Set<(status: SyncStatus) => void>();
  let status: SyncStatus | undefined;
  void syncing.then((a) => {
    if (!a) return;
    status = a.syncStatus;
    for (const listener of listeners) listener(status);
    a.onSyncStatus((next) => {
      status = next;
      for (const listener of listeners) listener(next);
    });
  });
  const call = async <T>(task: (a: SyncingAdapter) => Promise<T>) => {
    const a = await syncing;
    if (!a) throw new Error('This storage does not sync.');
    return task(a);
  };
  return {
    get status() {
      return status;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    resolveConflict: (collection, id, keep) => call((a) => a.resolveConflict(collection, id, keep)),
    dismissFailure: (key) => call((a) => a.dismissFailure(key)),
    syncNow: () => call((a) => a.syncNow()),
  };
}

/**
 * A memory adapter that reports a fixed sync status, for stories: what `<session-logger>` shows
 * while changes wait to sync, when a record changed on two devices, when the server refused a
 * change, and when the person is signed out. It has the shape any syncing adapter offers
 * (`SyncingAdapter`), which is all the elements read; a site's own adapter can offer the same.
 */
import { MemoryAdapter } from '../../src/tracking/storage/memory.js';
import type { CollectionName } from '../../src/tracking/storage/types.js';
import type { SyncingAdapter, SyncStatus } from '../../src/tracking/storage/sync.js';

export class ShowcaseSyncAdapter extends MemoryAdapter implements SyncingAdapter {
  private readonly statusListeners = new Set<(status: SyncStatus) => void>();

  constructor(
    namespace: string,
    public syncStatus: SyncStatus,
  ) {
    super({ namespace });
  }

  onSyncStatus(listener: (status: SyncStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private set(status: SyncStatus): void {
    this.syncStatus = status;
    for (const listener of this.statusListeners) listener(status);
  }

  async resolveConflict(collection: CollectionName, id: string): Promise<void> {
    this.set({ ...this.syncStatus, conflicts: this.syncStatus.conflicts.filter((c) => c.collection !== collection || c.id !== id) });
  }

  async dismissFailure(key: string): Promise<void> {
    this.set({ ...this.syncStatus, failures: this.syncStatus.failures.filter((f) => f.key !== key) });
  }

  async syncNow(): Promise<void> {}
}

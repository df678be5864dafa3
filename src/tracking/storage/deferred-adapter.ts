import { UnavailableError } from './errors.js';
import type {
  CollectionName,
  CollectionRecords,
  ListQuery,
  Page,
  QuarantinedItem,
  QuarantineResolution,
  StorageAdapter,
  StorageChange,
  StoredOf,
  UsageEstimate,
  WriteOptions,
} from './types.js';

/**
 * An adapter whose code is loaded when first used: `<training-store storage="indexeddb">` hands
 * out one of these at once, and the IndexedDB code (with `idb`) is downloaded only by pages that
 * ask for it. Every call waits for the real adapter and then goes to it; listeners subscribed
 * before it arrived are attached to it when it does.
 */
export class DeferredAdapter implements StorageAdapter {
  private readonly inner: Promise<StorageAdapter>;
  private readonly listeners = new Set<(change: StorageChange) => void>();

  constructor(
    readonly kind: string,
    load: () => Promise<StorageAdapter>,
  ) {
    this.inner = load().then(
      (adapter) => {
        adapter.subscribe((change) => {
          for (const listener of this.listeners) listener(change);
        });
        return adapter;
      },
      (error: unknown) => {
        throw new UnavailableError(`The ${kind} storage code could not be loaded: ${(error as Error)?.message ?? error}`, { cause: error });
      },
    );
    // Failures surface on the first call (open, usually); none goes unobserved meanwhile.
    this.inner.catch(() => undefined);
  }

  /** The real adapter, once its code has loaded. */
  get loaded(): Promise<StorageAdapter> {
    return this.inner;
  }

  open(): Promise<void> {
    return this.inner.then((a) => a.open());
  }
  get<C extends CollectionName>(collection: C, id: string): Promise<StoredOf<C> | undefined> {
    return this.inner.then((a) => a.get(collection, id));
  }
  list<C extends CollectionName>(collection: C, query?: ListQuery): Promise<Page<CollectionRecords[C]>> {
    return this.inner.then((a) => a.list(collection, query));
  }
  put<C extends CollectionName>(collection: C, record: CollectionRecords[C], options: WriteOptions): Promise<StoredOf<C>> {
    return this.inner.then((a) => a.put(collection, record, options));
  }
  remove<C extends CollectionName>(collection: C, id: string, options: WriteOptions & { expectedRev: string }): Promise<StoredOf<C>> {
    return this.inner.then((a) => a.remove(collection, id, options));
  }
  subscribe(listener: (change: StorageChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  listQuarantine(): Promise<QuarantinedItem[]> {
    return this.inner.then((a) => a.listQuarantine());
  }
  resolveQuarantine(key: string, resolution: QuarantineResolution): Promise<void> {
    return this.inner.then((a) => a.resolveQuarantine(key, resolution));
  }
  estimate(): Promise<UsageEstimate> {
    return this.inner.then((a) => a.estimate());
  }
  async close(): Promise<void> {
    this.listeners.clear();
    // An adapter that never loaded has nothing to close.
    const adapter = await this.inner.catch(() => undefined);
    await adapter?.close();
  }
}

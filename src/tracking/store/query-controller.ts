import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CollectionName, StorageAdapter, StorageChange } from '../storage/types.js';
import type { TrainingStoreController } from './store-controller.js';

/** Where a query stands, as the host renders it. */
export type QueryState<T> =
  /** No store yet, or the first read from it is on its way. */
  | { kind: 'loading' }
  /** The last read failed; the error has been reported as `storage-error`. */
  | { kind: 'unavailable' }
  | { kind: 'ready'; value: T };

/** What a read is told besides the adapter. */
export interface QueryContext<T> {
  /** The value the last read of this store gave, if it succeeded: a read may keep part of it. */
  previous: T | undefined;
  /** The change that asks for this read; `undefined` for a first read or a `refresh()`. */
  change: StorageChange | undefined;
}

export interface StoreQueryOptions<T> {
  /** Reads the host's data from the store in use. */
  read: (adapter: StorageAdapter, context: QueryContext<T>) => Promise<T>;
  /** The collections whose changes call for a read again; every collection by default. */
  collections?: readonly CollectionName[];
}

/**
 * Loads a tracking element's data from its store, and keeps it current: a read when the store
 * in use appears or switches, again on each change to the collections it reads (from this tab,
 * another tab or the server), and on `refresh()` when the host's own settings change.
 *
 * Every read waits for the store to open. A read overtaken by a newer one, or by a switch of
 * store, is dropped, so a slow answer never replaces a newer one. A failed read is reported once
 * through the store (`storage-error`, operation `list`) and leaves the state `unavailable`; the
 * last good value stays in `value`, so a list does not empty itself over a passing failure.
 *
 * The host is updated whenever the state changes.
 */
export class StoreQueryController<T> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #store: TrainingStoreController;
  readonly #options: StoreQueryOptions<T>;
  #state: QueryState<T> = { kind: 'loading' };
  #value: T | undefined;
  /** Counts reads: only the newest may settle the state. */
  #run = 0;
  readonly #pending = new Set<Promise<void>>();

  constructor(host: ReactiveControllerHost, store: TrainingStoreController, options: StoreQueryOptions<T>) {
    this.#host = host;
    this.#store = store;
    this.#options = options;
    host.addController(this);
    store.observeStore(() => void this.refresh());
    store.onChange((change) => {
      const collections = this.#options.collections;
      if (!collections || collections.includes(change.collection)) void this.#read(this.#options.read, change);
    });
  }

  hostConnected(): void {}

  get state(): QueryState<T> {
    return this.#state;
  }

  /** The value of the last read that succeeded from the store in use, if any. */
  get value(): T | undefined {
    return this.#value;
  }

  /** Reads again now: the host's settings (a date, a range) changed what it reads. */
  refresh(): Promise<void> {
    return this.#read(this.#options.read, undefined);
  }

  /**
   * Runs a read of the host's own (a next page, say) under the same rules: it waits for the
   * store, is dropped when overtaken, and its result becomes the value.
   */
  run(read: (adapter: StorageAdapter, context: QueryContext<T>) => Promise<T>): Promise<void> {
    return this.#read(read, undefined);
  }

  /** Resolves once no read is on its way: for a host's `updateComplete`. */
  async settled(): Promise<void> {
    while (this.#pending.size) await Promise.all([...this.#pending]);
  }

  #read(read: StoreQueryOptions<T>['read'], change: StorageChange | undefined): Promise<void> {
    const api = this.#store.api;
    const run = ++this.#run;
    if (!api) {
      this.#set({ kind: 'loading' }, undefined);
      return Promise.resolve();
    }
    const previous = this.#state.kind === 'ready' ? this.#state.value : undefined;
    // Overtaken by a newer read, or by a switch of store: its answer is dropped.
    const stale = () => run !== this.#run || this.#store.api !== api;
    const task = api.ready
      .then(() => read(api.adapter, { previous, change }))
      .then(
        (value) => {
          if (!stale()) this.#set({ kind: 'ready', value }, value);
        },
        (error: unknown) => {
          if (stale()) return;
          this.#set({ kind: 'unavailable' }, this.#value);
          this.#store.reportError(error, 'list');
        },
      )
      .finally(() => this.#pending.delete(task));
    this.#pending.add(task);
    return task;
  }

  #set(state: QueryState<T>, value: T | undefined): void {
    this.#state = state;
    this.#value = value;
    this.#host.requestUpdate();
  }
}

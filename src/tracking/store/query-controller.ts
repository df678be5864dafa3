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
  private readonly _host: ReactiveControllerHost;
  private readonly _store: TrainingStoreController;
  private readonly _options: StoreQueryOptions<T>;
  private _state: QueryState<T> = { kind: 'loading' };
  private _value: T | undefined;
  /** Counts reads: only the newest may settle the state. */
  private _run = 0;
  private readonly _pending = new Set<Promise<void>>();

  constructor(host: ReactiveControllerHost, store: TrainingStoreController, options: StoreQueryOptions<T>) {
    this._host = host;
    this._store = store;
    this._options = options;
    host.addController(this);
    store.observeStore(() => void this.refresh());
    store.onChange((change) => {
      const collections = this._options.collections;
      if (!collections || collections.includes(change.collection)) void this._read(this._options.read, change);
    });
  }

  hostConnected(): void {}

  get state(): QueryState<T> {
    return this._state;
  }

  /** The value of the last read that succeeded from the store in use, if any. */
  get value(): T | undefined {
    return this._value;
  }

  /** Reads again now: the host's settings (a date, a range) changed what it reads. */
  refresh(): Promise<void> {
    return this._read(this._options.read, undefined);
  }

  /**
   * Runs a read of the host's own (a next page, say) under the same rules: it waits for the
   * store, is dropped when overtaken, and its result becomes the value.
   */
  run(read: (adapter: StorageAdapter, context: QueryContext<T>) => Promise<T>): Promise<void> {
    return this._read(read, undefined);
  }

  /** Resolves once no read is on its way: for a host's `updateComplete`. */
  async settled(): Promise<void> {
    while (this._pending.size) await Promise.all([...this._pending]);
  }

  private _read(read: StoreQueryOptions<T>['read'], change: StorageChange | undefined): Promise<void> {
    const api = this._store.api;
    const run = ++this._run;
    if (!api) {
      this._set({ kind: 'loading' }, undefined);
      return Promise.resolve();
    }
    const previous = this._state.kind === 'ready' ? this._state.value : undefined;
    // Overtaken by a newer read, or by a switch of store: its answer is dropped.
    const stale = () => run !== this._run || this._store.api !== api;
    const task = api.ready
      .then(() => read(api.adapter, { previous, change }))
      .then(
        (value) => {
          if (!stale()) this._set({ kind: 'ready', value }, value);
        },
        (error: unknown) => {
          if (stale()) return;
          this._set({ kind: 'unavailable' }, this._value);
          this._store.reportError(error, 'list');
        },
      )
      .finally(() => this._pending.delete(task));
    this._pending.add(task);
    return task;
  }

  private _set(state: QueryState<T>, value: T | undefined): void {
    this._state = state;
    this._value = value;
    this._host.requestUpdate();
  }
}

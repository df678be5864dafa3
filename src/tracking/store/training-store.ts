import { LitElement, css, html, type PropertyValues, type TemplateResult } from 'lit';
import { ContextProvider } from '@lit/context';
import { emit } from '../../base/events.js';
import { DeferredAdapter } from '../storage/deferred-adapter.js';
import { LocalStorageAdapter } from '../storage/local-storage.js';
import { MemoryAdapter } from '../storage/memory.js';
import { UnauthorizedError, UnavailableError } from '../storage/errors.js';
import { syncApiOf } from './sync-api.js';
import type { StorageAdapter, UsageEstimate } from '../storage/types.js';
import { trainingStoreContext, type StorageOperation, type TrainingStoreApi } from './context.js';
import { fireStorageError } from './events.js';

export type { StorageErrorDetail, StorageReadyDetail } from './events.js';

/** The built-in places to keep data. */
export type StorageKind = 'local' | 'indexeddb' | 'memory' | 'remote';

const FACTORIES: Record<StorageKind, (namespace: string, store: TrainingStore) => StorageAdapter> = {
  local: (namespace) => new LocalStorageAdapter({ namespace }),
  // Loaded on demand: pages that keep data in localStorage never download the IndexedDB code.
  indexeddb: (namespace) =>
    new DeferredAdapter('indexeddb', () => import('../storage/indexeddb.js').then((m) => new m.IndexedDbAdapter({ namespace }))),
  memory: (namespace) => new MemoryAdapter({ namespace }),
  remote: (namespace, store) => {
    const endpoint = store.endpoint;
    if (!endpoint) throw new UnavailableError('storage="remote" needs an endpoint attribute: the URL of the server.');
    // The token is asked of the store each time, so a site can set getToken after the store.
    const getToken = (context: { refresh: boolean }) => store.getToken?.(context);
    return new DeferredAdapter('remote', () => import('../storage/remote/rest-adapter.js').then((m) => new m.RestAdapter({ namespace, endpoint, getToken })));
  },
};

/** Usage is estimated again at most this often while changes keep coming (trailing). */
const USAGE_INTERVAL_MS = 1000;

declare global {
  interface HTMLElementTagNameMap {
    'training-store': TrainingStore;
  }
}

/**
 * Non-visual: owns the storage adapter and shares it with the tracking elements inside it
 * (through shadow roots too), and with any element elsewhere on the page that names it with
 * `store="<id>"`. Tracking elements with neither use the page-default store: localStorage,
 * namespace `default`.
 *
 * It renders nothing of its own (`display: contents`): its children render and stay accessible
 * as if it were not there.
 *
 * Changing `storage`, `namespace` or `adapter` closes the adapter the store made and gives the
 * elements the new one. Removing the store from the page closes its adapter (moving it does not).
 * An adapter given through the `adapter` property stays the site's: the store opens it, never
 * closes it.
 *
 * Errors are never swallowed: each fires `storage-error`, which is cancelable; when no listener
 * calls `preventDefault()` the error is also logged with `console.error`.
 *
 * @summary Owns the storage adapter and shares it with the tracking elements inside it.
 * @tag training-store
 *
 * @attr {'local' | 'indexeddb' | 'memory' | 'remote'} storage - Where data is kept: `local` (localStorage, the default), `indexeddb`, `memory` (for this page only), or `remote` (a server speaking loadwise's protocol, with `endpoint` and the `getToken` property; usable offline). Ignored when `adapter` is set.
 * @attr {string} endpoint - For `storage="remote"`: the server's URL.
 * @attr {string} namespace - Keeps this store's data apart from others' on the same site: 1–64 letters, digits, `.`, `-` or `_` (`default` unless set).
 * @attr {boolean} persist - On connect, asks the browser not to evict this site's storage (`navigator.storage.persist()`); the answer is in `persisted`.
 *
 * @event {CustomEvent<StorageReadyDetail>} storage-ready - The adapter opened (again after each change of `storage`, `namespace` or `adapter`).
 * @event {CustomEvent<StorageChange>} storage-change - A record changed, in this tab, another tab or on the server: the adapter's change, re-dispatched.
 * @event {CustomEvent<SyncStatus>} sync-status - For storage that syncs: changes waiting, conflicts, refused changes and the connection's state, whenever they change.
 * @event {CustomEvent<StorageErrorDetail>} storage-error - The adapter could not open or be made, persistence could not be asked for, or a tracking element reported an error. Cancelable: `preventDefault()` keeps it out of the console.
 *
 * @slot - The tracking elements (and anything else) that use this store.
 */
export class TrainingStore extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  static override properties = {
    storage: { type: String },
    namespace: { type: String },
    persist: { type: Boolean },
    adapter: { attribute: false },
    endpoint: { type: String },
  };

  /**
   * Where data is kept: `local`, `indexeddb`, `memory`, or `remote` (a server, with `endpoint`).
   * @type {'local' | 'indexeddb' | 'memory' | 'remote'}
   */
  declare storage: StorageKind;
  /** For `storage="remote"`: the server's URL (the paths of the protocol start with `/v1/`). */
  declare endpoint: string | undefined;
  /**
   * For `storage="remote"`: gives the bearer token for each request (a string, or a promise of
   * one); called once more with `{ refresh: true }` after a 401, before the store reports
   * `unauthorized`. The token is only ever sent in the Authorization header.
   */
  getToken: ((context: { refresh: boolean }) => string | null | undefined | Promise<string | null | undefined>) | undefined;
  /** The namespace the built-in adapters keep data under. */
  declare namespace: string;
  /** Whether to ask the browser to keep this site's storage. */
  declare persist: boolean;
  /**
   * A site's own adapter (anything that keeps the `StorageAdapter` contract), used instead of
   * `storage` and `namespace`. The store opens it but never closes it.
   * @type {StorageAdapter | undefined}
   */
  declare adapter: StorageAdapter | undefined;

  readonly #provider = new ContextProvider(this, { context: trainingStoreContext });
  readonly #apiObservers = new Set<(api: TrainingStoreApi | undefined) => void>();
  /** What the current adapter was made from: the site's adapter, or `kind:namespace`. */
  #source: StorageAdapter | string | undefined;
  #api: TrainingStoreApi | undefined;
  #owned = false;
  #unsubscribe: (() => void) | undefined;
  #usage: UsageEstimate | undefined;
  #usageTimer: ReturnType<typeof setTimeout> | undefined;
  #unsubscribeSync: (() => void) | undefined;
  #persisted: boolean | undefined;
  #persisting: Promise<boolean> | undefined;

  constructor() {
    super();
    this.storage = 'local';
    this.namespace = 'default';
    this.persist = false;
  }

  /** What tracking elements get: the adapter in effect, its readiness, error reporting. `undefined` while the store is not on the page or cannot make its adapter. */
  get api(): TrainingStoreApi | undefined {
    return this.#api;
  }

  /**
   * Record counts (and bytes, quota and persistence where the adapter can tell), refreshed when
   * the adapter opens and at most once a second while records change. `undefined` until the
   * first estimate.
   */
  get usage(): UsageEstimate | undefined {
    return this.#usage;
  }

  /** The browser's answer to the last persistence request: `undefined` until one was made. */
  get persisted(): boolean | undefined {
    return this.#persisted;
  }

  override connectedCallback(): void {
    // Provide before the context provider announces itself, so consumers never see a gap.
    this.#sync();
    super.connectedCallback();
    if (this.persist) void this.requestPersistence();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move (removed and inserted again at once) keeps the adapter; a removal closes it.
    queueMicrotask(() => {
      if (!this.isConnected) this.#release(true);
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.isConnected) return;
    if (changed.has('storage') || changed.has('namespace') || changed.has('adapter')) this.#sync();
    if (changed.has('persist') && this.persist) void this.requestPersistence();
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }

  /**
   * Calls `callback` with the current `api` now and again whenever it changes (a new adapter, or
   * `undefined` when the store leaves the page). This is how an element that names the store
   * with `store="<id>"` follows it. Returns a function that stops the calls.
   */
  observeApi(callback: (api: TrainingStoreApi | undefined) => void): () => void {
    this.#apiObservers.add(callback);
    callback(this.#api);
    return () => this.#apiObservers.delete(callback);
  }

  /**
   * Estimates usage now (after the adapter has opened) and updates `usage`. Resolves with the
   * estimate, or `undefined` when there is no adapter or it failed (a failure fires `storage-error`).
   */
  async refreshUsage(): Promise<UsageEstimate | undefined> {
    clearTimeout(this.#usageTimer);
    this.#usageTimer = undefined;
    const api = this.#api;
    if (!api) return undefined;
    try {
      await api.ready;
    } catch {
      return undefined; // Reported when the open failed.
    }
    try {
      const usage = await api.adapter.estimate();
      if (this.#api === api) this.#usage = usage;
      return usage;
    } catch (error) {
      if (this.#api === api) fireStorageError(this, error, 'estimate');
      return undefined;
    }
  }

  /**
   * Asks the browser not to evict this site's storage (`navigator.storage.persist()`), as the
   * `persist` attribute does on connect; some browsers ask the person. Resolves with the answer,
   * also kept in `persisted`; `false` where the browser cannot persist. A request already under
   * way is shared, not repeated.
   */
  requestPersistence(): Promise<boolean> {
    if (!this.#persisting) {
      const run = this._askPersistence();
      this.#persisting = run;
      void run.finally(() => {
        if (this.#persisting === run) this.#persisting = undefined;
      });
    }
    return this.#persisting;
  }

  private async _askPersistence(): Promise<boolean> {
    try {
      const storage = globalThis.navigator?.storage;
      const granted = typeof storage?.persist === 'function' ? await storage.persist() : false;
      this.#persisted = granted;
      return granted;
    } catch (error) {
      this.#persisted = false;
      fireStorageError(this, error, 'persist');
      return false;
    }
  }

  /** Makes and provides the adapter the current properties ask for, unless it is the one in use. */
  #sync(): void {
    const kind = this.storage || 'local';
    const namespace = this.namespace || 'default';
    const source = this.adapter ?? `${kind}:${namespace}${kind === 'remote' ? `:${this.endpoint ?? ''}` : ''}`;
    if (source === this.#source) return;
    this.#release(false);
    this.#source = source;
    let adapter: StorageAdapter;
    try {
      if (this.adapter) adapter = this.adapter;
      else {
        const make = Object.hasOwn(FACTORIES, kind) ? FACTORIES[kind] : undefined;
        if (!make) throw new UnavailableError(`storage="${kind}" is not one of local, indexeddb, memory or remote.`);
        adapter = make(namespace, this);
      }
    } catch (error) {
      // A bad storage or namespace: no adapter, and the consumers know there is none.
      this.#provide(undefined);
      fireStorageError(this, error instanceof TypeError ? new UnavailableError(error.message, { cause: error }) : error, 'open');
      return;
    }
    this.#owned = !this.adapter;
    // A site's adapter may throw from open() rather than reject: both become a rejected `ready`.
    const ready = new Promise<void>((resolve) => resolve(adapter.open()));
    const api: TrainingStoreApi = Object.freeze({
      adapter,
      ready,
      store: this,
      namespace: this.adapter ? undefined : namespace,
      reportError: (error: unknown, operation: StorageOperation) => fireStorageError(this, error, operation),
      sync: syncApiOf(adapter),
    });
    this.#watchSync(api);
    try {
      this.#unsubscribe = adapter.subscribe((change) => {
        if (this.#api !== api) return;
        emit(this, 'storage-change', change);
        this.#scheduleUsage();
      });
    } catch (error) {
      fireStorageError(this, error, 'subscribe');
    }
    ready.then(
      () => {
        if (this.#api !== api) return;
        emit(this, 'storage-ready', { kind: adapter.kind, adapter });
        void this.refreshUsage();
      },
      (error: unknown) => {
        if (this.#api === api) fireStorageError(this, error, 'open');
      },
    );
    this.#provide(api);
  }

  /** Re-dispatches the sync status, and reports a lost sign-in once per spell. */
  #watchSync(api: TrainingStoreApi): void {
    let unauthorized = false;
    this.#unsubscribeSync = api.sync?.subscribe((status) => {
      if (this.#api !== api) return;
      emit(this, 'sync-status', status);
      if (status.state === 'unauthorized' && !unauthorized) fireStorageError(this, new UnauthorizedError(), 'sync');
      unauthorized = status.state === 'unauthorized';
    });
  }

  #provide(api: TrainingStoreApi | undefined): void {
    this.#api = api;
    this.#usage = undefined;
    this.#provider.setValue(api);
    for (const observer of [...this.#apiObservers]) observer(api);
  }

  /** Lets go of the current adapter: stops listening, and closes it when the store made it. */
  #release(provideNothing: boolean): void {
    clearTimeout(this.#usageTimer);
    this.#usageTimer = undefined;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#unsubscribeSync?.();
    this.#unsubscribeSync = undefined;
    const api = this.#api;
    if (api && this.#owned) {
      api.adapter.close().catch((error: unknown) => fireStorageError(this, error, 'close'));
    }
    this.#owned = false;
    this.#source = undefined;
    if (provideNothing) this.#provide(undefined);
    else this.#api = undefined;
  }

  #scheduleUsage(): void {
    if (this.#usageTimer !== undefined) return;
    this.#usageTimer = setTimeout(() => {
      this.#usageTimer = undefined;
      void this.refreshUsage();
    }, USAGE_INTERVAL_MS);
  }
}

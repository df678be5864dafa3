import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StorageAdapter, StorageChange } from '../storage/types.js';
import { trainingStoreContext, type StorageOperation, type TrainingStoreApi } from './context.js';
import { fireStorageError } from './events.js';
import { pageDefaultStore } from './page-default.js';

/** Where the store in use came from. */
export type StoreSource =
  /** The `<training-store>` the host names with `store="<id>"`. */
  | 'linked'
  /** The nearest `<training-store>` around the host (through shadow roots). */
  | 'context'
  /** No store around the host, none named: the page-default store. */
  | 'page-default'
  /** Waiting: the named store is not on the page (or not defined) yet, the store around the host is not defined yet, or that store has no adapter. */
  | 'none';

export interface TrainingStoreControllerOptions {
  /**
   * Called when the store in use changes (including to `undefined`), after `api` is updated and
   * before the host's update: the time to load data again.
   */
  onStoreChange?: (api: TrainingStoreApi | undefined) => void;
}

type Host = ReactiveControllerHost & HTMLElement;

/** A store element as this controller sees it: any copy of `<training-store>` keeps this method. */
interface StoreElement extends HTMLElement {
  observeApi(callback: (api: TrainingStoreApi | undefined) => void): () => void;
}

const isStoreElement = (el: Element | null): el is StoreElement =>
  !!el && typeof (el as Partial<StoreElement>).observeApi === 'function';

/** The tag that stays unresolved while the store element is not defined. */
const STORE_TAG = 'training-store';

/**
 * Finds the training store a tracking element uses, and keeps it current. In order:
 *
 * 1. the `<training-store>` whose id the host names in its `store` attribute, looked up in the
 *    host's own shadow root and then in the document: followed if it appears (or is defined)
 *    later, if the attribute changes, and if the store switches adapters;
 * 2. the nearest `<training-store>` around the host, through shadow roots (`@lit/context`,
 *    subscribed, so a change of adapter reaches the host; a store defined after the host still
 *    takes over);
 * 3. the page-default store (localStorage, namespace `default`), one per page.
 *
 * While a named store is missing, or a store around the host is not yet defined, `api` is
 * `undefined` (source `none`) rather than the page default: data is never written to a place the
 * page did not ask for.
 *
 * The host is updated (`requestUpdate()`) whenever the store changes. `onChange` listens to the
 * store's changes across switches, and everything is let go when the host leaves the page.
 */
export class TrainingStoreController implements ReactiveController {
  private readonly _host: Host;
  private readonly _consumer: ContextConsumer<typeof trainingStoreContext, Host>;
  private readonly _listeners = new Set<(change: StorageChange) => void>();
  private readonly _storeListeners = new Set<(api: TrainingStoreApi | undefined) => void>();
  /** Whether a store around the host answered the context request (its value may be undefined). */
  private _contextAnswered = false;
  private _contextApi: TrainingStoreApi | undefined;
  private _connected = false;
  private _api: TrainingStoreApi | undefined;
  private _source: StoreSource = 'none';
  private _linked: { element: StoreElement; api: TrainingStoreApi | undefined; stop: () => void } | undefined;
  private _attributeObserver: MutationObserver | undefined;
  private _documentObserver: MutationObserver | undefined;
  private _unsubscribe: (() => void) | undefined;
  /** Tags of named elements whose definition this controller waits for. */
  private readonly _awaitingDefinition = new Set<string>();
  /** Page-default stores whose failure to open this host has reported already. */
  private readonly _reportedOpen = new WeakSet<TrainingStoreApi>();

  constructor(host: Host, options: TrainingStoreControllerOptions = {}) {
    this._host = host;
    if (options.onStoreChange) this._storeListeners.add(options.onStoreChange);
    // Added before this controller, so its request is answered before hostConnected below runs.
    this._consumer = new ContextConsumer(host, {
      context: trainingStoreContext,
      subscribe: true,
      callback: (api) => {
        this._contextAnswered = true;
        this._contextApi = api;
        if (this._connected) this._resolve();
      },
    });
    host.addController(this);
  }

  /** The store in use: its adapter, readiness and error reporting. `undefined` while there is none. */
  get api(): TrainingStoreApi | undefined {
    return this._api;
  }

  /** The adapter of the store in use, for short. */
  get adapter(): StorageAdapter | undefined {
    return this._api?.adapter;
  }

  /** Where the store in use came from. */
  get source(): StoreSource {
    return this._source;
  }

  /**
   * Calls `callback` on every change the store in use reports (this tab, other tabs, the server),
   * following the host to another store when it switches. Listening stops while the host is off
   * the page, and for good when the returned function is called.
   */
  onChange(callback: (change: StorageChange) => void): () => void {
    this._listeners.add(callback);
    this._wire();
    return () => {
      this._listeners.delete(callback);
      if (this._listeners.size === 0) this._unwire();
    };
  }

  /**
   * Calls `callback` whenever the store in use changes (including to `undefined`), after `api` is
   * updated and before the host's update, as `onStoreChange` does; until the returned function is
   * called. A controller of the host's (a query, say) reads its data again then.
   */
  observeStore(callback: (api: TrainingStoreApi | undefined) => void): () => void {
    this._storeListeners.add(callback);
    return () => this._storeListeners.delete(callback);
  }

  /**
   * Reports an error met while using the store: the store fires `storage-error`, or, for the
   * page-default store, the host does.
   */
  reportError(error: unknown, operation: StorageOperation): void {
    if (this._api) this._api.reportError(error, operation, this._host);
    else fireStorageError(this._host, error, operation);
  }

  hostConnected(): void {
    this._connected = true;
    this._attributeObserver ??= new MutationObserver(() => this._resolve());
    this._attributeObserver.observe(this._host, { attributes: true, attributeFilter: ['store'] });
    this._resolve();
  }

  hostDisconnected(): void {
    this._connected = false;
    this._attributeObserver?.disconnect();
    this._stopWatchingProviders();
    this._stopWatchingDocument();
    this._unlink();
    // The context consumer unsubscribes itself; it asks again on the next connect.
    this._contextAnswered = false;
    this._contextApi = undefined;
    this._use(undefined, 'none');
  }

  /** Works out which store to use now, and switches to it. */
  private _resolve(): void {
    if (!this._connected) return;
    const id = this._host.getAttribute('store');
    if (id) {
      this._stopWatchingProviders();
      // Keep looking: the named store may appear, be replaced, or its id move to another store.
      this._watchDocument();
      this._link(id);
      return;
    }
    this._stopWatchingDocument();
    this._unlink();
    if (this._contextAnswered) {
      this._stopWatchingProviders();
      this._use(this._contextApi, this._contextApi ? 'context' : 'none');
      return;
    }
    // No store answered. One defined later announces itself with `context-provider`: ask again then.
    this._host.ownerDocument.addEventListener('context-provider', this._onProvider);
    if (this._undefinedStoreAround()) this._use(undefined, 'none');
    else this._use(pageDefaultStore(), 'page-default');
  }

  private _link(id: string): void {
    const root = this._host.getRootNode();
    const element =
      (root instanceof ShadowRoot ? root.getElementById(id) : null) ?? this._host.ownerDocument.getElementById(id);
    if (this._linked && this._linked.element === element) return;
    this._unlink();
    if (!isStoreElement(element)) {
      // Not there yet, or there but not yet defined: the document observer or its definition brings it.
      const name = element?.localName;
      if (name?.includes('-') && !this._awaitingDefinition.has(name)) {
        this._awaitingDefinition.add(name);
        customElements.whenDefined(name).then(
          () => {
            this._awaitingDefinition.delete(name);
            this._resolve();
          },
          () => undefined,
        );
      }
      this._use(undefined, 'none');
      return;
    }
    const linked = { element, api: undefined as TrainingStoreApi | undefined, stop: () => {} };
    this._linked = linked;
    linked.stop = element.observeApi((api) => {
      linked.api = api;
      if (this._linked === linked) this._use(api, api ? 'linked' : 'none');
    });
  }

  private _unlink(): void {
    this._linked?.stop();
    this._linked = undefined;
  }

  /** Whether a `<training-store>` around the host is waiting for its definition. */
  private _undefinedStoreAround(): boolean {
    if (customElements.get(STORE_TAG)) return false;
    for (let node: Node | null = this._host; node; ) {
      if (node instanceof Element && node !== this._host && node.localName === STORE_TAG) return true;
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return false;
  }

  private readonly _onProvider = (event: Event): void => {
    if ((event as Event & { context?: unknown }).context !== trainingStoreContext) return;
    // Asks the context again; a store around the host answers through the consumer's callback.
    this._consumer.hostConnected();
    if (!this._contextAnswered) this._resolve();
  };

  private _stopWatchingProviders(): void {
    this._host.ownerDocument.removeEventListener('context-provider', this._onProvider);
  }

  /** Watches the document (and the host's shadow root, if it is in one) for the named store. */
  private _watchDocument(): void {
    if (this._documentObserver) return;
    this._documentObserver = new MutationObserver(() => this._resolve());
    const options = { childList: true, subtree: true, attributes: true, attributeFilter: ['id'] };
    this._documentObserver.observe(this._host.ownerDocument, options);
    const root = this._host.getRootNode();
    if (root instanceof ShadowRoot) this._documentObserver.observe(root, options);
  }

  private _stopWatchingDocument(): void {
    this._documentObserver?.disconnect();
    this._documentObserver = undefined;
  }

  /** Switches to `api` (or to none), re-wires listeners, and tells the host. */
  private _use(api: TrainingStoreApi | undefined, source: StoreSource): void {
    this._source = source;
    if (api === this._api) return;
    this._unwire();
    this._api = api;
    if (api && !api.store && !this._reportedOpen.has(api)) {
      // The page default has no element to fire from: the host reports its failure to open.
      api.ready.catch((error: unknown) => {
        if (this._api !== api || this._reportedOpen.has(api)) return;
        this._reportedOpen.add(api);
        api.reportError(error, 'open', this._host);
      });
    }
    this._wire();
    for (const listener of [...this._storeListeners]) listener(api);
    this._host.requestUpdate();
  }

  private _wire(): void {
    if (this._unsubscribe || !this._api || !this._connected || this._listeners.size === 0) return;
    const api = this._api;
    try {
      this._unsubscribe = api.adapter.subscribe((change) => {
        for (const listener of [...this._listeners]) listener(change);
      });
    } catch (error) {
      api.reportError(error, 'subscribe', this._host);
    }
  }

  private _unwire(): void {
    this._unsubscribe?.();
    this._unsubscribe = undefined;
  }
}

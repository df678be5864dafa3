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
  readonly #host: Host;
  readonly #consumer: ContextConsumer<typeof trainingStoreContext, Host>;
  readonly #listeners = new Set<(change: StorageChange) => void>();
  readonly #storeListeners = new Set<(api: TrainingStoreApi | undefined) => void>();
  /** Whether a store around the host answered the context request (its value may be undefined). */
  #contextAnswered = false;
  #contextApi: TrainingStoreApi | undefined;
  #connected = false;
  #api: TrainingStoreApi | undefined;
  #source: StoreSource = 'none';
  #linked: { element: StoreElement; api: TrainingStoreApi | undefined; stop: () => void } | undefined;
  #attributeObserver: MutationObserver | undefined;
  #documentObserver: MutationObserver | undefined;
  #unsubscribe: (() => void) | undefined;
  /** Tags of named elements whose definition this controller waits for. */
  readonly #awaitingDefinition = new Set<string>();
  /** Page-default stores whose failure to open this host has reported already. */
  readonly #reportedOpen = new WeakSet<TrainingStoreApi>();

  constructor(host: Host, options: TrainingStoreControllerOptions = {}) {
    this.#host = host;
    if (options.onStoreChange) this.#storeListeners.add(options.onStoreChange);
    // Added before this controller, so its request is answered before hostConnected below runs.
    this.#consumer = new ContextConsumer(host, {
      context: trainingStoreContext,
      subscribe: true,
      callback: (api) => {
        this.#contextAnswered = true;
        this.#contextApi = api;
        if (this.#connected) this.#resolve();
      },
    });
    host.addController(this);
  }

  /** The store in use: its adapter, readiness and error reporting. `undefined` while there is none. */
  get api(): TrainingStoreApi | undefined {
    return this.#api;
  }

  /** The adapter of the store in use, for short. */
  get adapter(): StorageAdapter | undefined {
    return this.#api?.adapter;
  }

  /** Where the store in use came from. */
  get source(): StoreSource {
    return this.#source;
  }

  /**
   * Calls `callback` on every change the store in use reports (this tab, other tabs, the server),
   * following the host to another store when it switches. Listening stops while the host is off
   * the page, and for good when the returned function is called.
   */
  onChange(callback: (change: StorageChange) => void): () => void {
    this.#listeners.add(callback);
    this.#wire();
    return () => {
      this.#listeners.delete(callback);
      if (this.#listeners.size === 0) this.#unwire();
    };
  }

  /**
   * Calls `callback` whenever the store in use changes (including to `undefined`), after `api` is
   * updated and before the host's update, as `onStoreChange` does; until the returned function is
   * called. A controller of the host's (a query, say) reads its data again then.
   */
  observeStore(callback: (api: TrainingStoreApi | undefined) => void): () => void {
    this.#storeListeners.add(callback);
    return () => this.#storeListeners.delete(callback);
  }

  /**
   * Reports an error met while using the store: the store fires `storage-error`, or, for the
   * page-default store, the host does.
   */
  reportError(error: unknown, operation: StorageOperation): void {
    if (this.#api) this.#api.reportError(error, operation, this.#host);
    else fireStorageError(this.#host, error, operation);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#attributeObserver ??= new MutationObserver(() => this.#resolve());
    this.#attributeObserver.observe(this.#host, { attributes: true, attributeFilter: ['store'] });
    this.#resolve();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#attributeObserver?.disconnect();
    this.#stopWatchingProviders();
    this.#stopWatchingDocument();
    this.#unlink();
    // The context consumer unsubscribes itself; it asks again on the next connect.
    this.#contextAnswered = false;
    this.#contextApi = undefined;
    this.#use(undefined, 'none');
  }

  /** Works out which store to use now, and switches to it. */
  #resolve(): void {
    if (!this.#connected) return;
    const id = this.#host.getAttribute('store');
    if (id) {
      this.#stopWatchingProviders();
      // Keep looking: the named store may appear, be replaced, or its id move to another store.
      this.#watchDocument();
      this.#link(id);
      return;
    }
    this.#stopWatchingDocument();
    this.#unlink();
    if (this.#contextAnswered) {
      this.#stopWatchingProviders();
      this.#use(this.#contextApi, this.#contextApi ? 'context' : 'none');
      return;
    }
    // No store answered. One defined later announces itself with `context-provider`: ask again then.
    this.#host.ownerDocument.addEventListener('context-provider', this.#onProvider);
    if (this.#undefinedStoreAround()) this.#use(undefined, 'none');
    else this.#use(pageDefaultStore(), 'page-default');
  }

  #link(id: string): void {
    const root = this.#host.getRootNode();
    const element =
      (root instanceof ShadowRoot ? root.getElementById(id) : null) ?? this.#host.ownerDocument.getElementById(id);
    if (this.#linked && this.#linked.element === element) return;
    this.#unlink();
    if (!isStoreElement(element)) {
      // Not there yet, or there but not yet defined: the document observer or its definition brings it.
      const name = element?.localName;
      if (name?.includes('-') && !this.#awaitingDefinition.has(name)) {
        this.#awaitingDefinition.add(name);
        customElements.whenDefined(name).then(
          () => {
            this.#awaitingDefinition.delete(name);
            this.#resolve();
          },
          () => undefined,
        );
      }
      this.#use(undefined, 'none');
      return;
    }
    const linked = { element, api: undefined as TrainingStoreApi | undefined, stop: () => {} };
    this.#linked = linked;
    linked.stop = element.observeApi((api) => {
      linked.api = api;
      if (this.#linked === linked) this.#use(api, api ? 'linked' : 'none');
    });
  }

  #unlink(): void {
    this.#linked?.stop();
    this.#linked = undefined;
  }

  /** Whether a `<training-store>` around the host is waiting for its definition. */
  #undefinedStoreAround(): boolean {
    if (customElements.get(STORE_TAG)) return false;
    for (let node: Node | null = this.#host; node; ) {
      if (node instanceof Element && node !== this.#host && node.localName === STORE_TAG) return true;
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return false;
  }

  readonly #onProvider = (event: Event): void => {
    if ((event as Event & { context?: unknown }).context !== trainingStoreContext) return;
    // Asks the context again; a store around the host answers through the consumer's callback.
    this.#consumer.hostConnected();
    if (!this.#contextAnswered) this.#resolve();
  };

  #stopWatchingProviders(): void {
    this.#host.ownerDocument.removeEventListener('context-provider', this.#onProvider);
  }

  /** Watches the document (and the host's shadow root, if it is in one) for the named store. */
  #watchDocument(): void {
    if (this.#documentObserver) return;
    this.#documentObserver = new MutationObserver(() => this.#resolve());
    const options = { childList: true, subtree: true, attributes: true, attributeFilter: ['id'] };
    this.#documentObserver.observe(this.#host.ownerDocument, options);
    const root = this.#host.getRootNode();
    if (root instanceof ShadowRoot) this.#documentObserver.observe(root, options);
  }

  #stopWatchingDocument(): void {
    this.#documentObserver?.disconnect();
    this.#documentObserver = undefined;
  }

  /** Switches to `api` (or to none), re-wires listeners, and tells the host. */
  #use(api: TrainingStoreApi | undefined, source: StoreSource): void {
    this.#source = source;
    if (api === this.#api) return;
    this.#unwire();
    this.#api = api;
    if (api && !api.store && !this.#reportedOpen.has(api)) {
      // The page default has no element to fire from: the host reports its failure to open.
      api.ready.catch((error: unknown) => {
        if (this.#api !== api || this.#reportedOpen.has(api)) return;
        this.#reportedOpen.add(api);
        api.reportError(error, 'open', this.#host);
      });
    }
    this.#wire();
    for (const listener of [...this.#storeListeners]) listener(api);
    this.#host.requestUpdate();
  }

  #wire(): void {
    if (this.#unsubscribe || !this.#api || !this.#connected || this.#listeners.size === 0) return;
    const api = this.#api;
    try {
      this.#unsubscribe = api.adapter.subscribe((change) => {
        for (const listener of [...this.#listeners]) listener(change);
      });
    } catch (error) {
      api.reportError(error, 'subscribe', this.#host);
    }
  }

  #unwire(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}

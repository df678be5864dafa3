/**
 * What a `<training-store>` shares with the tracking elements inside it (and with those that name
 * it in `store="…"`), and what the page-default store shares with the elements that have neither.
 */
import { createContext } from '@lit/context';
import type { SyncApi } from './sync-api.js';
import type { StorageAdapter } from '../storage/types.js';

/**
 * What a tracking element was doing when something failed: an adapter method (`open`, `get`,
 * `list`, `put`, `remove`, `subscribe`, `listQuarantine`, `resolveQuarantine`, `estimate`,
 * `close`), the store's own `persist` request, or a word of the element's own (`import`, say).
 */
export type StorageOperation =
  | 'open'
  | 'get'
  | 'list'
  | 'put'
  | 'remove'
  | 'subscribe'
  | 'listQuarantine'
  | 'resolveQuarantine'
  | 'estimate'
  | 'close'
  | 'persist'
  | 'sync'
  | (string & {});

/**
 * The store as tracking elements see it. A new object is provided whenever the store's adapter
 * changes (another `storage`, `namespace` or `adapter`), so a consumer that holds on to one
 * compares it with `===` to notice the switch.
 */
export interface TrainingStoreApi {
  /** The adapter in effect. Its methods open it on first use; wait on `ready` to know it opened. */
  readonly adapter: StorageAdapter;
  /**
   * Resolves once the adapter has opened (loaded, validated, migrated). Rejects with the error
   * when it cannot open; that error has already been reported as `storage-error` by the time a
   * consumer sees it, so a consumer only needs to show that storage is not available.
   */
  readonly ready: Promise<void>;
  /** The `<training-store>` element that owns the adapter; `undefined` for the page-default store. */
  readonly store: HTMLElement | undefined;
  /** The namespace data is kept under, where the store knows it (not for a site's own adapter). */
  readonly namespace: string | undefined;
  /**
   * Reports an error met while using the adapter: the owning store fires `storage-error` (and
   * logs it to the console unless a listener calls `preventDefault()`). The page-default store
   * has no element of its own, so it fires `storage-error` on `source` (the element that met the
   * error) instead, or only logs it when there is no source.
   */
  reportError(error: unknown, operation: StorageOperation, source?: Element): void;
  /** For storage that syncs with a server (`storage="remote"`): its status and the person's choices. */
  readonly sync?: SyncApi | undefined;
}

/**
 * The context key. `Symbol.for` makes two copies of loadwise on one page (two bundles) use the
 * same key, so a store from one serves elements from the other.
 */
export const trainingStoreContext = createContext<TrainingStoreApi | undefined>(Symbol.for('loadwise.training-store'));

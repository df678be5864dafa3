/**
 * The page-default store: what a tracking element uses when no `<training-store>` wraps it and it
 * names none. It is not an element; it is created on first use, once per page (per realm), and
 * keeps data in localStorage under the namespace `default`.
 */
import { LocalStorageAdapter } from '../storage/local-storage.js';
import type { StorageOperation, TrainingStoreApi } from './context.js';
import { fireStorageError, storageErrorDetail } from './events.js';

/** Kept on `globalThis` under a `Symbol.for` key, so two copies of loadwise share one default. */
const PAGE_DEFAULT_KEY = Symbol.for('loadwise.page-default-store');

type GlobalWithDefault = typeof globalThis & { [PAGE_DEFAULT_KEY]?: TrainingStoreApi };

/** The namespace of the page-default store. */
export const PAGE_DEFAULT_NAMESPACE = 'default';

function createPageDefault(): TrainingStoreApi {
  const adapter = new LocalStorageAdapter({ namespace: PAGE_DEFAULT_NAMESPACE });
  const ready = adapter.open();
  // Each element that uses the page default reports an open failure on itself; nothing is lost
  // by not reporting it here too, and an unobserved rejection would only add noise.
  ready.catch(() => undefined);
  return Object.freeze({
    adapter,
    ready,
    store: undefined,
    namespace: PAGE_DEFAULT_NAMESPACE,
    reportError(error: unknown, operation: StorageOperation, source?: Element): void {
      if (source) fireStorageError(source, error, operation);
      else {
        const { code, message } = storageErrorDetail(error, operation);
        console.error(`loadwise storage: ${operation} failed (${code}): ${message}`, error);
      }
    },
  });
}

/**
 * The page-default store, created on first call: one per page, shared by every copy of loadwise
 * on it. Tracking elements reach it through `TrainingStoreController`; a site can use it directly
 * to read what those elements saved.
 */
export function pageDefaultStore(): TrainingStoreApi {
  const g = globalThis as GlobalWithDefault;
  return (g[PAGE_DEFAULT_KEY] ??= createPageDefault());
}

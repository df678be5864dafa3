/**
 * The events of `<training-store>`, and how a storage error becomes a `storage-error` event: the
 * store fires them for its own adapter, and tracking elements fire `storage-error` themselves
 * when they use the page-default store (which has no element to fire from).
 */
import type { SyncStatus } from '../storage/sync.js';
import { emit } from '../../base/events.js';
import type { StorageErrorCode } from '../storage/errors.js';
import type { StorageAdapter, StorageChange } from '../storage/types.js';
import type { StorageOperation } from './context.js';

export interface StorageErrorDetail {
  /** The error's code; `unavailable` for an error that is not a storage error (a bug, say). */
  code: StorageErrorCode;
  /** What went wrong, in words a person can read. */
  message: string;
  /** What was being done: `open`, `put`, `list`, `persist`, … */
  operation: StorageOperation;
  /** The error itself, as thrown. */
  error: unknown;
}

export interface StorageReadyDetail {
  /** The adapter's kind: `memory`, `local`, `indexeddb`, or a site's own. */
  kind: string;
  /** The adapter that opened. */
  adapter: StorageAdapter;
}

declare global {
  interface HTMLElementEventMap {
    'storage-error': CustomEvent<StorageErrorDetail>;
    'storage-ready': CustomEvent<StorageReadyDetail>;
    'storage-change': CustomEvent<StorageChange>;
    'sync-status': CustomEvent<SyncStatus>;
  }
}

const CODES: ReadonlySet<string> = new Set<StorageErrorCode>([
  'validation',
  'conflict',
  'not-found',
  'quota',
  'offline',
  'unauthorized',
  'unavailable',
  'version-too-new',
]);

/**
 * The detail of a `storage-error`. Errors are recognised by their `code`, not by `instanceof`, so
 * an error from another copy of loadwise (or a site's adapter that copies the codes) keeps it.
 */
export function storageErrorDetail(error: unknown, operation: StorageOperation): StorageErrorDetail {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: typeof code === 'string' && CODES.has(code) ? (code as StorageErrorCode) : 'unavailable',
    message: message || 'Storage failed.',
    operation,
    error,
  };
}

/**
 * Fires a cancelable `storage-error` on `target`. When no listener calls `preventDefault()` (no
 * one said they handle it), the error also goes to `console.error`, so it is never lost.
 *
 * @returns the event's detail.
 */
export function fireStorageError(target: EventTarget, error: unknown, operation: StorageOperation): StorageErrorDetail {
  const detail = storageErrorDetail(error, operation);
  const unhandled = emit(target, 'storage-error', detail, { cancelable: true });
  if (unhandled) console.error(`loadwise storage: ${operation} failed (${detail.code}): ${detail.message}`, error);
  return detail;
}

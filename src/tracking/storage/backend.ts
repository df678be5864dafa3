/**
 * A backend is the raw key-value layer under an adapter: it stores values under keys within one
 * namespace and tells of changes made by other tabs. `BackendAdapter` builds the whole storage
 * contract (revisions, idempotency, validation, migrations, quarantine, change events) on top, so
 * a new place to keep data needs only these few methods. See the docs page "Writing your own
 * adapter".
 */
export type BackendWrite = readonly [key: string, value: unknown];

export interface BackendEstimate {
  bytes?: number;
  quota?: number;
  persisted?: boolean;
}

export interface Backend {
  /** A short name for messages: `memory`, `local`, `indexeddb`. */
  readonly kind: string;
  open(): Promise<void>;
  /** Every entry in the namespace, keyed relative to it, values exactly as stored. */
  readAll(): Promise<Map<string, unknown>>;
  /** One entry as stored now (not from a cache), or undefined. */
  read(key: string): Promise<unknown>;
  /**
   * Writes every entry, or none where the backend can promise it (IndexedDB can; localStorage
   * writes in order and stops at the first failure). A value of `undefined` deletes the key.
   * Throws `QuotaError` when storage is full.
   */
  commit(writes: readonly BackendWrite[]): Promise<void>;
  /** Runs `task` while no other tab on this namespace runs one: read, check and write as one step. */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /**
   * Calls `onChange` with the keys another tab wrote, or `'all'` when it cannot tell which (the
   * storage was cleared). Returns a function that stops watching.
   */
  watch(onChange: (keys: string[] | 'all') => void): () => void;
  estimate(): Promise<BackendEstimate>;
  close(): Promise<void>;
}

/**
 * Web Locks serialise writers across the tabs of one origin. Where the API is missing (very old
 * browsers), a tab still serialises its own writes.
 */
export function lockedTask<T>(name: string, task: () => Promise<T>, fallbackQueue: { tail: Promise<unknown> }): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request(name, task);
  const run = fallbackQueue.tail.then(task, task);
  fallbackQueue.tail = run.catch(() => undefined);
  return run;
}

/** Namespaces are part of keys and database names: keep them to safe characters. */
export function checkNamespace(namespace: string): string {
  if (!/^[A-Za-z0-9][\w.-]{0,63}$/.test(namespace)) {
    throw new TypeError(`namespace "${namespace}" must be 1–64 letters, digits, ".", "-" or "_", starting with a letter or digit`);
  }
  return namespace;
}

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

/** Runs tasks one after another within this page: each starts when the one before has settled. */
export function queuedTask<T>(queue: { tail: Promise<unknown> }, task: () => Promise<T>): Promise<T> {
  const run = queue.tail.then(task, task);
  queue.tail = run.catch(() => undefined);
  return run;
}

/**
 * Web Locks serialise writers across the tabs of one origin. Where the API is missing (very old
 * browsers), a tab still serialises its own writes.
 */
export function lockedTask<T>(name: string, task: () => Promise<T>, fallbackQueue: { tail: Promise<unknown> }): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request(name, task);
  return queuedTask(fallbackQueue, task);
}

/**
 * Freezes a value and everything inside it. Records are JSON-shaped data (plain objects and
 * arrays, no cycles); anything else (a typed array in a foreign value, say) is left as it is,
 * since the platform cannot freeze it.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && (Array.isArray(value) || isPlainObject(value))) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Namespaces are part of keys and database names: keep them to safe characters. */
export function checkNamespace(namespace: string): string {
  if (!/^[A-Za-z0-9][\w.-]{0,63}$/.test(namespace)) {
    throw new TypeError(`namespace "${namespace}" must be 1–64 letters, digits, ".", "-" or "_", starting with a letter or digit`);
  }
  return namespace;
}

import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { BackendAdapter } from './backend-adapter.js';
import { checkNamespace, lockedTask, type Backend, type BackendEstimate, type BackendWrite } from './backend.js';
import { QuotaError, StorageError, UnavailableError, isQuotaExceeded } from './errors.js';
import type { AdapterOptions } from './memory.js';

/** The one object store: out-of-line keys (`sessions/<id>`, `idem/<key>`), values as stored. */
const STORE = 'entries';
/** Version 1 creates the store. A later schema bumps this and upgrades in `upgrade`. */
const DB_VERSION = 1;

interface LoadwiseDb extends DBSchema {
  [STORE]: { key: string; value: unknown };
}

/** What one tab tells the others after a commit: the keys it wrote. */
interface ChangeMessage {
  keys: string[];
}

/**
 * Keeps entries in IndexedDB: one database per namespace, `loadwise:<namespace>`, so namespaces
 * never collide and nothing else in the origin's IndexedDB is touched. Values are kept as
 * structured clones, exactly as given, so a value someone else put there comes back unchanged for
 * the quarantine. A commit is one readwrite transaction: all of it is written, or none.
 *
 * IndexedDB has no change event across tabs, so after each commit the keys written are posted on
 * a `BroadcastChannel` of the same name, and other tabs' backends pass them to `watch`.
 */
export class IndexedDbBackend implements Backend {
  readonly kind = 'indexeddb';
  /** `loadwise:<namespace>`: the database this backend opens, and the only one. */
  readonly dbName: string;
  private readonly queue = { tail: Promise.resolve() as Promise<unknown> };
  private db: IDBPDatabase<LoadwiseDb> | undefined;
  private channel: BroadcastChannel | undefined;
  private readonly watchers = new Set<(keys: string[] | 'all') => void>();
  /** Why the connection was lost (another tab deleted or upgraded the database), for the next use. */
  private lost: string | undefined;
  private opening: Promise<void> | undefined;

  constructor(readonly namespace: string) {
    this.dbName = `loadwise:${checkNamespace(namespace)}`;
  }

  open(): Promise<void> {
    this.opening ??= this.start().finally(() => (this.opening = undefined));
    return this.opening;
  }

  private async start(): Promise<void> {
    if (this.db) return;
    if (typeof indexedDB === 'undefined' || !indexedDB) {
      throw new UnavailableError('This browser has no IndexedDB here (it may be blocked for this page).');
    }
    this.lost = undefined;
    this.db = await this.connect();
    // Without BroadcastChannel (Safari before 15.4) each tab still works; it just learns of other
    // tabs' writes on its next open.
    if (typeof BroadcastChannel === 'function') {
      this.channel ??= new BroadcastChannel(`loadwise:indexeddb:${this.namespace}`);
      this.channel.onmessage = (event: MessageEvent<unknown>) => this.notify(event.data);
    }
  }

  private connect(): Promise<IDBPDatabase<LoadwiseDb>> {
    return new Promise((resolve, reject) => {
      let blocked = false;
      let opening: Promise<IDBPDatabase<LoadwiseDb>>;
      try {
        opening = openDB<LoadwiseDb>(this.dbName, DB_VERSION, {
          upgrade(db) {
            if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE);
          },
          // An older connection in another tab will not close: give up now rather than hang, and
          // close the connection if the browser opens it after all.
          blocked: () => {
            blocked = true;
            reject(new UnavailableError('Storage is busy: another tab holds an older version of this site open. Close it and reload.'));
          },
        });
      } catch (error) {
        // Some browsers throw from `indexedDB.open` itself (e.g. opaque origins).
        reject(new UnavailableError('This browser blocks IndexedDB for this page.', { cause: error }));
        return;
      }
      opening.then(
        (db) => {
          if (blocked) return db.close();
          // Another tab wants to delete or upgrade the database: step aside so it is not blocked.
          db.addEventListener('versionchange', () => this.drop(db, 'The saved data was deleted or upgraded in another tab. Reload the page to continue.'));
          // The browser closed it (storage cleared by the person, a disk error).
          db.addEventListener('close', () => this.drop(db, 'The browser closed the database (its data may have been cleared). Reload the page to continue.'));
          resolve(db);
        },
        (error: unknown) => reject(openError(error)),
      );
    });
  }

  /** Closes the connection at once and remembers why, so the next use says so plainly. */
  private drop(db: IDBPDatabase<LoadwiseDb>, reason: string): void {
    db.close();
    if (this.db !== db) return;
    this.lost = reason;
    this.db = undefined;
  }

  private get connection(): IDBPDatabase<LoadwiseDb> {
    if (this.db) return this.db;
    throw new UnavailableError(this.lost ?? 'IndexedDB was used before it was opened.');
  }

  /**
   * `getAll` and `getAllKeys` in one readonly transaction: both come back in key order, so the
   * i-th key belongs to the i-th value. For 10,000 sessions in headless Chromium this took about
   * 135 ms against about 270 ms for an (idb) cursor; `getAllRecords` and ranged `getAll`s in
   * parallel were no faster.
   */
  async readAll(): Promise<Map<string, unknown>> {
    const tx = this.transaction('readonly');
    try {
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
      const entries = new Map<string, unknown>();
      for (let i = 0; i < keys.length; i++) entries.set(keys[i]!, values[i]);
      return entries;
    } catch (error) {
      throw failure(error, 'read');
    }
  }

  /** Every entry whose key starts with `prefix`, as stored now (a key range: no full scan). */
  async readPrefix(prefix: string): Promise<Map<string, unknown>> {
    const tx = this.transaction('readonly');
    try {
      const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
      const [keys, values] = await Promise.all([tx.store.getAllKeys(range), tx.store.getAll(range), tx.done]);
      const entries = new Map<string, unknown>();
      for (let i = 0; i < keys.length; i++) entries.set(keys[i]!, values[i]);
      return entries;
    } catch (error) {
      throw failure(error, 'read');
    }
  }

  async read(key: string): Promise<unknown> {
    try {
      return await this.connection.get(STORE, key);
    } catch (error) {
      throw failure(error, 'read');
    }
  }

  /**
   * One readwrite transaction for every write. A put that throws at once (a value that cannot be
   * cloned) aborts the transaction, so the writes queued before it are rolled back too; a
   * transaction that fails later (quota, disk) is aborted by the browser. Either way nothing of
   * this commit is left behind.
   */
  async commit(writes: readonly BackendWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const tx = this.transaction('readwrite');
    const requests: Promise<unknown>[] = [];
    let current = '';
    try {
      for (const [key, value] of writes) {
        current = key;
        requests.push(value === undefined ? tx.store.delete(key) : tx.store.put(value, key));
      }
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already aborted by the browser: nothing was written either way.
      }
      await Promise.allSettled([...requests, tx.done]);
      throw failure(error, 'write', current);
    }
    const results = await Promise.allSettled([...requests, tx.done]);
    const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    if (errors.length) {
      // Requests cut short report `AbortError`; the cause is the quota or disk error, wherever it is.
      throw failure(errors.find(isQuotaExceeded) ?? errors.find((e) => (e as Error)?.name !== 'AbortError') ?? errors[0], 'write');
    }
    const message: ChangeMessage = { keys: writes.map(([key]) => key) };
    this.channel?.postMessage(message);
  }

  private transaction<M extends IDBTransactionMode>(mode: M) {
    try {
      // A write is flushed to disk before it is reported saved ('strict'): a person's logged
      // session must survive a crash a moment later. Writes are few, so the flush costs little.
      return this.connection.transaction(STORE, mode, mode === 'readwrite' ? { durability: 'strict' } : {});
    } catch (error) {
      // `InvalidStateError`: the connection is closing (another tab is deleting the database).
      throw failure(error, mode === 'readonly' ? 'read' : 'write');
    }
  }

  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return lockedTask(`loadwise:indexeddb:${this.namespace}`, task, this.queue);
  }

  watch(onChange: (keys: string[] | 'all') => void): () => void {
    this.watchers.add(onChange);
    return () => this.watchers.delete(onChange);
  }

  /** A message from another tab: pass on the keys it wrote, or `'all'` if it is not understood. */
  private notify(data: unknown): void {
    // With the connection gone the keys cannot be read; the next use reports why.
    if (!this.db) return;
    const keys = (data as Partial<ChangeMessage> | null)?.keys;
    const changed = Array.isArray(keys) && keys.every((k) => typeof k === 'string') ? keys : 'all';
    for (const watcher of this.watchers) watcher(changed);
  }

  /**
   * `quota` and `persisted` come from the browser and cover the whole origin. `bytes` is this
   * namespace's own share, approximated from its keys and values as JSON: one byte per character,
   * as Chromium serialises ASCII strings; disk overhead and compression are not counted.
   */
  async estimate(): Promise<BackendEstimate> {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    const [origin, persisted, entries] = await Promise.all([
      storage?.estimate?.().catch(() => undefined),
      storage?.persisted?.().catch(() => undefined),
      this.readAll(),
    ]);
    let bytes = 0;
    for (const [key, value] of entries) bytes += key.length + jsonLength(value);
    return {
      bytes,
      ...(origin?.quota === undefined ? {} : { quota: origin.quota }),
      ...(persisted === undefined ? {} : { persisted }),
    };
  }

  async close(): Promise<void> {
    this.channel?.close();
    this.channel = undefined;
    this.db?.close();
    this.db = undefined;
  }
}

/** Why `openDB` failed, in words a person can act on. */
function openError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = (error as Error | null)?.name;
  if (name === 'VersionError') {
    return new UnavailableError('The saved data was written by a newer version of this site. Reload the page to get it.', { cause: error });
  }
  if (isQuotaExceeded(error)) return new QuotaError({ cause: error });
  return new UnavailableError(`IndexedDB could not be opened (${describe(error)}).`, { cause: error });
}

/** A failed read or write as a typed storage error. */
function failure(error: unknown, action: 'read' | 'write', key?: string): StorageError {
  if (error instanceof StorageError) return error;
  if (isQuotaExceeded(error)) return new QuotaError({ cause: error });
  const name = (error as Error | null)?.name;
  const undone = action === 'write' ? ' Nothing in this write was saved.' : '';
  if (name === 'DataCloneError') {
    return new StorageError('validation', `IndexedDB cannot store the value for "${key}" (${describe(error)}).${undone}`, { cause: error });
  }
  if (name === 'InvalidStateError') {
    return new UnavailableError(`The database connection was closed, so the ${action} failed.${undone} Reload the page to continue.`, { cause: error });
  }
  return new UnavailableError(`IndexedDB could not ${action} (${describe(error)}).${undone}`, { cause: error });
}

/** Characters of `value` as JSON; 0 for what JSON cannot hold (a BigInt someone else stored). */
function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return 0;
  }
}

function describe(error: unknown): string {
  const e = error as Error | null;
  return e?.name ? `${e.name}: ${e.message}` : String(error);
}

/**
 * IndexedDB storage, one database per namespace. For more data than localStorage holds
 * comfortably (years of sessions), written atomically; shared live between tabs.
 */
export class IndexedDbAdapter extends BackendAdapter {
  constructor({ namespace = 'default', ...options }: AdapterOptions = {}) {
    super(new IndexedDbBackend(namespace), options);
  }
}

/**
 * The conformance harness for the IndexedDB adapter: one database per namespace,
 * `loadwise:<namespace>`, with one object store `entries` whose out-of-line keys are the relative
 * keys and whose values are the stored objects. Full storage is real too: the origin's quota is
 * lowered through the DevTools protocol (a headless profile's is huge) and a filler database is
 * written until the browser refuses.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { IndexedDbAdapter, IndexedDbBackend } from '../../../src/tracking/storage/indexeddb.js';
import type { ConformanceHarness } from './conformance.js';

const STORE = 'entries';
const dbName = (namespace: string) => `loadwise:${namespace}`;

/** Opens the namespace's database as the adapter lays it out, runs `task`, and closes it. */
async function withDb<T>(namespace: string, task: (db: IDBPDatabase) => Promise<T>): Promise<T> {
  const db = await openDB(dbName(namespace), 1, {
    upgrade(db) {
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE);
    },
  });
  try {
    return await task(db);
  } finally {
    db.close();
  }
}

/** A database of the same origin that belongs to the site, not to loadwise. */
const FOREIGN_DB = 'conformance-site-data';
const withForeign = async <T>(task: (db: IDBPDatabase) => Promise<T>): Promise<T> => {
  const db = await openDB(FOREIGN_DB, 1, { upgrade: (db) => void db.createObjectStore('kv') });
  try {
    return await task(db);
  } finally {
    db.close();
  }
};

/** Filler for full storage: random bytes (nothing to compress), in a database of its own. */
const FILLER_DB = 'conformance-filler';
/** The origin's storage quota while this file runs: room for every test, quick to fill. */
const QUOTA = 32 * 1024 * 1024;
function randomBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let at = 0; at < size; at += 65_536) crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65_536)));
  return bytes;
}

export const indexedDbHarness: ConformanceHarness = {
  kind: 'indexeddb',
  persistent: true,
  secondTab: 'indexeddb',
  create: (namespace, options) => new IndexedDbAdapter({ namespace, ...options }),
  createBackend: (namespace) => new IndexedDbBackend(namespace),
  raw: {
    entries: (namespace) =>
      withDb(namespace, async (db) => {
        const tx = db.transaction(STORE);
        const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
        return new Map(keys.map((key, i) => [String(key), values[i]]));
      }),
    get: (namespace, key) => withDb(namespace, (db) => db.get(STORE, key)),
    set: (namespace, entries) =>
      withDb(namespace, async (db) => {
        const tx = db.transaction(STORE, 'readwrite');
        await Promise.all([...entries.map(([key, raw]) => tx.store.put(raw, key)), tx.done]);
      }),
  },
  keyOf: (collection, id) => `${collection}/${id}`,
  encode: (value) => structuredClone(value),
  decode: (raw) => raw,
  // Not an envelope at all: something else's object under a record key.
  unreadable: { raw: { title: 'not a loadwise record', at: new Date(0), bytes: new Uint8Array([0, 255, 7]) }, reason: 'invalid' },
  foreign: {
    set: (key, raw) => withForeign(async (db) => void (await db.put('kv', raw, key))),
    get: (key) => withForeign((db) => db.get('kv', key)),
    clear: () => deleteDB(FOREIGN_DB),
  },
  clear: (namespace) => deleteDB(dbName(namespace)),
  quota: {
    /**
     * A headless profile's quota is many gigabytes, so the origin's is lowered for the whole file,
     * before anything opens IndexedDB: Chromium checks a bucket's free space against a figure it
     * fetched when the bucket was first opened, so a quota lowered later would not be seen in time.
     */
    async setup() {
      const { usage = 0 } = await navigator.storage.estimate();
      await executeServerCommand('storage-quota', { quotaSize: usage + QUOTA });
    },
    async teardown() {
      await executeServerCommand('storage-quota', {});
    },
    /** Adds ever smaller random blobs until even a small one is refused. */
    async fill() {
      const db = await openDB(FILLER_DB, 1, { upgrade: (db) => void db.createObjectStore('blobs', { autoIncrement: true }) });
      try {
        for (let size = 256 * 1024; size >= 256; size /= 4) {
          for (;;) {
            try {
              await db.add('blobs', randomBytes(size));
            } catch (error) {
              if ((error as DOMException).name !== 'QuotaExceededError') throw error;
              break;
            }
          }
        }
      } finally {
        db.close();
      }
    },
    release: () => deleteDB(FILLER_DB),
  },
  measuresBytes: true,
};

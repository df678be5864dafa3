/**
 * The second tab of the storage conformance suite: a real page on the test origin that runs the
 * real adapters, driven from the test page through `test/plugins/second-tab.mjs`. It exposes
 * `window.tab`; every method answers with plain data (errors included), since the answer crosses
 * to Node and back.
 */
import { IndexedDbAdapter } from '../../src/tracking/storage/indexeddb.js';
import { LocalStorageAdapter } from '../../src/tracking/storage/local-storage.js';
import { MemoryAdapter } from '../../src/tracking/storage/memory.js';
import { RestAdapter } from '../../src/tracking/storage/remote/rest-adapter.js';
import type { CollectionName, ListQuery, StorageAdapter, StorageChange, WriteOptions } from '../../src/tracking/storage/types.js';

/** The adapters a second tab can run, by the name a conformance harness gives. */
const factories: Record<string, (namespace: string) => StorageAdapter> = {
  memory: (namespace) => new MemoryAdapter({ namespace }),
  local: (namespace) => new LocalStorageAdapter({ namespace }),
  indexeddb: (namespace) => new IndexedDbAdapter({ namespace }),
};

/**
 * `remote:<endpoint>`: the remote adapter on the reference server there, signed in as the
 * namespace through the server's demo sign-in (the test server runs with it on), as the
 * conformance harness signs in the first tab.
 */
const remote =
  (endpoint: string) =>
  (namespace: string): StorageAdapter =>
    new RestAdapter({
      namespace,
      endpoint,
      getToken: async () => {
        const response = await fetch(new URL('/v1/demo/token', endpoint), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ sub: namespace }),
        });
        return ((await response.json()) as { token: string }).token;
      },
    });

/** An error as data: what a caller checks (code, issues, the current record of a conflict). */
export interface TabError {
  name: string;
  code?: string;
  message: string;
  current?: unknown;
  issues?: unknown;
}
export type TabResult<T> = { ok: true; value: T } | { ok: false; error: TabError };

interface Open {
  adapter: StorageAdapter;
  changes: StorageChange[];
  waiters: (() => void)[];
}
const open = new Map<string, Open>();
let pending: Promise<unknown> | undefined;

function opened(namespace: string): Open {
  const entry = open.get(namespace);
  if (!entry) throw new Error(`The second tab has no adapter open on "${namespace}".`);
  return entry;
}

async function settle<T>(work: () => Promise<T>): Promise<TabResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (caught) {
    const e = caught as TabError;
    return {
      ok: false,
      error: {
        name: String(e?.name),
        message: String(e?.message),
        ...(e?.code === undefined ? {} : { code: e.code }),
        ...(e?.current === undefined ? {} : { current: e.current }),
        ...(e?.issues === undefined ? {} : { issues: e.issues }),
      },
    };
  }
}

const tab = {
  /** Opens `adapter` on `namespace` in this page and starts recording its change events. */
  async open(adapter: string, namespace: string): Promise<TabResult<string>> {
    return settle(async () => {
      const make = adapter.startsWith('remote:') ? remote(adapter.slice('remote:'.length)) : factories[adapter];
      if (!make) throw new Error(`The second tab cannot run the "${adapter}" adapter.`);
      const entry: Open = { adapter: make(namespace), changes: [], waiters: [] };
      await entry.adapter.open();
      entry.adapter.subscribe((change) => {
        entry.changes.push(change);
        for (const wake of entry.waiters.splice(0)) wake();
      });
      open.set(namespace, entry);
      return entry.adapter.kind;
    });
  },

  put(namespace: string, collection: CollectionName, record: never, options: WriteOptions) {
    return settle(() => opened(namespace).adapter.put(collection, record, options));
  },

  /** Starts every put at once, as a busy tab would, and answers when all have settled. */
  putAll(namespace: string, collection: CollectionName, records: never[]) {
    const { adapter } = opened(namespace);
    return Promise.all(records.map((record) => settle(() => adapter.put(collection, record, { expectedRev: null }))));
  },

  /**
   * Readies a call of another method of this object (`put`, `putAll`) that starts the moment a
   * message arrives on the BroadcastChannel `signal`, so that this tab and the test page can start
   * writing at the same instant. Answers once ready; `armed()` answers with the call's result.
   */
  arm(signal: string, method: 'put' | 'putAll', args: unknown[]): boolean {
    const channel = new BroadcastChannel(signal);
    pending = new Promise((resolve) => {
      channel.onmessage = () => {
        channel.close();
        resolve((tab[method] as (...a: unknown[]) => Promise<unknown>)(...args));
      };
    });
    return true;
  },

  armed(): Promise<unknown> {
    if (!pending) throw new Error('Nothing armed.');
    return pending;
  },

  remove(namespace: string, collection: CollectionName, id: string, options: WriteOptions & { expectedRev: string }) {
    return settle(() => opened(namespace).adapter.remove(collection, id, options));
  },

  get(namespace: string, collection: CollectionName, id: string) {
    return settle(() => opened(namespace).adapter.get(collection, id));
  },

  /** Every page of a listing, followed cursor by cursor. */
  listAll(namespace: string, collection: CollectionName, query: ListQuery = {}) {
    return settle(async () => {
      const { adapter } = opened(namespace);
      const items = [];
      let cursor: string | undefined;
      do {
        const page = await adapter.list(collection, { ...query, ...(cursor ? { cursor } : {}) });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    });
  },

  listQuarantine(namespace: string) {
    return settle(() => opened(namespace).adapter.listQuarantine());
  },

  /** Waits until `count` changes with this origin have arrived, then answers with them. */
  async changes(namespace: string, origin: StorageChange['origin'], count: number): Promise<StorageChange[]> {
    const entry = opened(namespace);
    const matching = () => entry.changes.filter((c) => c.origin === origin);
    while (matching().length < count) await new Promise<void>((wake) => entry.waiters.push(wake));
    return matching();
  },

  async close(namespace: string): Promise<boolean> {
    const entry = open.get(namespace);
    open.delete(namespace);
    await entry?.adapter.close();
    return true;
  },
};

declare global {
  interface Window {
    tab: typeof tab;
  }
}
window.tab = tab;

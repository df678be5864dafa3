/**
 * Storage benchmark (issue 4): for each adapter, the time to open and list 10,000 sessions and to
 * put 1,000, beside localForage and Dexie doing the same work in the same run.
 *
 * "Open and list" starts from a fresh adapter object over data already on disk, as a page load
 * does, and reads every session in pages of 1,000 in time order. "Put 1,000" writes 1,000 new
 * sessions one after another, each awaited, as a person logging (or an import) does.
 */
import Dexie, { type Table } from 'dexie';
import localforage from 'localforage';
import { newSession, type TrainingSession } from '../src/tracking/model.js';
import { BackendAdapter } from '../src/tracking/storage/backend-adapter.js';
import type { Backend } from '../src/tracking/storage/backend.js';
import { LocalStorageBackend } from '../src/tracking/storage/local-storage.js';
import { MemoryBackend } from '../src/tracking/storage/memory.js';
import { IndexedDbBackend } from '../src/tracking/storage/indexeddb.js';
import type { StorageAdapter } from '../src/tracking/storage/types.js';
import { fail, measure, report, type Figure } from './harness.js';

const SESSIONS = 10_000;
const PUTS = 1_000;
const LIST_RUNS = 7;
const PUT_RUNS = 3;

const modalities = ['aerobic', 'resistance', 'hiit', 'combined', 'other'] as const;

/** Plausible sessions, a few a day going back in time, with notes and exercises on some. */
function sessions(count: number, seed = 0): TrainingSession[] {
  const start = Date.UTC(2020, 0, 1, 7);
  return Array.from({ length: count }, (_, i) => {
    const modality = modalities[(i + seed) % modalities.length]!;
    return newSession({
      modality,
      startedAt: new Date(start + i * 5 * 3_600_000).toISOString(),
      timeZone: 'Europe/London',
      durationMin: 20 + ((i * 7) % 70),
      rpe: ((i * 3) % 21) / 2,
      ...(i % 3 === 0 ? { avgHr: 120 + (i % 40), maxHr: 165 + (i % 20) } : {}),
      ...(i % 4 === 0 ? { notes: `Session ${i}: felt steady — sleep ok ✓` } : {}),
      ...(modality === 'resistance'
        ? { exercises: [{ name: 'Squat', sets: [{ reps: 5, loadKg: 80 + (i % 20), rir: 2 }, { reps: 5, loadKg: 80 + (i % 20) }] }] }
        : {}),
    });
  });
}

/** Writes sessions straight through a backend (as stored data already on disk), untimed. */
async function seed(backend: Backend, list: TrainingSession[]): Promise<void> {
  await backend.open();
  await backend.commit(list.map((s) => [`sessions/${s.id}`, { rev: '1-seed', record: s }] as const));
}

async function listAll(adapter: StorageAdapter): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await adapter.list('sessions', { limit: 1000, ...(cursor ? { cursor } : {}) });
    count += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  if (count !== SESSIONS) throw new Error(`listed ${count} sessions, expected ${SESSIONS}`);
  return count;
}

function clearLocalStorage(prefix: string): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
}

async function deleteDatabase(name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => resolve();
  });
}

/** Our adapters: each is BackendAdapter over its backend, exactly as the exported classes are. */
async function benchAdapter(
  subject: string,
  makeBackend: (ns: string) => Backend,
  cleanup: (ns: string) => Promise<void>,
  goal?: number,
): Promise<Figure[]> {
  const data = sessions(SESSIONS);
  const listNs = `bench-list-${subject}`;
  await cleanup(listNs);
  const seeded = makeBackend(listNs);
  await seed(seeded, data);
  let adapter: StorageAdapter | undefined;
  const openList = await measure(
    subject,
    `open + list ${SESSIONS.toLocaleString('en')}`,
    LIST_RUNS,
    {
      // Memory keeps its data in the backend object itself: reuse it; the others reopen from disk.
      prepare: async () => void (adapter = new BackendAdapter(subject === 'MemoryAdapter' ? seeded : makeBackend(listNs))),
      run: async () => {
        await adapter!.open();
        await listAll(adapter!);
      },
      cleanup: async () => void (subject === 'MemoryAdapter' ? undefined : await adapter!.close()),
    },
    goal,
  );
  await seeded.close();
  await cleanup(listNs);

  const putNs = `bench-put-${subject}`;
  const fresh = sessions(PUTS, 1);
  const puts = await measure(subject, `put ${PUTS.toLocaleString('en')}`, PUT_RUNS, {
    prepare: async () => {
      await cleanup(putNs);
      adapter = new BackendAdapter(makeBackend(putNs));
      await adapter.open();
    },
    run: async () => {
      for (const s of fresh) await adapter!.put('sessions', s, { expectedRev: null });
    },
    cleanup: async () => {
      await adapter!.close();
      await cleanup(putNs);
    },
  });
  return [openList, puts];
}

/** localForage with a given driver: the same data, read back in full and sorted by time. */
async function benchLocalForage(subject: string, driver: string): Promise<Figure[]> {
  const data = sessions(SESSIONS);
  const name = `bench-lf-${driver}`;
  const make = () => localforage.createInstance({ name, storeName: 'sessions', driver });
  const store = make();
  await store.clear();
  for (const s of data) await store.setItem(s.id, s);
  const openList = await measure(subject, `open + list ${SESSIONS.toLocaleString('en')}`, LIST_RUNS, {
    run: async () => {
      const instance = make();
      await instance.ready();
      const all: TrainingSession[] = [];
      await instance.iterate<TrainingSession, void>((value) => void all.push(value));
      all.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
      if (all.length !== SESSIONS) throw new Error(`localForage listed ${all.length}`);
    },
  });
  await store.clear();
  const fresh = sessions(PUTS, 1);
  const puts = await measure(subject, `put ${PUTS.toLocaleString('en')}`, PUT_RUNS, {
    prepare: () => store.clear(),
    run: async () => {
      for (const s of fresh) await store.setItem(s.id, s);
    },
    cleanup: () => store.clear(),
  });
  return [openList, puts];
}

class BenchDb extends Dexie {
  sessions!: Table<TrainingSession, string>;
  constructor() {
    super('bench-dexie');
    this.version(1).stores({ sessions: 'id, startedAt' });
  }
}

/** Dexie over IndexedDB with an index on startedAt: opened fresh, read in time order. */
async function benchDexie(): Promise<Figure[]> {
  const subject = 'Dexie (IndexedDB)';
  await deleteDatabase('bench-dexie');
  const db = new BenchDb();
  await db.sessions.bulkPut(sessions(SESSIONS));
  db.close();
  let reader: BenchDb | undefined;
  const openList = await measure(subject, `open + list ${SESSIONS.toLocaleString('en')}`, LIST_RUNS, {
    prepare: async () => void (reader = new BenchDb()),
    run: async () => {
      await reader!.open();
      const all = await reader!.sessions.orderBy('startedAt').toArray();
      if (all.length !== SESSIONS) throw new Error(`Dexie listed ${all.length}`);
    },
    cleanup: async () => reader!.close(),
  });
  const fresh = sessions(PUTS, 1);
  let writer: BenchDb | undefined;
  const puts = await measure(subject, `put ${PUTS.toLocaleString('en')}`, PUT_RUNS, {
    prepare: async () => {
      await deleteDatabase('bench-dexie');
      writer = new BenchDb();
      await writer.open();
    },
    run: async () => {
      for (const s of fresh) await writer!.sessions.put(s);
    },
    cleanup: async () => writer!.close(),
  });
  await deleteDatabase('bench-dexie');
  return [openList, puts];
}

async function main(): Promise<void> {
  const figures: Figure[] = [];
  figures.push(...(await benchAdapter('MemoryAdapter', (ns) => new MemoryBackend(ns), async () => {})));
  figures.push(...(await benchAdapter('LocalStorageAdapter', (ns) => new LocalStorageBackend(ns), async (ns) => clearLocalStorage(`loadwise:${ns}:`), 50)));
  figures.push(...(await benchLocalForage('localForage (localStorage)', localforage.LOCALSTORAGE)));
  clearLocalStorage('bench-lf');
  figures.push(...(await benchAdapter('IndexedDbAdapter', (ns) => new IndexedDbBackend(ns), (ns) => deleteDatabase(`loadwise:${ns}`), 150)));
  figures.push(...(await benchLocalForage('localForage (IndexedDB)', localforage.INDEXEDDB)));
  figures.push(...(await benchDexie()));
  report(figures);
}

main().catch(fail);

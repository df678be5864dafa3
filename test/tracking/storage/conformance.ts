/**
 * The storage conformance suite: what every adapter promises, checked against the real thing.
 * Each adapter has a small test file that calls `describeAdapterConformance` with a harness; the
 * harness alone knows where and how its adapter keeps data (so the suite can corrupt stored values
 * for real), and which of the optional parts apply (persistence, other tabs, quota, a Backend).
 *
 * Nothing is mocked: localStorage, IndexedDB, second tabs (real pages, through
 * `test/plugins/second-tab.mjs`) and full storage (filled until the browser refuses) are real.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import * as z from 'zod/mini';
import { validate } from '../../../src/base/validation.js';
import { trainingSessionSchema, type GlucoseReading, type TrainingSession } from '../../../src/tracking/model.js';
import { BackendAdapter } from '../../../src/tracking/storage/backend-adapter.js';
import type { Backend, BackendWrite } from '../../../src/tracking/storage/backend.js';
import { defaultCollections, type CollectionSpecs } from '../../../src/tracking/storage/collections.js';
import type {
  CollectionName,
  CollectionRecords,
  ListQuery,
  QuarantinedItem,
  QuarantineReason,
  StorageAdapter,
  StorageChange,
  Stored,
} from '../../../src/tracking/storage/types.js';

// ---------------------------------------------------------------------------------------------
// The harness: everything the suite needs to know about one adapter.
// ---------------------------------------------------------------------------------------------

/** Direct access to what an adapter stores, bypassing the adapter. Keys are relative to the namespace. */
export interface RawStore {
  /** Every entry stored in the namespace, values exactly as stored. */
  entries(namespace: string): Promise<Map<string, unknown>>;
  /** The value exactly as stored (a string in localStorage, a structured clone elsewhere), or undefined. */
  get(namespace: string, key: string): Promise<unknown>;
  /** Stores values exactly as given. */
  set(namespace: string, entries: readonly (readonly [key: string, raw: unknown])[]): Promise<void>;
}

/** Storage of the same origin that belongs to someone else (the site, another library). */
export interface ForeignStore {
  set(key: string, raw: unknown): Promise<void>;
  get(key: string): Promise<unknown>;
  clear(): Promise<void>;
}

export interface ConformanceHarness {
  /** The adapter's `kind`. */
  kind: string;
  /** Data survives `close()` and a new adapter (or a reload) on the same namespace. */
  persistent: boolean;
  /**
   * The adapter name the second-tab page (`test/pages/second-tab.ts`) runs, when two tabs of one
   * origin share this adapter's data. Leave out for adapters with nothing to share.
   */
  secondTab?: string;
  create(namespace: string, options?: { collections?: CollectionSpecs }): StorageAdapter;
  /** The adapter's key-value Backend, for adapters built on `BackendAdapter` (migration tests). */
  createBackend?(namespace: string): Backend;
  raw: RawStore;
  /** The key a record is stored under, relative to the namespace. */
  keyOf(collection: CollectionName, id: string): string;
  /** The stored form of a value written by the adapter's own layer (an envelope `{ rev, record }`). */
  encode(value: unknown): unknown;
  /** Reads a stored value back as the adapter's layer wrote it (the inverse of `encode`). */
  decode(raw: unknown): unknown;
  /** A stored value that cannot be read as a record at all, and the reason the quarantine must give. */
  unreadable: { raw: unknown; reason: QuarantineReason };
  foreign?: ForeignStore;
  /** Removes everything stored in the namespace (and closes nothing: adapters are closed first). */
  clear(namespace: string): Promise<void>;
  /** Real full storage: `fill` writes outside any namespace until the browser refuses. */
  quota?: {
    /** Before the suite's first test (before the adapter touches storage): e.g. lower the origin's quota. */
    setup?(): Promise<void>;
    /** After the suite's last test: undo `setup`. */
    teardown?(): Promise<void>;
    fill(): Promise<void>;
    /** Frees a little (a few dozen bytes); false when there is nothing left to free this way. */
    releaseSome?(): Promise<boolean>;
    release(): Promise<void>;
  };
  /** `estimate()` reports this namespace's bytes. */
  measuresBytes: boolean;
}

// ---------------------------------------------------------------------------------------------
// Records.
// ---------------------------------------------------------------------------------------------

const uuid = () => crypto.randomUUID();
const STAMP = '2026-03-01T09:00:00.000Z';

/** A minimal valid session. */
export function session(startedAt: string, overrides: Partial<TrainingSession> = {}): TrainingSession {
  return {
    id: uuid(),
    schemaVersion: 1,
    modality: 'aerobic',
    startedAt,
    timeZone: 'Europe/Paris',
    durationMin: 30,
    rpe: 5,
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  };
}

/** A session with every optional field, and the values most likely to be mangled on the way. */
export function fullSession(): TrainingSession {
  return {
    id: uuid(),
    schemaVersion: 1,
    modality: 'combined',
    startedAt: '2026-03-14T05:45:00.000Z',
    timeZone: 'Asia/Kathmandu',
    durationMin: 72.5,
    rpe: 6.5,
    avgHr: 128,
    maxHr: 171,
    exercises: [
      {
        name: 'Back squat',
        sets: [
          { reps: 5, loadKg: 72.5, rir: 3 },
          { reps: 5, loadKg: 0.1 + 0.2, rir: 0 },
          { reps: 8, loadKg: 102.35 },
        ],
      },
      { name: 'Rudern 划船 — تجديف', sets: [{ reps: 12, loadKg: 1 / 3, rir: 10 }, { reps: 0, loadKg: Number.MIN_VALUE }] },
      { name: 'Plank', sets: [] },
    ],
    notes: 'Strong day 💪🏽👩‍👩‍👧 — تمرين جيد اليوم — 今日はよく眠れた — café vs cafe\u0301 — Ω≈ç "quoted" \\ back\nnew line\ttab',
    wellness: { sleepQuality: 4, soreness: 2, fatigue: 3, stress: 1 },
    createdAt: '2026-03-14T07:01:02.345Z',
    updatedAt: '2026-03-14T07:09:59.999Z',
  };
}

function otherFullSession(): TrainingSession {
  return {
    ...fullSession(),
    id: uuid(),
    modality: 'resistance',
    startedAt: '2026-03-15T22:30:00.000Z',
    timeZone: 'America/St_Johns',
    durationMin: 45.25,
    rpe: 9.5,
    wellness: { soreness: 5 },
    notes: 'עברית ו-العربية في سطر واحد, 한국어, Ελληνικά, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  };
}

export function reading(measuredAt: string, overrides: Partial<GlucoseReading> = {}): GlucoseReading {
  return {
    id: uuid(),
    schemaVersion: 1,
    measuredAt,
    timeZone: 'America/St_Johns',
    mgdl: 99.088,
    context: 'after-meal',
    notes: 'بعد الإفطار 🍳 — 5.5 mmol/L',
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  };
}

/** Every record of a listing, page after page. */
async function listAll<C extends CollectionName>(adapter: StorageAdapter, collection: C, query: ListQuery = {}) {
  const items: Stored<CollectionRecords[C]>[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await adapter.list(collection, { ...query, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    if (++pages > 10_000) throw new Error('The listing never ends: its cursor goes round in circles.');
  } while (cursor);
  return items;
}

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

/** The record a stored value holds; fails on a tombstone. */
function recordOf<T>(stored: Stored<T> | undefined): T {
  if (!stored || stored.deleted) throw new Error(`Expected a record, got ${stored ? 'a tombstone' : 'nothing'}.`);
  return stored.record;
}

/** The error a promise rejects with; fails when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, any>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, any>;
  }
  throw new Error('Expected the call to fail, and it succeeded.');
}

/** Records change events, and waits for them without a clock. */
function watch(adapter: StorageAdapter) {
  const changes: StorageChange[] = [];
  const waiters: (() => void)[] = [];
  const stop = adapter.subscribe((change) => {
    changes.push(change);
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    changes,
    stop,
    async until(done: (changes: StorageChange[]) => boolean): Promise<void> {
      while (!done(changes)) await new Promise<void>((wake) => waiters.push(wake));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// A second real tab (see test/plugins/second-tab.mjs and test/pages/second-tab.ts).
// ---------------------------------------------------------------------------------------------

type TabResult<T> = { ok: true; value: T } | { ok: false; error: { name: string; code?: string; message: string; current?: unknown } };

/**
 * Runs `mine` in this page and the call `arm`ed in the second tab at the same instant: both start
 * on one BroadcastChannel message, so neither has a head start of a round trip through the server.
 */
async function together<A, B>(tab: SecondTab, method: 'put' | 'putAll', args: unknown[], mine: () => Promise<A>): Promise<[PromiseSettledResult<A>, B]> {
  const signal = `conformance-go-${crypto.randomUUID()}`;
  await tab.call('arm', signal, method, args);
  const listener = new BroadcastChannel(signal);
  const started = new Promise<A>((resolve, reject) => {
    listener.onmessage = () => {
      listener.close();
      mine().then(resolve, reject);
    };
  });
  const go = new BroadcastChannel(signal);
  go.postMessage('go');
  go.close();
  const [here, there] = await Promise.allSettled([started, tab.call<B>('armed')]);
  if (there.status === 'rejected') throw there.reason;
  return [here, there.value];
}

class SecondTab {
  private constructor(readonly id: string) {}

  static async open(): Promise<SecondTab> {
    const { tabId } = await executeServerCommand<{ tabId: string }, { path: string }>('second-tab-open', { path: '/test/pages/second-tab.html' });
    return new SecondTab(tabId);
  }

  async call<T>(method: string, ...args: unknown[]): Promise<T> {
    const { result } = await executeServerCommand<{ result: T }, unknown>('second-tab-call', { tabId: this.id, method, args });
    return result;
  }

  /** Like `call`, for methods that answer with a `TabResult`: its value, or a thrown error. */
  async value<T>(method: string, ...args: unknown[]): Promise<T> {
    const result = await this.call<TabResult<T>>(method, ...args);
    if (!result.ok) throw new Error(`Second tab: ${method} failed: ${result.error.name}: ${result.error.message}`);
    return result.value;
  }

  close(): Promise<unknown> {
    return executeServerCommand('second-tab-close', { tabId: this.id });
  }
}

// ---------------------------------------------------------------------------------------------
// Schema version 2 of sessions, for the migration tests: `durationSec` added beside `durationMin`.
// ---------------------------------------------------------------------------------------------

const sessionV2Schema = z.strictObject({
  ...trainingSessionSchema.shape,
  schemaVersion: z.literal(2, 'must be 2'),
  durationSec: z.number().check(z.minimum(60, 'must be at least 60'), z.maximum(86_400, 'must be at most 86400')),
});
type SessionV2 = z.infer<typeof sessionV2Schema>;

const v2Collections: CollectionSpecs = {
  ...defaultCollections,
  sessions: {
    ...defaultCollections.sessions,
    version: 2,
    validate: (value) => validate(sessionV2Schema, value, { root: '(session)' }) as unknown as ReturnType<typeof defaultCollections.sessions.validate>,
    migrations: { 1: (record) => ({ ...record, durationSec: Number(record.durationMin) * 60 }) },
  },
};

const toV2 = (s: TrainingSession): SessionV2 => ({ ...s, schemaVersion: 2, durationSec: s.durationMin * 60 });

/** A real Backend with one injected crash: the `failOn`-th commit throws before writing anything. */
class CrashingBackend implements Backend {
  commits = 0;
  constructor(
    private readonly inner: Backend,
    private readonly failOn: number,
  ) {}
  get kind() {
    return this.inner.kind;
  }
  open() {
    return this.inner.open();
  }
  readAll() {
    return this.inner.readAll();
  }
  read(key: string) {
    return this.inner.read(key);
  }
  async commit(writes: readonly BackendWrite[]) {
    if (++this.commits === this.failOn) throw new Error('Injected crash: the tab was closed mid-migration.');
    return this.inner.commit(writes);
  }
  exclusive<T>(task: () => Promise<T>) {
    return this.inner.exclusive(task);
  }
  watch(onChange: (keys: string[] | 'all') => void) {
    return this.inner.watch(onChange);
  }
  estimate() {
    return this.inner.estimate();
  }
  close() {
    return this.inner.close();
  }
}

/** A real Backend whose next commit is written and then reported as failed, as a lost reply is. */
class LostReplyBackend extends CrashingBackend {
  loseNextReply = false;
  constructor(inner: Backend) {
    super(inner, 0);
  }
  override async commit(writes: readonly BackendWrite[]) {
    await super.commit(writes);
    if (this.loseNextReply) {
      this.loseNextReply = false;
      throw new Error('Injected lost reply: written, but the caller was told it failed.');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The suite.
// ---------------------------------------------------------------------------------------------

let namespaceCount = 0;

export function describeAdapterConformance(name: string, h: ConformanceHarness): void {
  describe(`${name} adapter: storage conformance`, () => {
    let adapters: StorageAdapter[] = [];
    let namespaces: string[] = [];
    let tabs: SecondTab[] = [];
    let filled = false;

    /** A namespace no other test uses; cleared after the test. */
    function fresh(): string {
      const ns = `cf-${h.kind}-${Date.now().toString(36)}-${++namespaceCount}`;
      namespaces.push(ns);
      return ns;
    }

    function make(ns: string, options?: { collections?: CollectionSpecs }): StorageAdapter {
      const adapter = h.create(ns, options);
      adapters.push(adapter);
      return adapter;
    }

    async function opened(ns: string, options?: { collections?: CollectionSpecs }): Promise<StorageAdapter> {
      const adapter = make(ns, options);
      await adapter.open();
      return adapter;
    }

    async function tab(): Promise<SecondTab> {
      const t = await SecondTab.open();
      tabs.push(t);
      return t;
    }

    async function rawEntries(ns: string): Promise<Map<string, unknown>> {
      const entries = await h.raw.entries(ns);
      return new Map([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }

    before(async () => {
      await h.quota?.setup?.();
    });

    after(async () => {
      await h.quota?.teardown?.();
    });

    afterEach(async () => {
      await Promise.all(tabs.map((t) => t.close()));
      await Promise.all(adapters.map((a) => a.close()));
      if (filled) await h.quota?.release();
      for (const ns of namespaces) await h.clear(ns);
      await h.foreign?.clear();
      adapters = [];
      namespaces = [];
      tabs = [];
      filled = false;
    });

    it(`is named "${h.kind}" and opens on an empty namespace with nothing in it`, async () => {
      const a = await opened(fresh());
      expect(a.kind).to.equal(h.kind);
      expect((await a.list('sessions')).items).to.deep.equal([]);
      expect((await a.list('glucose')).items).to.deep.equal([]);
      expect(await a.listQuarantine()).to.deep.equal([]);
      expect((await a.estimate()).records).to.deep.equal({ sessions: 0, glucose: 0 });
    });

    // 1. Round trip -----------------------------------------------------------------------------

    describe('round trip', () => {
      it('gives back every field of sessions and readings through get and list, exactly', async () => {
        const a = await opened(fresh());
        const s1 = fullSession();
        const s2 = otherFullSession();
        const g = reading('2026-03-14T06:10:00.000Z');
        const p1 = await a.put('sessions', s1, { expectedRev: null });
        const p2 = await a.put('sessions', s2, { expectedRev: null });
        const pg = await a.put('glucose', g, { expectedRev: null });

        expect(p1).to.deep.equal({ id: s1.id, rev: p1.rev, deleted: false, record: s1 });
        expect(pg).to.deep.equal({ id: g.id, rev: pg.rev, deleted: false, record: g });
        expect(p1.rev).to.be.a('string').and.not.equal('');
        expect(await a.get('sessions', s1.id)).to.deep.equal(p1);
        expect(await a.get('sessions', s2.id)).to.deep.equal(p2);
        expect(await a.get('glucose', g.id)).to.deep.equal(pg);
        expect((await a.list('sessions')).items).to.deep.equal([p1, p2]);
        expect((await a.list('glucose')).items).to.deep.equal([pg]);

        // The values most likely to be mangled, one by one, for a readable failure.
        const back = recordOf(await a.get('sessions', s1.id));
        expect(back.notes).to.equal(s1.notes);
        expect(back.notes!.normalize('NFC')).to.not.equal(back.notes, 'combining characters kept as written, not normalised');
        expect(back.exercises![0]!.sets[1]!.loadKg).to.equal(0.30000000000000004);
        expect(back.exercises![1]!.sets[0]!.loadKg).to.equal(1 / 3);
        expect(back.exercises![1]!.sets[1]!.loadKg).to.equal(Number.MIN_VALUE);
        expect(back.timeZone).to.equal('Asia/Kathmandu');
        expect(back.rpe).to.equal(6.5);
        expect(back.durationMin).to.equal(72.5);
        expect(recordOf(await a.get('sessions', s2.id)).timeZone).to.equal('America/St_Johns');
      });

      it('hands out frozen records: nothing stored changes through what put, get, list or an event returned', async () => {
        const a = await opened(fresh());
        const s = fullSession();
        const events = watch(a);
        const written = await a.put('sessions', s, { expectedRev: null });
        const expected = structuredClone(written);
        const handedOut = [recordOf(written), recordOf(await a.get('sessions', s.id)), recordOf((await a.list('sessions')).items[0])];
        handedOut.push(recordOf(events.changes[0]?.stored as Stored<TrainingSession>));
        for (const record of handedOut) {
          expect(Object.isFrozen(record) && Object.isFrozen(record.exercises![0]!.sets[0]), 'frozen to the last set').to.equal(true);
          expect(() => (record.durationMin = 999), 'editing a handed-out record fails loudly').to.throw(TypeError);
        }
        // What the caller passed in stays theirs: not frozen, and editing it changes nothing stored.
        expect(Object.isFrozen(s)).to.equal(false);
        s.durationMin = 999;
        s.exercises![0]!.sets[0]!.reps = 999;
        expect(await a.get('sessions', s.id)).to.deep.equal(expected);
        expect((await a.list('sessions')).items).to.deep.equal([expected]);
      });

      if (h.persistent) {
        it('gives back every field after close and reopen, from disk', async () => {
          const ns = fresh();
          const a = await opened(ns);
          const s1 = fullSession();
          const s2 = otherFullSession();
          const g = reading('2026-03-14T06:10:00.000Z');
          const written = [await a.put('sessions', s1, { expectedRev: null }), await a.put('sessions', s2, { expectedRev: null })];
          const wg = await a.put('glucose', g, { expectedRev: null });
          await a.close();

          const b = await opened(ns);
          expect(await b.get('sessions', s1.id)).to.deep.equal(written[0]);
          expect(await b.get('glucose', g.id)).to.deep.equal(wg);
          expect((await b.list('sessions')).items).to.deep.equal(written);
          expect((await b.list('glucose')).items).to.deep.equal([wg]);
          expect(await b.listQuarantine()).to.deep.equal([]);
        });
      }
    });

    // 2. Validation -----------------------------------------------------------------------------

    describe('validation', () => {
      it('rejects an invalid session with a ValidationError naming each field, and writes nothing', async () => {
        const ns = fresh();
        const a = await opened(ns);
        const keep = await a.put('sessions', session('2026-03-01T08:00:00Z'), { expectedRev: null });
        const before = await rawEntries(ns);
        const events = watch(a);
        const bad = {
          ...fullSession(),
          durationMin: 0,
          timeZone: 'Mars/Olympus_Mons',
          exercises: [{ name: 'Squat', sets: [{ reps: 5, loadKg: 60 }, { reps: 2.5, loadKg: 60 }] }],
        };

        const error = await rejection(a.put('sessions', bad, { expectedRev: null, idempotencyKey: 'bad-save' }));
        expect(error.code).to.equal('validation');
        expect(error.name).to.equal('ValidationError');
        const issues = error.issues as { path: string; message: string }[];
        expect(issues.map((i) => i.path)).to.have.members(['durationMin', 'exercises[0].sets[1].reps', 'timeZone']);
        for (const issue of issues) expect(issue.message).to.be.a('string').and.not.equal('');
        expect(error.message).to.contain('durationMin');

        expect(await rawEntries(ns)).to.deep.equal(before);
        expect((await a.list('sessions')).items).to.deep.equal([keep]);
        expect(await a.get('sessions', bad.id)).to.equal(undefined);
        expect(events.changes).to.deep.equal([]);
        // The idempotency key was not used up by the failed write.
        const good = { ...bad, durationMin: 40, timeZone: 'Europe/Paris', exercises: [] };
        const saved = await a.put('sessions', good, { expectedRev: null, idempotencyKey: 'bad-save' });
        expect(recordOf(saved)).to.deep.equal(good);
      });

      it('rejects an invalid reading, and an invalid edit leaves the record as it was', async () => {
        const ns = fresh();
        const a = await opened(ns);
        const g = reading('2026-03-02T07:00:00Z');
        const first = await a.put('glucose', g, { expectedRev: null });
        const before = await rawEntries(ns);

        const error = await rejection(a.put('glucose', { ...g, mgdl: 5, context: 'lunch' as 'other' }, { expectedRev: first.rev }));
        expect(error.code).to.equal('validation');
        expect((error.issues as { path: string }[]).map((i) => i.path)).to.have.members(['mgdl', 'context']);
        const unknownField = await rejection(a.put('glucose', { ...g, unit: 'mmol' } as GlucoseReading, { expectedRev: first.rev }));
        expect((unknownField.issues as { path: string }[]).map((i) => i.path)).to.deep.equal(['unit']);

        expect(await a.get('glucose', g.id)).to.deep.equal(first);
        expect(await rawEntries(ns)).to.deep.equal(before);
      });

      it('refuses a record of a newer schema version, and writes nothing', async () => {
        const ns = fresh();
        const a = await opened(ns);
        const error = await rejection(a.put('sessions', { ...session('2026-03-01T08:00:00Z'), schemaVersion: 99 } as unknown as TrainingSession, { expectedRev: null }));
        expect(error.code).to.equal('version-too-new');
        expect((await h.raw.entries(ns)).size).to.equal(0);
      });
    });

    // 3. Revisions, conflicts, tombstones -------------------------------------------------------

    describe('revisions and conflicts', () => {
      it('a stale revision is a ConflictError carrying the current record, and overwrites nothing', async () => {
        const ns = fresh();
        const a = await opened(ns);
        const s = session('2026-03-01T08:00:00Z');
        const v1 = await a.put('sessions', s, { expectedRev: null });
        const v2 = await a.put('sessions', { ...s, rpe: 7, updatedAt: '2026-03-01T10:00:00.000Z' }, { expectedRev: v1.rev });
        expect(v2.rev).to.not.equal(v1.rev);
        const before = await rawEntries(ns);

        const error = await rejection(a.put('sessions', { ...s, rpe: 2 }, { expectedRev: v1.rev }));
        expect(error.code).to.equal('conflict');
        expect(error.name).to.equal('ConflictError');
        expect(error.current).to.deep.equal(v2);
        expect(await a.get('sessions', s.id)).to.deep.equal(v2);
        expect(await rawEntries(ns)).to.deep.equal(before);
      });

      it('creating over an existing id is a conflict; updating a record that is not there is a conflict, removing it is not-found', async () => {
        const ns = fresh();
        const a = await opened(ns);
        const s = session('2026-03-01T08:00:00Z');
        const v1 = await a.put('sessions', s, { expectedRev: null });

        const twice = await rejection(a.put('sessions', { ...s, rpe: 9 }, { expectedRev: null }));
        expect(twice.code).to.equal('conflict');
        expect(twice.current).to.deep.equal(v1);
        expect(await a.get('sessions', s.id)).to.deep.equal(v1);

        const missing = session('2026-03-02T08:00:00Z');
        const gone = await rejection(a.put('sessions', missing, { expectedRev: v1.rev }));
        expect(gone.code).to.equal('conflict');
        expect(gone.current).to.equal(undefined);
        expect(await a.get('sessions', missing.id)).to.equal(undefined);
        const removeMissing = await rejection(a.remove('sessions', missing.id, { expectedRev: v1.rev }));
        expect(removeMissing.code).to.equal('not-found');
        expect(await a.get('sessions', missing.id)).to.equal(undefined);
      });

      it('remove leaves a tombstone: hidden from list, shown with includeDeleted, and undone by writing over it', async () => {
        const ns = fresh();
        const a = await opened(ns);
        const s = session('2026-03-01T08:00:00Z');
        const other = await a.put('sessions', session('2026-03-02T08:00:00Z'), { expectedRev: null });
        const v1 = await a.put('sessions', s, { expectedRev: null });
        const v2 = await a.put('sessions', { ...s, notes: 'edited' }, { expectedRev: v1.rev });

        const stale = await rejection(a.remove('sessions', s.id, { expectedRev: v1.rev }));
        expect(stale.code).to.equal('conflict');
        expect(stale.current).to.deep.equal(v2);
        expect(await a.get('sessions', s.id)).to.deep.equal(v2);

        const tomb = await a.remove('sessions', s.id, { expectedRev: v2.rev });
        expect(tomb).to.deep.include({ id: s.id, deleted: true });
        expect(tomb.rev).to.not.equal(v2.rev);
        expect(Number.isNaN(Date.parse((tomb as { deletedAt: string }).deletedAt))).to.equal(false);
        expect(await a.get('sessions', s.id)).to.deep.equal(tomb);
        expect(ids((await a.list('sessions')).items)).to.deep.equal([other.id]);
        const withDeleted = (await a.list('sessions', { includeDeleted: true })).items;
        expect(withDeleted).to.have.length(2);
        expect(withDeleted).to.deep.include(tomb);
        expect(withDeleted).to.deep.include(other);

        // Creating again over a tombstone is a conflict that shows the tombstone.
        const recreate = await rejection(a.put('sessions', s, { expectedRev: null }));
        expect(recreate.code).to.equal('conflict');
        expect(recreate.current).to.deep.equal(tomb);

        // Undo: write the record back over the tombstone's revision.
        const restored = await a.put('sessions', recordOf(v2), { expectedRev: tomb.rev });
        expect(restored.deleted).to.equal(false);
        expect(restored.rev).to.not.equal(tomb.rev);
        expect(await a.get('sessions', s.id)).to.deep.equal(restored);
        expect(ids((await a.list('sessions')).items)).to.deep.equal([s.id, other.id]);
      });

      if (h.persistent) {
        it('tombstones and revisions survive close and reopen', async () => {
          const ns = fresh();
          const a = await opened(ns);
          const s = session('2026-03-01T08:00:00Z');
          const v1 = await a.put('sessions', s, { expectedRev: null });
          const tomb = await a.remove('sessions', s.id, { expectedRev: v1.rev });
          await a.close();
          const b = await opened(ns);
          expect(await b.get('sessions', s.id)).to.deep.equal(tomb);
          expect((await b.list('sessions')).items).to.deep.equal([]);
          const stale = await rejection(b.put('sessions', s, { expectedRev: v1.rev }));
          expect(stale.current).to.deep.equal(tomb);
        });
      }
    });

    // 4. Idempotency ----------------------------------------------------------------------------

    describe('idempotency', () => {
      it('the same idempotency key twice writes once: same revision, one change event, no duplicate', async () => {
        const ns = fresh();
        const a = await opened(ns);
        const events = watch(a);
        const s = session('2026-03-01T08:00:00Z');
        const first = await a.put('sessions', s, { expectedRev: null, idempotencyKey: 'create-1' });
        const retry = await a.put('sessions', s, { expectedRev: null, idempotencyKey: 'create-1' });
        expect(retry).to.deep.equal(first);

        // An edit retried after a lost reply: its expectedRev is stale by then, yet it is answered, not refused.
        const edit = { ...s, rpe: 8 };
        const edited = await a.put('sessions', edit, { expectedRev: first.rev, idempotencyKey: 'edit-1' });
        const editRetry = await a.put('sessions', edit, { expectedRev: first.rev, idempotencyKey: 'edit-1' });
        expect(editRetry).to.deep.equal(edited);

        const removed = await a.remove('sessions', s.id, { expectedRev: edited.rev, idempotencyKey: 'remove-1' });
        const removeRetry = await a.remove('sessions', s.id, { expectedRev: edited.rev, idempotencyKey: 'remove-1' });
        expect(removeRetry).to.deep.equal(removed);

        expect(events.changes.map((c) => c.stored.rev)).to.deep.equal([first.rev, edited.rev, removed.rev]);
        expect((await a.list('sessions', { includeDeleted: true })).items).to.deep.equal([removed]);
      });

      if (h.persistent) {
        it('the same idempotency key writes once after close and reopen too', async () => {
          const ns = fresh();
          const a = await opened(ns);
          const s = session('2026-03-01T08:00:00Z');
          const first = await a.put('sessions', s, { expectedRev: null, idempotencyKey: 'save-across-reload' });
          await a.close();

          const b = await opened(ns);
          const before = await rawEntries(ns);
          const events = watch(b);
          const retry = await b.put('sessions', s, { expectedRev: null, idempotencyKey: 'save-across-reload' });
          expect(retry).to.deep.equal(first);
          expect(events.changes).to.deep.equal([]);
          expect(await rawEntries(ns)).to.deep.equal(before);
          expect((await b.list('sessions')).items).to.deep.equal([first]);
        });
      }
    });

    // 5. Listing --------------------------------------------------------------------------------

    describe('list', () => {
      it('ranges by time: from inclusive, to exclusive, compared as instants', async () => {
        const a = await opened(fresh());
        const days = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'];
        const s = [];
        for (const day of [...days].reverse()) s.unshift(await a.put('sessions', session(`${day}T00:00:00.000Z`), { expectedRev: null }));
        const g = [];
        for (const day of days) g.push(await a.put('glucose', reading(`${day}T06:00:00.000Z`), { expectedRev: null }));

        const range = async (query: ListQuery) => ids((await a.list('sessions', query)).items);
        expect(await range({ from: '2026-03-02T00:00:00.000Z', to: '2026-03-04T00:00:00.000Z' })).to.deep.equal(ids(s.slice(1, 3)));
        // The same instants written with an offset, and without milliseconds.
        expect(await range({ from: '2026-03-02T05:45:00+05:45', to: '2026-03-03T21:30:00-02:30' })).to.deep.equal(ids(s.slice(1, 3)));
        expect(await range({ from: '2026-03-04T00:00:00.001Z' })).to.deep.equal(ids(s.slice(4)));
        expect(await range({ to: '2026-03-01T00:00:00.001Z' })).to.deep.equal(ids(s.slice(0, 1)));
        expect(await range({ from: '2026-03-03T00:00:00Z', to: '2026-03-03T00:00:00Z' })).to.deep.equal([]);
        expect(ids((await a.list('glucose', { from: '2026-03-02T06:00:00Z', to: '2026-03-05T06:00:00Z' })).items)).to.deep.equal(ids(g.slice(1, 4)));
      });

      it('orders oldest first by default and newest first with order desc', async () => {
        const a = await opened(fresh());
        const times = ['2026-03-03T12:00:00Z', '2026-01-01T00:00:00Z', '2026-02-15T23:59:59.999Z', '2025-12-31T23:59:59Z'];
        for (const t of times) await a.put('sessions', session(t), { expectedRev: null });
        const asc = (await a.list('sessions')).items.map((i) => Date.parse(recordOf(i).startedAt));
        expect(asc).to.deep.equal(times.map(Date.parse).sort((x, y) => x - y));
        const desc = (await a.list('sessions', { order: 'desc' })).items.map((i) => Date.parse(recordOf(i).startedAt));
        expect(desc).to.deep.equal([...asc].reverse());
        expect((await a.list('sessions', { order: 'asc' })).items.map((i) => i.id)).to.deep.equal((await a.list('sessions')).items.map((i) => i.id));
      });

      it('pages through 250 records, 40 at a time, each exactly once and in order, both ways', async () => {
        const a = await opened(fresh());
        // Groups of three on the same instant, written in a scrambled order.
        const order = Array.from({ length: 250 }, (_, i) => (i * 97) % 250);
        for (const i of order) {
          const minute = Math.floor(i / 3);
          await a.put('sessions', session(new Date(Date.UTC(2026, 0, 1, 6, minute)).toISOString()), { expectedRev: null });
        }
        const whole = (await a.list('sessions', { limit: 1000 })).items;
        expect(whole).to.have.length(250);
        const times = whole.map((i) => Date.parse(recordOf(i).startedAt));
        for (let i = 1; i < times.length; i++) expect(times[i]! >= times[i - 1]!, `record ${i} is older than the one before`).to.equal(true);

        for (const order of ['asc', 'desc'] as const) {
          const seen: string[] = [];
          let cursor: string | undefined;
          let pages = 0;
          do {
            const page = await a.list('sessions', { order, limit: 40, ...(cursor ? { cursor } : {}) });
            pages++;
            expect(page.items.length, `page ${pages}`).to.equal(pages <= 6 ? 40 : 10);
            seen.push(...ids(page.items));
            cursor = page.nextCursor ?? undefined;
          } while (cursor && pages < 20);
          expect(pages, order).to.equal(7);
          expect(new Set(seen).size, order).to.equal(250);
          expect(seen, order).to.deep.equal(order === 'asc' ? ids(whole) : ids(whole).reverse());
        }
        // 100 to a page unless asked.
        const first = await a.list('sessions');
        expect(first.items).to.have.length(100);
        expect(first.nextCursor).to.be.a('string');
      });

      it('orders records on the same instant stably, and pages across them without loss', async () => {
        const ns = fresh();
        const a = await opened(ns);
        const at = '2026-03-01T07:00:00.000Z';
        await a.put('sessions', session('2026-03-01T06:59:59.999Z'), { expectedRev: null });
        for (let i = 0; i < 7; i++) await a.put('sessions', session(at), { expectedRev: null });
        await a.put('sessions', session('2026-03-01T07:00:00.001Z'), { expectedRev: null });

        const whole = ids((await a.list('sessions')).items);
        expect(ids((await a.list('sessions')).items)).to.deep.equal(whole);
        expect(ids((await a.list('sessions', { order: 'desc' })).items)).to.deep.equal([...whole].reverse());
        expect(ids(await listAll(a, 'sessions', { limit: 2 }))).to.deep.equal(whole);
        expect(ids(await listAll(a, 'sessions', { limit: 3, order: 'desc' }))).to.deep.equal([...whole].reverse());
        expect(ids(await listAll(a, 'sessions', { limit: 2, from: at, to: '2026-03-01T07:00:00.001Z' }))).to.deep.equal(whole.slice(1, 8));
        if (h.persistent) {
          await a.close();
          const b = await opened(ns);
          expect(ids((await b.list('sessions')).items)).to.deep.equal(whole);
        }
      });
    });

    // 6. Change events --------------------------------------------------------------------------

    describe('subscribe', () => {
      it("tells of every local change with origin 'local', until unsubscribed", async () => {
        const a = await opened(fresh());
        const events = watch(a);
        const s = session('2026-03-01T08:00:00Z');
        const created = await a.put('sessions', s, { expectedRev: null });
        const updated = await a.put('sessions', { ...s, rpe: 6 }, { expectedRev: created.rev });
        const removed = await a.remove('sessions', s.id, { expectedRev: updated.rev });
        const g = await a.put('glucose', reading('2026-03-01T07:00:00Z'), { expectedRev: null });
        expect(events.changes).to.deep.equal([
          { collection: 'sessions', id: s.id, stored: created, origin: 'local' },
          { collection: 'sessions', id: s.id, stored: updated, origin: 'local' },
          { collection: 'sessions', id: s.id, stored: removed, origin: 'local' },
          { collection: 'glucose', id: g.id, stored: g, origin: 'local' },
        ]);

        const other = watch(a);
        events.stop();
        await a.put('sessions', session('2026-03-02T08:00:00Z'), { expectedRev: null });
        expect(events.changes).to.have.length(4);
        expect(other.changes).to.have.length(1);
        // A failed write tells nothing.
        await rejection(a.put('sessions', s, { expectedRev: null }));
        expect(other.changes).to.have.length(1);
      });
    });

    // 7. Two tabs -------------------------------------------------------------------------------

    if (h.secondTab) {
      const tabAdapter = h.secondTab;
      describe('two tabs on one namespace (two real pages)', () => {
        it("each sees the other's writes live, with origin 'other-tab'", async () => {
          const ns = fresh();
          const a = await opened(ns);
          const events = watch(a);
          const b = await tab();
          expect(await b.value('open', tabAdapter, ns)).to.equal(h.kind);

          // A writes; B hears of it.
          const s = session('2026-03-01T08:00:00Z');
          const fromA = await a.put('sessions', s, { expectedRev: null });
          const heardByB = await b.call<StorageChange[]>('changes', ns, 'other-tab', 1);
          expect(heardByB).to.deep.equal([{ collection: 'sessions', id: s.id, stored: fromA, origin: 'other-tab' }]);
          expect(await b.value('get', ns, 'sessions', s.id)).to.deep.equal(fromA);

          // B edits and adds a reading; A hears of both.
          const fromB = await b.value<Stored<TrainingSession>>('put', ns, 'sessions', { ...s, notes: 'from the other tab ✓' }, { expectedRev: fromA.rev });
          const g = reading('2026-03-01T07:00:00Z');
          const gFromB = await b.value<Stored<GlucoseReading>>('put', ns, 'glucose', g, { expectedRev: null });
          await events.until((c) => c.filter((x) => x.origin === 'other-tab').length >= 2);
          expect(events.changes).to.deep.equal([
            { collection: 'sessions', id: s.id, stored: fromA, origin: 'local' },
            { collection: 'sessions', id: s.id, stored: fromB, origin: 'other-tab' },
            { collection: 'glucose', id: g.id, stored: gFromB, origin: 'other-tab' },
          ]);
          expect(await a.get('sessions', s.id)).to.deep.equal(fromB);
          expect((await a.list('glucose')).items).to.deep.equal([gFromB]);

          // A removes; B hears of the tombstone.
          const tomb = await a.remove('sessions', s.id, { expectedRev: fromB.rev });
          const heard = await b.call<StorageChange[]>('changes', ns, 'other-tab', 2);
          expect(heard[1]).to.deep.equal({ collection: 'sessions', id: s.id, stored: tomb, origin: 'other-tab' });
          expect(await b.value('listAll', ns, 'sessions')).to.deep.equal([]);
        });

        it('concurrent writes from both tabs to different records all land', async () => {
          const ns = fresh();
          const a = await opened(ns);
          const events = watch(a);
          const b = await tab();
          await b.value('open', tabAdapter, ns);
          const mine = Array.from({ length: 20 }, (_, i) => session(new Date(Date.UTC(2026, 2, 1, 8, i)).toISOString()));
          const theirs = Array.from({ length: 20 }, (_, i) => session(new Date(Date.UTC(2026, 2, 1, 8, i, 30)).toISOString()));

          const [fromA, fromB] = await together<Stored<TrainingSession>[], TabResult<Stored<TrainingSession>>[]>(b, 'putAll', [ns, 'sessions', theirs], () =>
            Promise.all(mine.map((s) => a.put('sessions', s, { expectedRev: null }))),
          );
          for (const r of fromB) expect(r.ok, r.ok ? '' : r.error.message).to.equal(true);
          if (fromA.status === 'rejected') throw fromA.reason;
          expect(fromA.value).to.have.length(20);

          await events.until((c) => c.filter((x) => x.origin === 'other-tab').length >= 20);
          await b.call('changes', ns, 'other-tab', 20);
          const everyone = [...mine, ...theirs].map((s) => s.id).sort();
          expect(ids(await listAll(a, 'sessions')).sort()).to.deep.equal(everyone);
          expect(ids(await b.value<Stored<TrainingSession>[]>('listAll', ns, 'sessions')).sort()).to.deep.equal(everyone);
          expect(await listAll(a, 'sessions')).to.deep.equal(await b.value('listAll', ns, 'sessions'));
          if (h.persistent) {
            const c = await opened(ns);
            expect(await listAll(c, 'sessions')).to.deep.equal(await listAll(a, 'sessions'));
          }
        });

        it('concurrent edits of one record at the same revision: exactly one wins, the other gets a conflict showing it', async () => {
          const ns = fresh();
          const a = await opened(ns);
          const b = await tab();
          await b.value('open', tabAdapter, ns);
          for (let round = 0; round < 20; round++) {
            const s = session('2026-03-01T08:00:00Z');
            const base = await a.put('sessions', s, { expectedRev: null });
            const [mine, theirs] = await together<Stored<TrainingSession>, TabResult<Stored<TrainingSession>>>(
              b,
              'put',
              [ns, 'sessions', { ...s, notes: 'tab B' }, { expectedRev: base.rev }],
              () => a.put('sessions', { ...s, notes: 'tab A' }, { expectedRev: base.rev }),
            );
            const aWon = mine.status === 'fulfilled';
            const bWon = theirs.ok;
            expect(aWon !== bWon, `round ${round}: exactly one write wins (A ${aWon}, B ${bWon})`).to.equal(true);
            const winner = aWon ? mine.value : theirs.ok ? theirs.value : undefined;
            const loserError = !aWon ? (mine as PromiseRejectedResult).reason : theirs.ok ? undefined : theirs.error;
            expect(loserError.code, `round ${round}`).to.equal('conflict');
            expect(loserError.current, `round ${round}`).to.deep.equal(winner);
            expect(recordOf(winner).notes).to.equal(aWon ? 'tab A' : 'tab B');
            // Storage holds the winner, read afresh.
            const fromDisk = await opened(ns);
            expect(await fromDisk.get('sessions', s.id), `round ${round}`).to.deep.equal(winner);
            await fromDisk.close();
          }
        });
      });
    }

    // 8. Quota ----------------------------------------------------------------------------------

    if (h.quota) {
      const quota = h.quota;
      describe('full storage (filled for real)', () => {
        it('a write to full storage is a QuotaError; earlier data stays readable; nothing is half-written; freeing space lets the same write through', async () => {
          const ns = fresh();
          const a = await opened(ns);
          const earlier = [
            await a.put('sessions', fullSession(), { expectedRev: null }),
            await a.put('sessions', otherFullSession(), { expectedRev: null }),
          ];
          const earlierReading = await a.put('glucose', reading('2026-03-01T07:00:00Z'), { expectedRev: null });
          const before = await rawEntries(ns);
          const events = watch(a);
          filled = true;
          await quota.fill();

          const next = { ...fullSession(), notes: 'x'.repeat(1500) };
          const error = await rejection(a.put('sessions', next, { expectedRev: null, idempotencyKey: 'when-full' }));
          expect(error.code, error.message).to.equal('quota');
          expect(error.name).to.equal('QuotaError');
          expect(error.message).to.match(/full/i);
          expect(error.message).to.match(/not saved/i);

          // Earlier data intact, through this adapter and read afresh from storage.
          expect(await rawEntries(ns)).to.deep.equal(before);
          expect(await a.get('sessions', next.id)).to.equal(undefined);
          expect(events.changes).to.deep.equal([]);
          expect((await a.list('sessions')).items).to.deep.equal(earlier);
          const reader = await opened(ns);
          expect((await reader.list('sessions')).items).to.deep.equal(earlier);
          expect((await reader.list('glucose')).items).to.deep.equal([earlierReading]);
          expect(await reader.listQuarantine()).to.deep.equal([]);
          // An edit fails the same way and leaves the record as it was.
          const edit = { ...recordOf(earlier[0]), notes: 'y'.repeat(1900) };
          const editError = await rejection(a.put('sessions', edit, { expectedRev: earlier[0]!.rev }));
          expect(editError.code).to.equal('quota');
          expect(await a.get('sessions', edit.id)).to.deep.equal(earlier[0]);
          expect(await rawEntries(ns)).to.deep.equal(before);

          await quota.release();
          filled = false;
          const saved = await a.put('sessions', next, { expectedRev: null, idempotencyKey: 'when-full' });
          expect(recordOf(saved)).to.deep.equal(next);
          expect(await a.get('sessions', next.id)).to.deep.equal(saved);
          expect(await a.put('sessions', next, { expectedRev: null, idempotencyKey: 'when-full' })).to.deep.equal(saved);
        });

        if (quota.releaseSome) {
          const releaseSome = quota.releaseSome;
          it('at every amount of space left, a write lands whole or not at all (record and idempotency key together)', async () => {
            const ns = fresh();
            const a = await opened(ns);
            await a.put('sessions', session('2026-03-01T08:00:00Z'), { expectedRev: null });
            const before = await rawEntries(ns);
            filled = true;
            await quota.fill();
            const next = { ...session('2026-03-02T08:00:00Z'), notes: 'z'.repeat(300) };
            let attempts = 0;
            let saved: Stored<TrainingSession> | undefined;
            while (!saved) {
              attempts++;
              try {
                saved = await a.put('sessions', next, { expectedRev: null, idempotencyKey: `step-${attempts}` });
              } catch (error) {
                expect((error as { code?: string }).code, `attempt ${attempts}`).to.equal('quota');
                expect(await rawEntries(ns), `attempt ${attempts} left something behind`).to.deep.equal(before);
                if (!(await releaseSome())) break;
              }
            }
            expect(saved, 'a write landed once enough space was freed').to.not.equal(undefined);
            expect(attempts).to.be.greaterThan(3);
            // The record and its idempotency key landed together: the retry answers, and writes nothing.
            const after = await rawEntries(ns);
            expect(await a.put('sessions', next, { expectedRev: null, idempotencyKey: `step-${attempts}` })).to.deep.equal(saved);
            expect(await rawEntries(ns)).to.deep.equal(after);
          });
        }
      });
    }

    // 9. Quarantine -----------------------------------------------------------------------------

    describe('quarantine', () => {
      /** Seeds one stored value of each unreadable kind, a good record, and neighbours outside the namespace. */
      async function seed(ns: string) {
        const neighbour = fresh();
        const good = session('2026-03-01T08:00:00Z');
        const ids = { corrupt: uuid(), invalid: uuid(), newer: uuid() };
        const rawOf = {
          corrupt: h.unreadable.raw,
          invalid: h.encode({ rev: '3-0ddba11f', record: { ...session('2026-03-02T08:00:00Z', { id: ids.invalid }), durationMin: 'forty' } }),
          newer: h.encode({ rev: '1-00c0ffee', record: { ...reading('2026-03-02T07:00:00Z', { id: ids.newer }), schemaVersion: 99, ketones: 0.4 } }),
          foreign: h.encode({ note: 'another script keeps its notes here', tags: ['ß', '🧪'] }),
          good: h.encode({ rev: '5-600dbeef', record: good }),
        };
        const keys = {
          corrupt: h.keyOf('sessions', ids.corrupt),
          invalid: h.keyOf('sessions', ids.invalid),
          newer: h.keyOf('glucose', ids.newer),
          foreign: 'notes/foo',
          good: h.keyOf('sessions', good.id),
        };
        await h.raw.set(ns, [
          [keys.corrupt, rawOf.corrupt],
          [keys.invalid, rawOf.invalid],
          [keys.newer, rawOf.newer],
          [keys.foreign, rawOf.foreign],
          [keys.good, rawOf.good],
        ]);
        await h.raw.set(neighbour, [
          [keys.corrupt, rawOf.corrupt],
          [h.keyOf('sessions', good.id), rawOf.invalid],
        ]);
        const foreignKeys: [string, unknown][] = [
          ['theme', 'dark'],
          [`loadwise:${ns}`, '{"not":"in the namespace"}'],
          [`loadwise:${ns}x:sessions/${good.id}`, 'neither is this'],
        ];
        for (const [k, v] of foreignKeys) await h.foreign?.set(k, v);
        const outside = async () => ({
          neighbour: await rawEntries(neighbour),
          foreign: await Promise.all(foreignKeys.map(([k]) => h.foreign?.get(k))),
        });
        return { good, ids, keys, rawOf, neighbour, outside, outsideBefore: await outside() };
      }

      it('lists each unreadable value with its reason and its raw value byte for byte; the rest stays usable', async () => {
        const ns = fresh();
        const seeded = await seed(ns);
        const { keys, rawOf } = seeded;
        const a = await opened(ns);

        const items = (await a.listQuarantine()).sort((x, y) => x.key.localeCompare(y.key));
        const expected: [string, QuarantineReason, unknown][] = [
          [keys.corrupt, h.unreadable.reason, rawOf.corrupt],
          [keys.invalid, 'invalid', rawOf.invalid],
          [keys.newer, 'newer-version', rawOf.newer],
          [keys.foreign, 'unknown-key', rawOf.foreign],
        ];
        expected.sort((x, y) => x[0].localeCompare(y[0]));
        expect(items.map((i) => [i.key, i.reason])).to.deep.equal(expected.map(([k, r]) => [k, r]));
        for (const [key, , raw] of expected) {
          const item = items.find((i) => i.key === key)!;
          if (typeof raw === 'string') expect(item.raw, key).to.equal(raw);
          else expect(item.raw, key).to.deep.equal(raw);
          expect(item.message, key).to.be.a('string').and.not.equal('');
        }
        const invalid = items.find((i) => i.key === keys.invalid)!;
        expect(invalid.issues?.map((i) => i.path)).to.deep.equal(['durationMin']);
        expect(items.find((i) => i.key === keys.newer)!.message).to.contain('99');

        // The rest is usable: the good record reads, new records write, the good one edits.
        const good = await a.get('sessions', seeded.good.id);
        expect(good).to.deep.equal({ id: seeded.good.id, rev: '5-600dbeef', deleted: false, record: seeded.good });
        expect(ids((await a.list('sessions')).items)).to.deep.equal([seeded.good.id]);
        expect((await a.list('glucose')).items).to.deep.equal([]);
        expect(await a.get('sessions', seeded.ids.corrupt)).to.equal(undefined);
        const added = await a.put('sessions', session('2026-03-03T08:00:00Z'), { expectedRev: null });
        const edited = await a.put('sessions', { ...seeded.good, rpe: 8 }, { expectedRev: '5-600dbeef' });
        await a.put('glucose', reading('2026-03-03T07:00:00Z'), { expectedRev: null });
        expect(ids((await a.list('sessions')).items)).to.deep.equal([seeded.good.id, added.id]);
        expect(await a.get('sessions', seeded.good.id)).to.deep.equal(edited);
        expect((await a.estimate()).records).to.deep.equal({ sessions: 2, glucose: 1 });

        // A write over a quarantined id is refused rather than silently replacing what is there.
        const over = await rejection(a.put('sessions', session('2026-03-02T08:00:00Z', { id: seeded.ids.invalid }), { expectedRev: null }));
        expect(over.code).to.equal('conflict');

        // The quarantined values are still there, unchanged, after open, list and writes; nothing outside was touched.
        for (const [key, , raw] of expected) {
          const now = await h.raw.get(ns, key);
          if (typeof raw === 'string') expect(now, key).to.equal(raw);
          else expect(now, key).to.deep.equal(raw);
        }
        expect(await seeded.outside()).to.deep.equal(seeded.outsideBefore);

        // And a fresh adapter finds them just the same.
        if (h.persistent) {
          await a.close();
          const b = await opened(ns);
          expect((await b.listQuarantine()).sort((x, y) => x.key.localeCompare(y.key))).to.deep.equal(items);
        }
      });

      it('discard removes the stored value for good', async () => {
        const ns = fresh();
        const seeded = await seed(ns);
        const a = await opened(ns);
        await a.resolveQuarantine(seeded.keys.corrupt, { action: 'discard' });
        await a.resolveQuarantine(seeded.keys.foreign, { action: 'discard' });
        expect(await h.raw.get(ns, seeded.keys.corrupt)).to.equal(undefined);
        expect(await h.raw.get(ns, seeded.keys.foreign)).to.equal(undefined);
        expect((await a.listQuarantine()).map((i) => i.key).sort()).to.deep.equal([seeded.keys.invalid, seeded.keys.newer].sort());
        const missing = await rejection(a.resolveQuarantine(seeded.keys.corrupt, { action: 'discard' }));
        expect(missing.code).to.equal('not-found');
        expect(await seeded.outside()).to.deep.equal(seeded.outsideBefore);
        if (h.persistent) {
          const b = await opened(ns);
          expect((await b.listQuarantine()).map((i) => i.key).sort()).to.deep.equal([seeded.keys.invalid, seeded.keys.newer].sort());
        }
      });

      it('replace with a valid record makes it a normal record; an invalid replacement changes nothing', async () => {
        const ns = fresh();
        const seeded = await seed(ns);
        const a = await opened(ns);
        const events = watch(a);
        const repaired = session('2026-03-02T08:00:00Z', { id: seeded.ids.invalid, durationMin: 40 });

        const bad = await rejection(a.resolveQuarantine(seeded.keys.invalid, { action: 'replace', record: { ...repaired, rpe: 11 } }));
        expect(bad.code).to.equal('validation');
        expect((bad.issues as { path: string }[]).map((i) => i.path)).to.deep.equal(['rpe']);
        const wrongId = await rejection(a.resolveQuarantine(seeded.keys.invalid, { action: 'replace', record: { ...repaired, id: uuid() } }));
        expect(wrongId.code).to.equal('validation');
        expect(await h.raw.get(ns, seeded.keys.invalid)).to.deep.equal(seeded.rawOf.invalid);

        await a.resolveQuarantine(seeded.keys.invalid, { action: 'replace', record: repaired });
        const now = await a.get('sessions', repaired.id);
        expect(now).to.deep.include({ id: repaired.id, deleted: false, record: repaired });
        expect(events.changes).to.deep.equal([{ collection: 'sessions', id: repaired.id, stored: now, origin: 'local' }]);
        expect(ids((await a.list('sessions')).items)).to.deep.equal([seeded.good.id, repaired.id]);
        expect((await a.listQuarantine()).map((i) => i.key)).to.not.include(seeded.keys.invalid);
        // It edits like any record.
        const edited = await a.put('sessions', { ...repaired, rpe: 3 }, { expectedRev: now!.rev });
        expect(edited.rev).to.not.equal(now!.rev);
        if (h.persistent) {
          const b = await opened(ns);
          expect(await b.get('sessions', repaired.id)).to.deep.equal(edited);
          expect((await b.listQuarantine()).map((i) => i.key)).to.not.include(seeded.keys.invalid);
        }
      });

      it('retry reads the stored value again: still quarantined while unreadable, a record once it reads', async () => {
        const ns = fresh();
        const seeded = await seed(ns);
        const a = await opened(ns);
        await a.resolveQuarantine(seeded.keys.newer, { action: 'retry' });
        await a.resolveQuarantine(seeded.keys.foreign, { action: 'retry' });
        const still = await a.listQuarantine();
        expect(still.find((i) => i.key === seeded.keys.newer)?.reason).to.equal('newer-version');
        expect(still.find((i) => i.key === seeded.keys.foreign)?.reason).to.equal('unknown-key');
        expect(await h.raw.get(ns, seeded.keys.newer)).to.deep.equal(seeded.rawOf.newer);

        // Someone fixes the stored value (an upgrade, a person with devtools); retry picks it up.
        const fixed = reading('2026-03-02T07:00:00Z', { id: seeded.ids.newer });
        await h.raw.set(ns, [[seeded.keys.newer, h.encode({ rev: '2-f1xed000', record: fixed })]]);
        await a.resolveQuarantine(seeded.keys.newer, { action: 'retry' });
        expect(await a.get('glucose', fixed.id)).to.deep.equal({ id: fixed.id, rev: '2-f1xed000', deleted: false, record: fixed });
        expect((await a.list('glucose')).items).to.have.length(1);
        expect((await a.listQuarantine()).map((i) => i.key)).to.not.include(seeded.keys.newer);
      });
    });

    if (h.createBackend) {
      const createBackend = h.createBackend;
      it('a write that landed but was reported as failed: the retry with its key answers with it, once, and it lists', async () => {
        const backend = new LostReplyBackend(createBackend(fresh()));
        const a = new BackendAdapter(backend);
        await a.open();
        const events = watch(a);
        const s = session('2026-03-02T08:00:00Z');
        backend.loseNextReply = true;
        await rejection(a.put('sessions', s, { expectedRev: null, idempotencyKey: 'lost-reply' }));
        const retry = await a.put('sessions', s, { expectedRev: null, idempotencyKey: 'lost-reply' });
        expect(retry.deleted).to.equal(false);
        expect((await a.list('sessions')).items).to.deep.equal([retry]);
        expect(events.changes.map((c) => c.stored.rev)).to.deep.equal([retry.rev]);
        await a.close();
      });
    }

    // 10. Migrations ----------------------------------------------------------------------------

    if (h.createBackend) {
      const createBackend = h.createBackend;
      describe('migration from schema 1 to 2', () => {
        /** 1,000 version-1 sessions, written straight to the backend as an older loadwise left them. */
        async function seedV1(ns: string) {
          const records = Array.from({ length: 1000 }, (_, i) =>
            session(new Date(Date.UTC(2024, 0, 1) + i * 7_200_000).toISOString(), { durationMin: 10 + (i % 200) + (i % 2) / 2 }),
          );
          const revs = new Map(records.map((r, i) => [r.id, `${1 + (i % 4)}-${r.id.slice(0, 8)}`]));
          const backend = createBackend(ns);
          await backend.open();
          await backend.commit(records.map((r): BackendWrite => [h.keyOf('sessions', r.id), { rev: revs.get(r.id), record: r }]));
          await backend.close();
          return { records, revs };
        }

        /** The schema version of each session on disk. */
        async function versionsOnDisk(ns: string): Promise<{ v1: number; v2: number; other: number; keys: number }> {
          const entries = await rawEntries(ns);
          const counts = { v1: 0, v2: 0, other: 0, keys: entries.size };
          for (const raw of entries.values()) {
            const version = (h.decode(raw) as { record?: { schemaVersion?: number } }).record?.schemaVersion;
            if (version === 1) counts.v1++;
            else if (version === 2) counts.v2++;
            else counts.other++;
          }
          return counts;
        }

        async function expectAllMigrated(ns: string, a: StorageAdapter, seeded: Awaited<ReturnType<typeof seedV1>>) {
          const all = await listAll(a, 'sessions', { limit: 1000 });
          expect(all).to.have.length(1000);
          const expected = seeded.records.map((r) => ({ id: r.id, rev: seeded.revs.get(r.id)!, deleted: false, record: toV2(r) }));
          expect(all).to.deep.equal(expected);
          expect(await a.listQuarantine()).to.deep.equal([]);
          expect(await versionsOnDisk(ns)).to.deep.equal({ v1: 0, v2: 1000, other: 0, keys: 1000 });
          const sample = seeded.records[617]!;
          expect(h.decode(await h.raw.get(ns, h.keyOf('sessions', sample.id)))).to.deep.equal({ rev: seeded.revs.get(sample.id), record: toV2(sample) });
        }

        it('opening with schema 2 migrates all 1,000 records: every one at v2, as expected, revisions and count unchanged', async () => {
          const ns = fresh();
          const seeded = await seedV1(ns);
          const a = make(ns, { collections: v2Collections });
          await a.open();
          await expectAllMigrated(ns, a, seeded);
          // A migrated record writes like any other, at schema 2.
          const first = toV2(seeded.records[0]!);
          const edited = await a.put('sessions', { ...first, durationSec: 900 } as unknown as TrainingSession, { expectedRev: seeded.revs.get(first.id)! });
          expect(recordOf(edited)).to.deep.equal({ ...first, durationSec: 900 });

          // Data from a newer version is refused by older code, not downgraded: quarantined, untouched.
          const old = await opened(ns);
          const before = await h.raw.get(ns, h.keyOf('sessions', seeded.records[5]!.id));
          expect((await old.list('sessions')).items).to.deep.equal([]);
          const quarantined = await old.listQuarantine();
          expect(quarantined).to.have.length(1000);
          expect(new Set(quarantined.map((q) => q.reason))).to.deep.equal(new Set(['newer-version']));
          expect(await h.raw.get(ns, h.keyOf('sessions', seeded.records[5]!.id))).to.deep.equal(before);
        });

        it('a migration cut short halfway converges when run again: nothing lost, nothing duplicated', async () => {
          const ns = fresh();
          const seeded = await seedV1(ns);
          const crashing = new CrashingBackend(createBackend(ns), 3);
          const interrupted = new BackendAdapter(crashing, { collections: v2Collections });
          adapters.push(interrupted);
          const crash = await rejection(interrupted.open());
          expect(crash.message).to.contain('Injected crash');
          await interrupted.close();
          const halfway = await versionsOnDisk(ns);
          expect(halfway.keys).to.equal(1000);
          expect(halfway.other).to.equal(0);
          expect(halfway.v2, 'some records were migrated before the crash').to.be.greaterThan(0);
          expect(halfway.v1, 'some records were not migrated before the crash').to.be.greaterThan(0);

          const again = make(ns, { collections: v2Collections });
          await again.open();
          await expectAllMigrated(ns, again, seeded);
        });
      });
    }

    // 11. Reload ---------------------------------------------------------------------------------

    if (h.persistent && h.secondTab) {
      const tabAdapter = h.secondTab;
      it('close, reload and reopen keeps everything: a new real page reads exactly what was written', async () => {
        const ns = fresh();
        const a = await opened(ns);
        await a.put('sessions', fullSession(), { expectedRev: null });
        const other = await a.put('sessions', otherFullSession(), { expectedRev: null });
        await a.remove('sessions', other.id, { expectedRev: other.rev });
        for (let i = 0; i < 30; i++) await a.put('sessions', session(new Date(Date.UTC(2026, 1, 1 + i, 7)).toISOString()), { expectedRev: null });
        await a.put('glucose', reading('2026-03-01T07:00:00Z'), { expectedRev: null });
        await a.put('glucose', reading('2026-03-02T07:00:00Z', { mgdl: 600, context: 'fasting', notes: '' }), { expectedRev: null });
        await h.raw.set(ns, [['notes/foreign', h.encode({ kept: true })]]);
        const sessions = await listAll(a, 'sessions', { includeDeleted: true });
        const glucose = await listAll(a, 'glucose', { includeDeleted: true });
        await a.close();

        const b = await tab();
        await b.value('open', tabAdapter, ns);
        expect(await b.value('listAll', ns, 'sessions', { includeDeleted: true })).to.deep.equal(sessions);
        expect(await b.value('listAll', ns, 'glucose', { includeDeleted: true })).to.deep.equal(glucose);
        expect(await b.value('listAll', ns, 'sessions', { order: 'desc', limit: 7 })).to.deep.equal(sessions.filter((s) => !s.deleted).reverse());
        const quarantine = await b.value<QuarantinedItem[]>('listQuarantine', ns);
        expect(quarantine.map((q) => [q.key, q.reason, h.decode(q.raw)])).to.deep.equal([['notes/foreign', 'unknown-key', { kept: true }]]);
      });
    }

    // 12. Estimate ------------------------------------------------------------------------------

    it('estimate counts live records per collection; bytes and quota where the adapter can tell', async () => {
      const ns = fresh();
      const a = await opened(ns);
      const written = [];
      for (let i = 0; i < 5; i++) written.push(await a.put('sessions', session(`2026-03-0${i + 1}T08:00:00Z`), { expectedRev: null }));
      for (let i = 0; i < 3; i++) await a.put('glucose', reading(`2026-03-0${i + 1}T07:00:00Z`), { expectedRev: null });
      await a.remove('sessions', written[0]!.id, { expectedRev: written[0]!.rev });
      const small = await a.estimate();
      expect(small.records).to.deep.equal({ sessions: 4, glucose: 3 });
      if (small.quota !== undefined) expect(small.quota).to.be.a('number').and.greaterThan(0);
      if (small.persisted !== undefined) expect(small.persisted).to.be.a('boolean');
      if (h.measuresBytes) {
        expect(small.bytes).to.be.a('number').and.greaterThan(0);
        await a.put('sessions', { ...session('2026-03-09T08:00:00Z'), notes: 'n'.repeat(2000) }, { expectedRev: null });
        const bigger = await a.estimate();
        expect(bigger.records).to.deep.equal({ sessions: 5, glucose: 3 });
        expect(bigger.bytes! - small.bytes!).to.be.greaterThan(2000);
      }
    });
  });
}

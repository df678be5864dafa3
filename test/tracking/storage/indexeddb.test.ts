// What only the IndexedDB adapter does: a database per namespace, atomic commits, values kept as
// structured clones, other tabs told through a BroadcastChannel, and a database deleted under it.
// The shared conformance suite covers the storage contract itself.
import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { newSession, type TrainingSession } from '../../../src/tracking/model.js';
import { IndexedDbAdapter, IndexedDbBackend } from '../../../src/tracking/storage/indexeddb.js';
import type { StorageChange } from '../../../src/tracking/storage/types.js';

const START = Date.UTC(2024, 0, 1);

function session(i = 0): TrainingSession {
  return newSession({
    modality: i % 2 ? 'resistance' : 'aerobic',
    startedAt: new Date(START + i * 7 * 3_600_000).toISOString(),
    timeZone: 'Europe/Paris',
    durationMin: 30 + (i % 60),
    rpe: (i % 20) / 2,
    ...(i % 2 ? { exercises: [{ name: 'Squat', sets: [{ reps: 5, loadKg: 100 }, { reps: 5, loadKg: 100 }] }] } : {}),
    notes: 'Felt fine.',
    wellness: { sleepQuality: 4, soreness: 2 },
  });
}

/** Test files run side by side in one origin: every test gets namespaces of its own. */
const namespaces: string[] = [];
const opened: { close(): Promise<void> }[] = [];

function namespace(): string {
  const name = `idbt-${crypto.randomUUID().slice(0, 8)}`;
  namespaces.push(name);
  return name;
}

function adapter(ns: string): IndexedDbAdapter {
  const a = new IndexedDbAdapter({ namespace: ns });
  opened.push(a);
  return a;
}

/** Resolves with the first change a listener hears that matches. */
function nextChange(a: IndexedDbAdapter, match: (c: StorageChange) => boolean): Promise<StorageChange> {
  return new Promise((resolve) => {
    const stop = a.subscribe((change) => {
      if (!match(change)) return;
      stop();
      resolve(change);
    });
  });
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

afterEach(async () => {
  // Close our connections first, so deleting is not blocked.
  await Promise.all(opened.splice(0).map((a) => a.close()));
  await Promise.all(namespaces.splice(0).map((ns) => deleteDB(`loadwise:${ns}`)));
});

describe('IndexedDbAdapter', () => {
  it('keeps each namespace in its own database and leaves other databases alone', async () => {
    const [nsA, nsB] = [namespace(), namespace()];
    const other = `someone-else-${crypto.randomUUID().slice(0, 8)}`;
    const theirs = await openDB(other, 3, { upgrade: (db) => db.createObjectStore('things') });
    await theirs.put('things', { keep: 'me' }, 'sessions/not-ours');
    theirs.close();

    try {
      const a = adapter(nsA);
      const b = adapter(nsB);
      const s = session();
      await a.put('sessions', s, { expectedRev: null });

      expect((await a.get('sessions', s.id))?.rev).to.be.a('string');
      expect(await b.get('sessions', s.id)).to.equal(undefined);
      expect((await b.list('sessions')).items).to.have.length(0);
      const names = await databaseNames();
      expect(names).to.include.members([`loadwise:${nsA}`, `loadwise:${nsB}`, other]);

      const again = await openDB(other);
      expect(again.version).to.equal(3);
      expect([...again.objectStoreNames]).to.deep.equal(['things']);
      expect(await again.getAll('things')).to.deep.equal([{ keep: 'me' }]);
      again.close();
    } finally {
      await deleteDB(other);
    }
  });

  it('writes all of a commit or none of it', async () => {
    const ns = namespace();
    const backend = new IndexedDbBackend(ns);
    opened.push(backend);
    await backend.open();
    const before = { rev: '1-aaaaaaaa', record: session(1) };
    await backend.commit([['sessions/kept', before]]);

    const fresh = { rev: '1-bbbbbbbb', record: session(2) };
    const error = await backend
      .commit([
        ['sessions/fresh', fresh],
        ['sessions/kept', { rev: '2-cccccccc', record: session(3) }],
        ['sessions/broken', { rev: '1-dddddddd', record: { cannotClone: () => 1 } }],
      ])
      .then(
        () => undefined,
        (e: unknown) => e as Error & { code?: string },
      );

    expect(error?.code).to.equal('validation');
    expect(error?.message).to.contain('sessions/broken');
    expect(error?.message).to.contain('Nothing in this write was saved');
    expect(await backend.read('sessions/fresh')).to.equal(undefined);
    expect(await backend.read('sessions/kept')).to.deep.equal(before);
    expect([...(await backend.readAll()).keys()]).to.deep.equal(['sessions/kept']);
  });

  it('hands a value it did not write to the quarantine exactly as stored', async () => {
    const ns = namespace();
    const foreign = { hello: 'world', when: new Date(START), tags: new Set(['a', 'b']), nested: [1, { deep: null }] };
    const db = await openDB(`loadwise:${ns}`, 1, { upgrade: (d) => d.createObjectStore('entries') });
    await db.put('entries', foreign, 'sessions/foreign');
    await db.put('entries', 'just text', 'not-a-loadwise-key');
    db.close();

    const a = adapter(ns);
    const items = await a.listQuarantine();
    const byKey = new Map(items.map((item) => [item.key, item]));
    expect(byKey.get('sessions/foreign')?.reason).to.equal('invalid');
    expect(byKey.get('sessions/foreign')?.raw).to.deep.equal(foreign);
    expect(byKey.get('not-a-loadwise-key')?.reason).to.equal('unknown-key');
    expect(byKey.get('not-a-loadwise-key')?.raw).to.equal('just text');
    // Reading did not change what is stored.
    const backend = new IndexedDbBackend(ns);
    opened.push(backend);
    await backend.open();
    expect(await backend.read('sessions/foreign')).to.deep.equal(foreign);
  });

  it('stores envelopes as objects, not JSON text', async () => {
    const ns = namespace();
    const a = adapter(ns);
    const s = session();
    const stored = await a.put('sessions', s, { expectedRev: null });
    const db = await openDB(`loadwise:${ns}`);
    expect(await db.get('entries', `sessions/${s.id}`)).to.deep.equal({ rev: stored.rev, record: s });
    db.close();
  });

  it('tells another connection on the namespace of writes, as from another tab', async () => {
    const ns = namespace();
    const a = adapter(ns);
    const b = adapter(ns);
    await Promise.all([a.open(), b.open()]);
    const heardByA: StorageChange[] = [];
    a.subscribe((change) => heardByA.push(change));

    const s = session();
    const heard = nextChange(b, (c) => c.id === s.id);
    const put = await a.put('sessions', s, { expectedRev: null });
    const change = await heard;
    expect(change.origin).to.equal('other-tab');
    expect(change.stored.rev).to.equal(put.rev);
    expect((await b.get('sessions', s.id))?.rev).to.equal(put.rev);

    const removal = nextChange(a, (c) => c.origin === 'other-tab');
    const removed = await b.remove('sessions', s.id, { expectedRev: put.rev });
    expect((await removal).stored).to.deep.equal(removed);
    // Its own broadcast never came back to `a`: one local write, then `b`'s removal.
    expect(heardByA.map((c) => c.origin)).to.deep.equal(['local', 'other-tab']);
  });

  it('steps aside when another tab deletes the database, and says so on next use', async () => {
    const ns = namespace();
    const a = adapter(ns);
    await a.put('sessions', session(1), { expectedRev: null });

    // Would never settle if the open connection did not close on `versionchange`.
    await deleteDB(`loadwise:${ns}`);
    const error = await a.put('sessions', session(2), { expectedRev: null }).then(
      () => undefined,
      (e: unknown) => e as Error & { code?: string },
    );
    expect(error?.code).to.equal('unavailable');
    expect(error?.message).to.contain('another tab');

    await a.close();
    expect((await a.list('sessions')).items).to.have.length(0);
    await a.put('sessions', session(3), { expectedRev: null });
    expect((await a.list('sessions')).items).to.have.length(1);
  });

  it('refuses a database a newer version created, plainly', async () => {
    const ns = namespace();
    const newer = await openDB(`loadwise:${ns}`, 2, { upgrade: (d) => d.createObjectStore('entries') });
    newer.close();
    const error = await adapter(ns)
      .open()
      .then(
        () => undefined,
        (e: unknown) => e as Error & { code?: string },
      );
    expect(error?.code).to.equal('unavailable');
    expect(error?.message).to.contain('newer version');
  });

  it('keeps the basics across close and reopen', async () => {
    const ns = namespace();
    const a = adapter(ns);
    const s = session();
    const first = await a.put('sessions', s, { expectedRev: null, idempotencyKey: 'k1' });
    const retried = await a.put('sessions', s, { expectedRev: null, idempotencyKey: 'k1' });
    expect(retried.rev).to.equal(first.rev);
    const conflict = await a.put('sessions', { ...s, rpe: 9 }, { expectedRev: null }).catch((e: { code?: string }) => e.code);
    expect(conflict).to.equal('conflict');
    const second = await a.put('sessions', { ...s, rpe: 9 }, { expectedRev: first.rev });
    await a.close();

    const reopened = adapter(ns);
    const got = await reopened.get('sessions', s.id);
    expect(got?.rev).to.equal(second.rev);
    expect(got?.deleted === false && got.record.rpe).to.equal(9);
    const removed = await reopened.remove('sessions', s.id, { expectedRev: second.rev });
    expect(removed.deleted).to.equal(true);
    expect((await reopened.list('sessions')).items).to.have.length(0);
    expect((await reopened.list('sessions', { includeDeleted: true })).items).to.have.length(1);
  });

  it('opens and lists 10,000 sessions (timing printed, not asserted)', async () => {
    const ns = namespace();
    const backend = new IndexedDbBackend(ns);
    opened.push(backend);
    await backend.open();
    const all = Array.from({ length: 10_000 }, (_, i) => session(i));
    await backend.commit(all.map((s) => [`sessions/${s.id}`, { rev: '1-00000000', record: s }] as const));
    await backend.close();

    const started = performance.now();
    const a = adapter(ns);
    await a.open();
    const page = await a.list('sessions', { order: 'desc', limit: 100 });
    const elapsed = performance.now() - started;
    expect(page.items).to.have.length(100);
    expect(page.items[0]?.id).to.equal(all[all.length - 1]!.id);

    const estimate = await a.estimate();
    expect(estimate.records.sessions).to.equal(10_000);
    expect(estimate.bytes).to.be.greaterThan(0);
    const origin = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
    console.log(
      `IndexedDbAdapter: open + list of 10,000 sessions took ${Math.round(elapsed)} ms;`,
      `estimated ${estimate.bytes} bytes for the namespace (origin IndexedDB usage ${origin.usageDetails?.indexedDB ?? '?'}),`,
      `quota ${estimate.quota}, persisted ${estimate.persisted}`,
    );
  }).timeout(60_000);
});

/**
 * `RestAdapter` against the real reference server: what the conformance suite cannot see. Writes
 * reach the server and other devices; the outbox survives a server that is down and a reload, and
 * sends each change once; a conflict keeps both versions until one is chosen; a refused change is
 * kept with the server's reason; a 401 asks for the token once more, then stops.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { deleteDB } from 'idb';
import { RestAdapter } from '../../../../src/tracking/storage/remote/rest-adapter.js';
import type { SyncStatus } from '../../../../src/tracking/storage/sync.js';
import type { GetToken } from '../../../../src/tracking/storage/remote/rest-client.js';
import { session } from '../conformance.js';

interface Server {
  id: number;
  url: string;
}
const start = (options: Record<string, unknown> = {}) => executeServerCommand('reference-server-start', options) as Promise<Server>;
const tokenOf = async (server: Server, sub: string) => ((await executeServerCommand('reference-server-token', { id: server.id, sub })) as { token: string }).token;
const sql = async (server: Server, query: string, params: unknown[] = []) =>
  ((await executeServerCommand('reference-server-query', { id: server.id, sql: query, params })) as { rows: Record<string, unknown>[] }).rows;

let n = 0;
const adapters: RestAdapter[] = [];
/** A device: its own replica, signed in as `user`. */
function device(server: Server, user: string, options: { getToken?: GetToken; name?: string; requestTimeout?: number; fetch?: typeof fetch } = {}): RestAdapter {
  const token = tokenOf(server, user);
  const adapter = new RestAdapter({
    namespace: options.name ?? `device-${Date.now()}-${++n}`,
    endpoint: server.url,
    getToken: options.getToken ?? (() => token),
    backoff: { base: 20, cap: 200 },
    ...(options.requestTimeout ? { requestTimeout: options.requestTimeout } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  adapters.push(adapter);
  return adapter;
}
const settled = (adapter: RestAdapter, check: (s: SyncStatus) => boolean, what: string, timeout = 8_000) =>
  waitUntil(() => check(adapter.syncStatus), what, { timeout });
/** Sessions the server keeps for a user, live ones only. */
const onServer = async (server: Server, user: string) =>
  (await sql(server, `SELECT id FROM loadwise_records WHERE user_id = $1 AND collection = 'sessions' AND NOT deleted ORDER BY id`, [user])).map((r) => r.id);

afterEach(async () => {
  const done = adapters.splice(0);
  // Every page closes before any replica is deleted: two pages may share one.
  for (const adapter of done) await adapter.close();
  for (const name of new Set(done.map((a) => a.namespace))) await deleteDB(`loadwise:remote.${name}`);
});

describe('RestAdapter, against the reference server', () => {
  let server: Server;
  before(async () => {
    server = await start();
  });

  it('sends every write to the server, and another device of the same person receives it', async () => {
    const user = `user-${crypto.randomUUID()}`;
    const phone = device(server, user);
    await phone.open();
    const [a, b, c] = [session('2026-03-02T07:00:00Z'), session('2026-03-03T07:00:00Z'), session('2026-03-04T07:00:00Z')];
    const storedA = await phone.put('sessions', a, { expectedRev: null, idempotencyKey: crypto.randomUUID() });
    await phone.put('sessions', b, { expectedRev: null });
    const storedC = await phone.put('sessions', c, { expectedRev: null });
    await phone.put('sessions', { ...a, durationMin: 45 }, { expectedRev: storedA.rev });
    await phone.remove('sessions', c.id, { expectedRev: storedC.rev });
    await phone.syncNow();
    expect(phone.syncStatus.pending).to.equal(0);
    expect(phone.syncStatus.state).to.equal('idle');
    expect(await onServer(server, user)).to.deep.equal([a.id, b.id].sort());

    const laptop = device(server, user);
    await laptop.open();
    await laptop.syncNow();
    const live = (await laptop.list('sessions')).items;
    expect(live.map((s) => s.id)).to.deep.equal([a.id, b.id]);
    expect(live[0]!.deleted ? undefined : live[0]!.record.durationMin).to.equal(45);
    expect((await laptop.get('sessions', c.id))?.deleted).to.equal(true);
  });

  it('sends a lone write on an idle device by itself, without waiting for anything else', async () => {
    const user = `user-${crypto.randomUUID()}`;
    const phone = device(server, user);
    await phone.open();
    await phone.syncNow();
    const s = session('2026-03-05T07:00:00Z');
    await phone.put('sessions', s, { expectedRev: null });
    await waitUntil(async () => (await onServer(server, user)).includes(s.id), 'the server has it', { timeout: 3000 });
    await settled(phone, (st) => st.pending === 0 && st.state === 'idle', 'in step', 3000);
  });

  it("keeps one person's records from another's", async () => {
    const alice = device(server, `alice-${crypto.randomUUID()}`);
    const bob = device(server, `bob-${crypto.randomUUID()}`);
    await alice.put('sessions', session('2026-03-02T07:00:00Z'), { expectedRev: null });
    await alice.syncNow();
    await bob.open();
    await bob.syncNow();
    expect((await bob.list('sessions')).items).to.have.length(0);
  });

  it('keeps writes made while the server is down, through a reload, and sends each exactly once when it is back', async () => {
    const flaky = await start();
    const user = `user-${crypto.randomUUID()}`;
    const name = `offline-${crypto.randomUUID()}`;
    let tablet = device(flaky, user, { name });
    await tablet.open();
    await tablet.syncNow();
    await executeServerCommand('reference-server-down', { id: flaky.id });
    const written = [session('2026-03-02T07:00:00Z'), session('2026-03-03T07:00:00Z'), session('2026-03-04T07:00:00Z')];
    for (const s of written) await tablet.put('sessions', s, { expectedRev: null });
    await settled(tablet, (s) => s.state === 'offline' && s.pending === 3, 'three changes wait, offline');
    expect(tablet.syncStatus.message).to.match(/could not be reached|Offline/);
    // Everything still reads from the replica.
    expect((await tablet.list('sessions')).items).to.have.length(3);

    // A reload: the page closes, a new one opens the same replica.
    await tablet.close();
    adapters.splice(adapters.indexOf(tablet), 1);
    tablet = device(flaky, user, { name });
    await tablet.open();
    expect(tablet.syncStatus.pending).to.equal(3);

    await executeServerCommand('reference-server-up', { id: flaky.id });
    await tablet.syncNow();
    await settled(tablet, (s) => s.pending === 0 && s.state === 'idle', 'the outbox is sent');
    expect(await onServer(flaky, user)).to.deep.equal(written.map((s) => s.id).sort());
    await executeServerCommand('reference-server-stop', { id: flaky.id });
  });

  it('sends each change once through failing requests and replies lost after commit (idempotency keys)', async function () {
    // Each injected 503 asks for Retry-After: 1, and the adapter waits that long.
    this.timeout(60_000);
    const faulty = await start({ faults: { failRate: 0.3, dropAfterCommitRate: 0.3 } });
    const user = `user-${crypto.randomUUID()}`;
    const phone = device(faulty, user);
    await phone.open();
    const written = Array.from({ length: 12 }, (_, i) => session(`2026-03-${String(i + 1).padStart(2, '0')}T07:00:00Z`));
    for (const s of written) await phone.put('sessions', s, { expectedRev: null });
    await settled(phone, (s) => s.pending === 0 && s.state === 'idle', 'every change sent despite the faults', 55_000);
    const rows = await sql(faulty, `SELECT id FROM loadwise_records WHERE user_id = $1`, [user]);
    expect(rows.map((r) => r.id).sort()).to.deep.equal(written.map((s) => s.id).sort());
    await executeServerCommand('reference-server-stop', { id: faulty.id });
  });

  it('keeps both versions of a record changed on two devices, until the person chooses', async () => {
    const user = `user-${crypto.randomUUID()}`;
    const phone = device(server, user);
    const laptop = device(server, user);
    const original = session('2026-03-02T07:00:00Z', { durationMin: 30 });
    await phone.put('sessions', original, { expectedRev: null });
    await phone.syncNow();
    await laptop.open();
    await laptop.syncNow();
    const onPhone = (await phone.get('sessions', original.id))!;
    const onLaptop = (await laptop.get('sessions', original.id))!;
    await phone.put('sessions', { ...original, durationMin: 40 }, { expectedRev: onPhone.rev });
    await phone.syncNow();
    await laptop.put('sessions', { ...original, durationMin: 50 }, { expectedRev: onLaptop.rev });
    await laptop.syncNow();

    const [conflict] = laptop.syncStatus.conflicts;
    expect(conflict?.id).to.equal(original.id);
    expect((conflict!.local as { record: { durationMin: number } }).record.durationMin).to.equal(50);
    expect((conflict!.remote as { record: { durationMin: number } }).record.durationMin).to.equal(40);
    // Nothing was overwritten on either side meanwhile.
    const here = await laptop.get('sessions', original.id);
    expect(here?.deleted ? undefined : here?.record.durationMin).to.equal(50);

    await laptop.resolveConflict('sessions', original.id, 'local');
    await settled(laptop, (s) => s.conflicts.length === 0 && s.pending === 0 && s.state === 'idle', 'the choice is sent');
    await phone.syncNow();
    const there = await phone.get('sessions', original.id);
    expect(there?.deleted ? undefined : there?.record.durationMin).to.equal(50);
  });

  it("takes the server's version when the person chooses it", async () => {
    const user = `user-${crypto.randomUUID()}`;
    const phone = device(server, user);
    const laptop = device(server, user);
    const original = session('2026-03-02T07:00:00Z');
    const first = await phone.put('sessions', original, { expectedRev: null });
    await phone.syncNow();
    await laptop.open();
    await laptop.syncNow();
    await phone.remove('sessions', original.id, { expectedRev: first.rev });
    await phone.syncNow();
    const onLaptop = (await laptop.get('sessions', original.id))!;
    await laptop.put('sessions', { ...original, notes: 'felt strong' }, { expectedRev: onLaptop.rev });
    await laptop.syncNow();
    expect(laptop.syncStatus.conflicts).to.have.length(1);
    await laptop.resolveConflict('sessions', original.id, 'remote');
    expect((await laptop.get('sessions', original.id))?.deleted).to.equal(true);
    await laptop.syncNow();
    expect(laptop.syncStatus.conflicts).to.have.length(0);
    expect(await onServer(server, user)).to.deep.equal([]);
  });

  it('does not retry a change the server refuses, and keeps it with the reason for the person', async () => {
    const strict = await start({ maxBodyBytes: 400 });
    const user = `user-${crypto.randomUUID()}`;
    const phone = device(strict, user);
    const small = session('2026-03-02T07:00:00Z');
    const large = session('2026-03-03T07:00:00Z', { notes: 'x'.repeat(600) });
    await phone.put('sessions', large, { expectedRev: null });
    await phone.put('sessions', small, { expectedRev: null });
    await settled(phone, (s) => s.pending === 0 && s.state === 'idle', 'the outbox is done');
    const [failure] = phone.syncStatus.failures;
    expect(failure).to.include({ id: large.id, status: 413 });
    expect(failure!.message).to.match(/too large|bytes/i);
    // The refused record is still on this device; the one after it was sent.
    expect((await phone.get('sessions', large.id))?.deleted).to.equal(false);
    expect(await onServer(strict, user)).to.deep.equal([small.id]);
    await phone.dismissFailure(failure!.key);
    expect(phone.syncStatus.failures).to.have.length(0);
    await executeServerCommand('reference-server-stop', { id: strict.id });
  });

  it('asks for the token once more after a 401, then reports unauthorized and keeps the changes', async () => {
    const user = `user-${crypto.randomUUID()}`;
    const calls: boolean[] = [];
    const token: { good?: string } = {};
    const phone = device(server, user, {
      getToken: ({ refresh }) => {
        calls.push(refresh);
        return token.good ?? 'expired-token';
      },
    });
    await phone.put('sessions', session('2026-03-02T07:00:00Z'), { expectedRev: null });
    await settled(phone, (s) => s.state === 'unauthorized', 'unauthorized');
    expect(calls.slice(0, 2)).to.deep.equal([false, true]);
    expect(phone.syncStatus.pending).to.equal(1);
    // Signed in again: the change goes.
    token.good = await tokenOf(server, user);
    await phone.syncNow();
    expect(phone.syncStatus).to.include({ state: 'idle', pending: 0 });
    // The token is never kept on the device.
    const raw = JSON.stringify([...(await new Promise<unknown[]>((resolve) => {
      const open = indexedDB.open(`loadwise:remote.${phone.namespace}`);
      open.onsuccess = () => {
        const request = open.result.transaction('entries').objectStore('entries').getAll();
        request.onsuccess = () => {
          open.result.close();
          resolve(request.result);
        };
      };
    }))]);
    expect(raw).not.to.contain(token.good);
  });

  it('waits as long as Retry-After asks when the server is busy', async () => {
    const busy = await start({ faults: { failRate: 1 } });
    const phone = device(busy, `user-${crypto.randomUUID()}`);
    await phone.put('sessions', session('2026-03-02T07:00:00Z'), { expectedRev: null });
    await settled(phone, (s) => s.state === 'retrying', 'retrying');
    const status = phone.syncStatus;
    // The server says Retry-After: 1; the backoff alone would wait at most 200 ms here.
    expect(Date.parse(status.retryAt!) - Date.now()).to.be.greaterThan(500);
    expect(status.pending).to.equal(1);
    await executeServerCommand('reference-server-stop', { id: busy.id });
  });

  it('gives up on a request the server does not answer in time, keeps the change, and sends it once later', async function () {
    // Every request of this server takes a second: the sends and pulls here add up to several.
    // Measured with npm run test:repeat beside the fault test: 9.8 s at most with 1.5 s a request.
    this.timeout(30_000);
    const slow = await start({ faults: { latencyMs: 1000 } });
    const user = `user-${crypto.randomUUID()}`;
    const name = `slow-${crypto.randomUUID()}`;
    const impatient = device(slow, user, { name, requestTimeout: 200 });
    const s = session('2026-03-02T07:00:00Z');
    await impatient.put('sessions', s, { expectedRev: null });
    await settled(impatient, (st) => st.state === 'retrying', 'retrying after the timeout', 5000);
    expect(impatient.syncStatus.message).to.equal('The server did not answer within 200 ms.');
    expect(impatient.syncStatus.pending).to.equal(1);

    // A page with the default timeout sends it: the server applies it once, however many tries.
    await impatient.close();
    adapters.splice(adapters.indexOf(impatient), 1);
    const patient = device(slow, user, { name });
    await patient.open();
    await settled(patient, (st) => st.pending === 0 && st.state === 'idle', 'sent', 20_000);
    expect(await onServer(slow, user)).to.deep.equal([s.id]);
    // Every abandoned attempt reached the server too, with the same key: it was applied once
    // (revision 1), and the retries got its reply, not a conflict with it.
    const [row] = await sql(slow, `SELECT rev FROM loadwise_records WHERE user_id = $1`, [user]);
    expect(String(row?.rev)).to.match(/^1-/);
    expect(patient.syncStatus.conflicts).to.deep.equal([]);
    expect(patient.syncStatus.failures).to.deep.equal([]);
    await executeServerCommand('reference-server-stop', { id: slow.id });
  });

  it('closes at once: without waiting behind another page’s sync, nor for a reply still on its way', async function () {
    // Replies take 1.5 s, far longer than opening and closing a page: a reply counted before
    // the closes return would mean they waited for it.
    this.timeout(30_000);
    const slow = await start({ faults: { latencyMs: 1500 } });
    const user = `user-${crypto.randomUUID()}`;
    const name = `closing-${crypto.randomUUID()}`;
    let replies = 0;
    const counted: typeof fetch = (...args) => fetch(...args).then((response) => (replies++, response));
    const syncing = device(slow, user, { name, fetch: counted });
    const waiting = device(slow, user, { name, fetch: counted });
    await syncing.put('sessions', session('2026-03-02T07:00:00Z'), { expectedRev: null });
    await settled(syncing, (st) => st.state === 'syncing', 'the first page sends');
    // The second page's round queues for the sync lock the first holds while its request waits.
    await waiting.open();
    await waiting.close();
    expect(replies, 'the second page closed before any reply came').to.equal(0);
    await syncing.close();
    expect(replies, 'the first page closed without waiting for its reply').to.equal(0);

    // Nothing was lost: the change is still in the outbox, and a new page sends it.
    adapters.splice(0);
    const reopened = device(slow, user, { name });
    await reopened.open();
    expect(reopened.syncStatus.pending).to.equal(1);
    await settled(reopened, (st) => st.pending === 0 && st.state === 'idle', 'sent', 20_000);
    expect(await onServer(slow, user)).to.have.length(1);
    await executeServerCommand('reference-server-stop', { id: slow.id });
  });

  it('pulls changes from other devices when the page is focused again', async () => {
    const user = `user-${crypto.randomUUID()}`;
    const phone = device(server, user);
    const laptop = device(server, user);
    await laptop.open();
    await laptop.syncNow();
    const seen: string[] = [];
    laptop.subscribe((change) => seen.push(`${change.origin}:${change.id}`));
    const s = session('2026-03-02T07:00:00Z');
    await phone.put('sessions', s, { expectedRev: null });
    await phone.syncNow();
    window.dispatchEvent(new Event('focus'));
    await waitUntil(() => seen.includes(`remote:${s.id}`), 'the laptop hears of the phone’s session', { timeout: 5000 });
  });

  it('sends from one tab at a time: two pages on one device send each change once', async () => {
    const user = `user-${crypto.randomUUID()}`;
    const name = `shared-${crypto.randomUUID()}`;
    const tabA = device(server, user, { name });
    const tabB = device(server, user, { name });
    await Promise.all([tabA.open(), tabB.open()]);
    const written = Array.from({ length: 10 }, (_, i) => session(`2026-04-${String(i + 1).padStart(2, '0')}T07:00:00Z`));
    await Promise.all(written.map((s, i) => (i % 2 ? tabA : tabB).put('sessions', s, { expectedRev: null })));
    await Promise.all([tabA.syncNow(), tabB.syncNow()]);
    await settled(tabA, (s) => s.pending === 0, 'tab A sees an empty outbox');
    await settled(tabB, (s) => s.pending === 0, 'tab B sees an empty outbox');
    const rows = await sql(server, `SELECT id FROM loadwise_records WHERE user_id = $1`, [user]);
    expect(rows.map((r) => r.id).sort()).to.deep.equal(written.map((s) => s.id).sort());
  });
});

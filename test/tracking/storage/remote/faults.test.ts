/**
 * `RestAdapter` against the real reference server when things go wrong at scale: fifty devices
 * writing at once to a server that fails a fifth of its requests (503, Retry-After: 1), drops
 * connections after committing and answers slowly, the devices in pairs signed in as one person
 * and editing the same records (conflicts); and a server that stops, closes its database, opens it
 * again and restarts while devices write.
 *
 * What a person relies on, checked against the server's own tables: every write the server
 * acknowledged is stored, applied exactly once, and each record ends as its last acknowledged
 * write (or as the version chosen in a conflict); no write made on a device is lost (each is
 * acknowledged, or kept in a conflict until the person chooses, or still in the outbox); and every
 * device ends up showing what the server holds.
 *
 * The test keeps a ledger of every write each device made, and watches the replies each device
 * received through the adapter's `fetch` option (a pass-through: the real fetch, observed).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { deleteDB } from 'idb';
import type { TrainingSession } from '../../../../src/tracking/model.js';
import { ConflictError } from '../../../../src/tracking/storage/errors.js';
import { RestAdapter } from '../../../../src/tracking/storage/remote/rest-adapter.js';
import type { SyncConflict, SyncState } from '../../../../src/tracking/storage/sync.js';
import { seededRandom } from '../../../../src/tracking/sample-data.js';
import type { Stored } from '../../../../src/tracking/storage/types.js';
import { session } from '../conformance.js';

interface Server {
  id: number;
  url: string;
  database: 'pglite' | 'postgres';
}
const start = (options: Record<string, unknown>) => executeServerCommand('reference-server-start', options) as Promise<Server>;
/** PGlite always; PostgreSQL too where the test run has one (scripts/postgres.mjs). */
const databases = (await executeServerCommand('reference-server-databases')) as string[];
const tokenOf = async (server: Server, sub: string) => ((await executeServerCommand('reference-server-token', { id: server.id, sub })) as { token: string }).token;
const sql = async <Row = Record<string, unknown>>(server: Server, query: string, params: unknown[] = []) =>
  ((await executeServerCommand('reference-server-query', { id: server.id, sql: query, params })) as { rows: Row[] }).rows;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A write as a device made it (it has happened, as far as the page is concerned). */
interface Write {
  device: number;
  id: string;
  op: 'create' | 'update' | 'delete';
  /** Unique to each put, kept in the record's notes: finds the write on the wire and on the server. */
  tag?: string;
  record?: TrainingSession;
}

/** A 2xx answer to a write, as the device received it. */
interface Ack {
  key: string;
  method: 'PUT' | 'DELETE';
  id: string;
  rev: string;
  deleted: boolean;
  /** The tag of the record sent, for a PUT. */
  tag: string | undefined;
}

interface Device {
  index: number;
  user: string;
  adapter: RestAdapter;
  ledger: Write[];
  /** Acknowledged writes by idempotency key: a replayed answer is the same acknowledgement. */
  acks: Map<string, Ack>;
  wire: { requests: number; unavailable: number; networkErrors: number; preconditionFailed: number; replayed: number };
  /** How many times the sync status entered each state. */
  entered: Record<SyncState, number>;
  /** Records this device held in conflict at some point. */
  conflicted: Set<string>;
  /** Times it sat idle with changes waiting, and was prodded (see `allSynced`). */
  stalls: number;
  /** Records both of the person's devices edit. */
  shared: string[];
  /** The records live on this device now, kept current from its change events. */
  live: Set<string>;
}

/** A conflict settled by the test, in the order settled. */
interface Resolution {
  device: number;
  user: string;
  id: string;
  keep: 'local' | 'remote';
  /** The device's own version when it chose. */
  local: Stored<unknown> | undefined;
  /** The version chosen: what the server should end with, unless settled again later. */
  chosen: Stored<unknown> | undefined;
}

const adapters: RestAdapter[] = [];
const servers: Server[] = [];

afterEach(async () => {
  const done = adapters.splice(0);
  for (const adapter of done) await adapter.close();
  for (const adapter of done) await deleteDB(`loadwise:remote.${adapter.namespace}`);
  for (const server of servers.splice(0)) await executeServerCommand('reference-server-stop', { id: server.id });
});

/** The real fetch, passed through; notes what the device sent and heard. */
function observed(d: Device): typeof fetch {
  return async (input, init) => {
    const method = init?.method ?? 'GET';
    d.wire.requests++;
    let response: Response;
    try {
      response = await fetch(input, init);
    } catch (error) {
      // A connection dropped after commit, or refused while the server is down.
      d.wire.networkErrors++;
      throw error;
    }
    if (response.status === 503) d.wire.unavailable++;
    if (response.status === 412) d.wire.preconditionFailed++;
    if (response.headers.get('Idempotent-Replayed') === 'true') d.wire.replayed++;
    if ((method === 'PUT' || method === 'DELETE') && response.ok) {
      const key = new Headers(init?.headers).get('Idempotency-Key');
      const stored = (await response
        .clone()
        .json()
        .catch(() => undefined)) as Stored<TrainingSession> | undefined;
      if (key && stored) {
        const sent = method === 'PUT' ? (JSON.parse(String(init?.body)) as TrainingSession) : undefined;
        d.acks.set(key, { key, method, id: stored.id, rev: stored.rev, deleted: stored.deleted, tag: sent?.notes });
      }
    }
    return response;
  };
}

function device(server: Server, index: number, user: string, token: Promise<string>, run: string): Device {
  const d = {
    index,
    user,
    ledger: [],
    acks: new Map(),
    wire: { requests: 0, unavailable: 0, networkErrors: 0, preconditionFailed: 0, replayed: 0 },
    entered: { idle: 0, syncing: 0, offline: 0, retrying: 0, unauthorized: 0 },
    conflicted: new Set(),
    stalls: 0,
    shared: [],
    live: new Set(),
  } as Omit<Device, 'adapter'> as Device;
  d.adapter = new RestAdapter({
    namespace: `${run}-d${index}`,
    endpoint: server.url,
    getToken: () => token,
    backoff: { base: 50, cap: 1000 },
    fetch: observed(d),
  });
  adapters.push(d.adapter);
  let state: SyncState = 'idle';
  d.adapter.onSyncStatus((status) => {
    if (status.state !== state) d.entered[status.state]++;
    state = status.state;
    for (const conflict of status.conflicts) d.conflicted.add(conflict.id);
  });
  d.adapter.subscribe((change) => {
    if (change.stored.deleted) d.live.delete(change.id);
    else d.live.add(change.id);
  });
  return d;
}

const describeStatus = (d: Device) => {
  const s = d.adapter.syncStatus;
  return `device ${d.index}: ${s.state}, ${s.pending} waiting, ${s.conflicts.length} conflicts, ${s.failures.length} refused${s.message ? ` (${s.message})` : ''}`;
};

/** Waits for `check`, failing with what `explain` says then. */
async function until(check: () => boolean, explain: () => string, timeout: number): Promise<void> {
  try {
    await waitUntil(check, undefined, { timeout, interval: 100 });
  } catch {
    throw new Error(`Timed out after ${timeout} ms: ${explain()}`);
  }
}

const synced = (d: Device) => d.adapter.syncStatus.pending === 0 && d.adapter.syncStatus.state === 'idle';

/** How long a device may sit idle with changes waiting before it is prodded. */
const STALL_MS = 2000;

/**
 * Waits until every device has sent everything and pulled since (pending 0, idle).
 *
 * A device that sits idle with changes waiting for STALL_MS is prodded with `syncNow`, as a page
 * does on focus or when it comes online, and the stall is counted; the tests expect none. (The
 * adapter once scheduled a write's round before the write was committed, so the round found the
 * outbox empty and the change waited for the next write, focus, or the 60 s pull interval.)
 */
async function allSynced(devices: Device[], timeout: number): Promise<void> {
  const idleSince = new Map<Device, number>();
  const prod = () => {
    const now = performance.now();
    for (const d of devices) {
      const { state, pending } = d.adapter.syncStatus;
      if (state !== 'idle' || pending === 0) {
        idleSince.delete(d);
        continue;
      }
      if (!idleSince.has(d)) idleSince.set(d, now);
      if (now - idleSince.get(d)! >= STALL_MS) {
        d.stalls++;
        idleSince.delete(d);
        void d.adapter.syncNow();
      }
    }
    return devices.every(synced);
  };
  await until(prod, () => devices.filter((d) => !synced(d)).map(describeStatus).join('; '), timeout);
}

/** A full round (send, then pull) that started now has ended, retries included. */
async function drain(d: Device, timeout = 60_000): Promise<void> {
  await d.adapter.syncNow();
  await allSynced([d], timeout);
}

const STARTED = Date.UTC(2026, 0, 1);

async function create(d: Device): Promise<string> {
  const tag = `d${d.index}-w${d.ledger.length + 1}`;
  const record = session(new Date(STARTED + (d.index * 1000 + d.ledger.length) * 3_600_000).toISOString(), { notes: tag, durationMin: 20 + (d.ledger.length % 60) });
  await d.adapter.put('sessions', record, { expectedRev: null });
  d.ledger.push({ device: d.index, id: record.id, op: 'create', tag, record });
  return record.id;
}

/** Edits a record as this device has it now; false when it has no such live record. */
async function update(d: Device, id: string, durationMin: number): Promise<boolean> {
  for (;;) {
    const current = await d.adapter.get('sessions', id);
    if (!current || current.deleted) return false;
    const tag = `d${d.index}-w${d.ledger.length + 1}`;
    const record: TrainingSession = { ...current.record, durationMin, notes: tag };
    try {
      await d.adapter.put('sessions', record, { expectedRev: current.rev });
    } catch (error) {
      // Sync applied the other device's change between the read and the write: read it again.
      if (error instanceof ConflictError) continue;
      throw error;
    }
    d.ledger.push({ device: d.index, id, op: 'update', tag, record });
    return true;
  }
}

async function remove(d: Device, id: string): Promise<boolean> {
  for (;;) {
    const current = await d.adapter.get('sessions', id);
    if (!current || current.deleted) return false;
    try {
      await d.adapter.remove('sessions', id, { expectedRev: current.rev });
    } catch (error) {
      if (error instanceof ConflictError) continue;
      throw error;
    }
    d.ledger.push({ device: d.index, id, op: 'delete' });
    return true;
  }
}

/**
 * A person using one device: `total` writes in all, one every `pace` ms on average: creates,
 * edits and removals of its own records, and edits (and a few removals, late on) of the records
 * shared with the person's other device.
 */
async function work(d: Device, total: number, pace: number): Promise<void> {
  // Seeded: the same workload for the same device on every run.
  const rand = seededRandom(d.index + 1);
  const pick = (ids: string[]) => ids[Math.floor(rand() * ids.length)]!;
  const live = (ids: Iterable<string>) => [...ids].filter((id) => d.live.has(id));
  const shared = new Set(d.shared);
  while (d.ledger.length < total) {
    const own = live(new Set(d.ledger.filter((w) => w.op === 'create' && !shared.has(w.id)).map((w) => w.id)));
    const others = live(shared);
    const r = rand();
    const duration = 10 + Math.floor(rand() * 100);
    let done = false;
    if (r < 0.25 && others.length) done = await update(d, pick(others), duration);
    else if (r < 0.28 && others.length && d.ledger.length > total / 2) done = await remove(d, pick(others));
    else if (r < 0.55 && own.length) done = await update(d, pick(own), duration);
    else if (r < 0.65 && own.length > 2) done = await remove(d, pick(own));
    if (!done) await create(d);
    await sleep(rand() * 2 * pace);
  }
}

/** The conflict's deterministic choice: by the record's id and the device, so both ways occur. */
const choose = (d: Device, conflict: SyncConflict): 'local' | 'remote' => ((Number.parseInt(conflict.id.slice(-4), 16) + d.index) % 2 === 0 ? 'local' : 'remote');

/** Settles every conflict of one person's devices, one device at a time, each seeing the other's choices. */
async function settle(pair: Device[], resolutions: Resolution[]): Promise<void> {
  for (let round = 1; ; round++) {
    for (const d of pair) {
      await drain(d);
      const conflicts = [...d.adapter.syncStatus.conflicts].sort((a, b) => a.id.localeCompare(b.id));
      for (const conflict of conflicts) {
        const keep = choose(d, conflict);
        const local = await d.adapter.get(conflict.collection, conflict.id);
        resolutions.push({ device: d.index, user: d.user, id: conflict.id, keep, local, chosen: keep === 'local' ? local : conflict.remote });
        await d.adapter.resolveConflict(conflict.collection, conflict.id, keep);
      }
      await drain(d);
    }
    if (pair.every((d) => d.adapter.syncStatus.conflicts.length === 0)) return;
    if (round === 3) throw new Error(`Conflicts keep coming back after ${round} rounds of settling: ${pair.map(describeStatus).join('; ')}`);
  }
}

interface Row {
  user_id: string;
  id: string;
  rev: string;
  deleted: boolean;
  record: TrainingSession | null;
}

const generation = (rev: string) => Number.parseInt(rev, 10);
const show = (stored: { deleted: boolean; record?: unknown } | undefined) =>
  !stored ? 'nothing' : stored.deleted ? 'a removed record' : `the version ${(stored.record as TrainingSession).notes} (${(stored.record as TrainingSession).durationMin} min)`;
const sameContent = (a: { deleted: boolean; record?: unknown } | undefined, b: { deleted: boolean; record?: unknown } | undefined) =>
  (!a || a.deleted) === (!b || b.deleted) && (!a || a.deleted || JSON.stringify(sortKeys(a.record)) === JSON.stringify(sortKeys(b!.record)));
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
  return value;
}

/**
 * Everything the person relies on, checked against the server's tables. Returns the figures.
 */
async function verify(server: Server, devices: Device[], resolutions: Resolution[], usersLike: string) {
  const problems: string[] = [];
  for (const d of devices) {
    const s = d.adapter.syncStatus;
    if (s.pending) problems.push(`device ${d.index} still has ${s.pending} changes waiting in its outbox`);
    if (s.conflicts.length) problems.push(`device ${d.index} still has conflicts: ${s.conflicts.map((c) => c.id).join(', ')}`);
    for (const f of s.failures) problems.push(`device ${d.index}: the server refused ${f.op} sessions/${f.id} (${f.status} ${f.message})`);
  }

  const rows = await sql<Row>(server, `SELECT user_id, id, rev, deleted, record FROM loadwise_records WHERE user_id LIKE $1 AND collection = 'sessions'`, [usersLike]);
  const committed = await sql<{ user_id: string; key: string; status: number }>(server, `SELECT user_id, key, status FROM loadwise_idempotency WHERE user_id LIKE $1`, [usersLike]);
  const rowOf = new Map(rows.map((r) => [`${r.user_id}/${r.id}`, r]));
  const duplicates = rows.length - rowOf.size;
  if (duplicates) problems.push(`the server holds ${duplicates} duplicate rows`);

  // Every acknowledged write was committed by the server, and every write it committed was acknowledged.
  const committedKeys = new Map(committed.filter((c) => c.status >= 200 && c.status < 300).map((c) => [`${c.user_id}/${c.key}`, c]));
  const acked = new Map<string, Ack & { device: number; user: string }>();
  for (const d of devices) for (const ack of d.acks.values()) acked.set(`${d.user}/${ack.key}`, { ...ack, device: d.index, user: d.user });
  for (const [key, ack] of acked) if (!committedKeys.has(key)) problems.push(`device ${ack.device}'s ${ack.method} sessions/${ack.id} was acknowledged, but the server has no record of committing it`);
  for (const key of committedKeys.keys()) if (!acked.has(key)) problems.push(`the server committed write ${key} but no device ever heard back about it`);

  // Exactly once: a record at revision N was written by N acknowledged writes, each with its own revision.
  const acksOf = new Map<string, (Ack & { device: number; user: string })[]>();
  for (const ack of acked.values()) {
    const key = `${ack.user}/${ack.id}`;
    acksOf.set(key, [...(acksOf.get(key) ?? []), ack]);
  }
  const tagged = new Map<string, Write>();
  for (const d of devices) for (const w of d.ledger) if (w.tag) tagged.set(w.tag, w);
  const lastResolution = new Map<string, Resolution>();
  for (const r of resolutions) lastResolution.set(`${r.user}/${r.id}`, r);
  for (const [key, row] of rowOf) {
    const acks = acksOf.get(key) ?? [];
    const revs = [...new Set(acks.map((a) => a.rev))].map(generation).sort((a, b) => a - b);
    const expected = Array.from({ length: generation(row.rev) }, (_, i) => i + 1);
    if (JSON.stringify(revs) !== JSON.stringify(expected)) {
      problems.push(`sessions/${row.id} is at revision ${generation(row.rev)} on the server, but the acknowledged writes made revisions [${revs.join(', ')}]: a write applied twice, or applied unacknowledged`);
      continue;
    }
    // Its final state: the version chosen in its last conflict, else its last acknowledged write.
    const onServer = { deleted: row.deleted, record: row.record ?? undefined };
    const resolution = lastResolution.get(key);
    if (resolution) {
      if (!sameContent(onServer, resolution.chosen)) problems.push(`sessions/${row.id}: device ${resolution.device} chose its ${resolution.keep} version, ${show(resolution.chosen)}, but the server holds ${show(onServer)}`);
      continue;
    }
    const last = acks.filter((a) => a.rev === row.rev);
    const lastWrite = last.find((a) => a.method === 'PUT');
    const want = lastWrite ? { deleted: false, record: tagged.get(lastWrite.tag!)?.record } : { deleted: true };
    if (!last.length || !sameContent(onServer, want)) problems.push(`sessions/${row.id}: the last acknowledged write was ${show(want)}, but the server holds ${show(onServer)}`);
  }

  // No write made on a device is lost: each was acknowledged, or kept in a conflict the person settled.
  const ackedTags = new Set([...acked.values()].map((a) => a.tag));
  const ackedRemovals = new Set([...acked.values()].filter((a) => a.method === 'DELETE').map((a) => `${a.device}/${a.id}`));
  const settled = new Set(resolutions.map((r) => `${r.device}/${r.id}`));
  const inConflict = { create: 0, update: 0, delete: 0 };
  for (const d of devices) {
    for (const w of d.ledger) {
      const acknowledged = w.op === 'delete' ? ackedRemovals.has(`${d.index}/${w.id}`) : ackedTags.has(w.tag);
      if (acknowledged) continue;
      if (d.conflicted.has(w.id) && settled.has(`${d.index}/${w.id}`)) {
        inConflict[w.op]++;
        continue;
      }
      problems.push(`device ${d.index}'s ${w.op} of sessions/${w.id}${w.tag ? ` (${w.tag})` : ''} was neither acknowledged nor kept in a conflict: lost`);
    }
    for (const id of new Set(d.ledger.map((w) => w.id))) if (!rowOf.has(`${d.user}/${id}`)) problems.push(`device ${d.index} wrote sessions/${id}, which the server does not have at all`);
  }
  // A conflict kept the device's latest version until the person chose.
  const firstResolution = new Map<string, Resolution>();
  for (const r of resolutions) if (!firstResolution.has(`${r.device}/${r.id}`)) firstResolution.set(`${r.device}/${r.id}`, r);
  for (const r of firstResolution.values()) {
    const d = devices.find((x) => x.index === r.device)!;
    const latest = d.ledger.filter((w) => w.id === r.id).at(-1);
    const mine = latest && (latest.op === 'delete' ? { deleted: true } : { deleted: false, record: latest.record });
    if (mine && !sameContent(r.local, mine)) problems.push(`device ${d.index}'s conflict on sessions/${r.id} held ${show(r.local)}, not its latest write, ${show(mine)}`);
  }
  // Nothing on the server that no device wrote.
  const written = new Set(devices.flatMap((d) => d.ledger.map((w) => `${d.user}/${w.id}`)));
  for (const key of rowOf.keys()) if (!written.has(key)) problems.push(`the server holds ${key}, which no device wrote`);

  // Every device shows what the server holds for its person.
  for (const d of devices) {
    const mine = rows.filter((r) => r.user_id === d.user);
    for (const row of mine) {
      const here = await d.adapter.get('sessions', row.id);
      const onServer = { deleted: row.deleted, record: row.record ?? undefined };
      if (!sameContent(here, onServer)) problems.push(`device ${d.index} shows ${show(here)} for sessions/${row.id}, the server holds ${show(onServer)}`);
    }
    const liveHere = (await d.adapter.list('sessions', { limit: 1000 })).items.map((s) => s.id);
    const liveThere = new Set(mine.filter((r) => !r.deleted).map((r) => r.id));
    for (const id of liveHere) if (!liveThere.has(id)) problems.push(`device ${d.index} shows sessions/${id}, which the server does not hold`);
  }

  expect(problems, `${problems.length} problems:\n${problems.slice(0, 40).join('\n')}`).to.deep.equal([]);

  const sum = (f: (d: Device) => number) => devices.reduce((n, d) => n + f(d), 0);
  const writes = devices.flatMap((d) => d.ledger);
  return {
    devices: devices.length,
    people: new Set(devices.map((d) => d.user)).size,
    writesMade: writes.length,
    creates: writes.filter((w) => w.op === 'create').length,
    updates: writes.filter((w) => w.op === 'update').length,
    removals: writes.filter((w) => w.op === 'delete').length,
    writesAcknowledged: writes.length - inConflict.create - inConflict.update - inConflict.delete,
    // Not acknowledged, but kept in a conflict until the test chose a version.
    writesSettledInConflicts: inConflict,
    // Distinct idempotency keys answered 2xx: each write once, plus what a 'local' choice sent.
    sendsAcknowledged: acked.size,
    requests: sum((d) => d.wire.requests),
    answered503: sum((d) => d.wire.unavailable),
    // A reply lost after commit, the write sent again with its key and the first reply replayed.
    // (Chromium resends a request by itself when a reused connection dies before the reply, so
    // most lost replies show here rather than as network errors.)
    lostRepliesReplayed: sum((d) => d.wire.replayed),
    networkErrors: sum((d) => d.wire.networkErrors),
    idleWithChangesWaiting: sum((d) => d.stalls),
    answered412: sum((d) => d.wire.preconditionFailed),
    statusRetrying: sum((d) => d.entered.retrying),
    statusOffline: sum((d) => d.entered.offline),
    conflictsRaised: sum((d) => d.conflicted.size),
    conflictsResolved: resolutions.length,
    keptLocal: resolutions.filter((r) => r.keep === 'local').length,
    keptRemote: resolutions.filter((r) => r.keep === 'remote').length,
    rowsOnServer: rows.length,
    liveRows: rows.filter((r) => !r.deleted).length,
    removedRows: rows.filter((r) => r.deleted).length,
  };
}

describe('RestAdapter under faults, against the reference server', () => {
  it('keeps every write of 50 devices through 503s, lost replies, latency and conflicts: each acknowledged write once, none lost', async function () {
    this.timeout(170_000);
    const DEVICES = 50;
    const WRITES = 100;
    const SHARED = 6;
    const PACE = 60;
    const began = performance.now();
    const server = await start({ faults: { failRate: 0.2, dropAfterCommitRate: 0.1, latencyMs: 20 } });
    servers.push(server);
    const started = performance.now();
    const run = `faults-${crypto.randomUUID().slice(0, 8)}`;
    const devices: Device[] = [];
    const pairs: Device[][] = [];
    for (let p = 0; p < DEVICES / 2; p++) {
      const user = `${run}-person${p}`;
      const token = tokenOf(server, user);
      const pair = [device(server, 2 * p, user, token, run), device(server, 2 * p + 1, user, token, run)];
      pairs.push(pair);
      devices.push(...pair);
    }
    await Promise.all(devices.map((d) => d.adapter.open()));

    // Each person's phone creates the records both devices will edit, and the laptop receives them.
    await Promise.all(
      pairs.map(async ([phone, laptop]) => {
        for (let i = 0; i < SHARED; i++) phone!.shared.push(await create(phone!));
        laptop!.shared = phone!.shared;
        await allSynced([phone!], 60_000);
        await laptop!.adapter.syncNow();
        await until(() => laptop!.shared.every((id) => laptop!.live.has(id)), () => `the laptop did not receive the shared records: ${describeStatus(laptop!)}`, 60_000);
      }),
    );
    const seeded = performance.now();

    await Promise.all(devices.map((d) => work(d, WRITES, PACE)));
    const written = performance.now();
    await allSynced(devices, 120_000);
    const drained = performance.now();

    const resolutions: Resolution[] = [];
    await Promise.all(pairs.map((pair) => settle(pair, resolutions)));
    // Each device hears of the other's choices.
    await Promise.all(devices.map((d) => drain(d)));
    const resolved = performance.now();

    const figures = await verify(server, devices, resolutions, `${run}-%`);
    const seconds = (ms: number) => Math.round(ms / 100) / 10;
    console.log(
      `faults test: ${JSON.stringify({
        ...figures,
        seconds: {
          serverStart: seconds(started - began),
          sharedRecords: seconds(seeded - started),
          writing: seconds(written - seeded),
          drainingAfterWrites: seconds(drained - written),
          settlingConflicts: seconds(resolved - drained),
          total: seconds(performance.now() - began),
        },
      }, null, 1)}`,
    );
    expect(figures.writesMade, 'every device made all its writes').to.equal(DEVICES * WRITES);
    expect(figures.idleWithChangesWaiting, 'no device sat idle with changes waiting: each write wakes its sync').to.equal(0);
    // The run exercised what it is about.
    expect(figures.answered503, 'injected 503s were seen').to.be.greaterThan(0);
    expect(figures.lostRepliesReplayed, 'replies lost after commit were retried and replayed').to.be.greaterThan(0);
    expect(figures.conflictsRaised, 'conflicts were raised').to.be.greaterThan(0);
    expect(figures.keptLocal, 'some conflicts were settled for the local version').to.be.greaterThan(0);
    expect(figures.keptRemote, 'some for the remote one').to.be.greaterThan(0);
  });

  for (const database of databases) {
    it(`loses no acknowledged write when the server stops, closes and reopens its database, and restarts while devices write (${database})`, async function () {
      this.timeout(120_000);
      const DEVICES = 10;
      const WRITES = 80;
      const began = performance.now();
      // PGlite in a folder of its own, or PostgreSQL, so the restart closes the database and opens
      // it again from what it kept.
      const server = await start({ ...(database === 'postgres' ? { database } : { dataDir: true }), faults: { latencyMs: 10 } });
      servers.push(server);
      const started = performance.now();
      const run = `restart-${crypto.randomUUID().slice(0, 8)}`;
      const devices = await Promise.all(
        Array.from({ length: DEVICES }, async (_, i) => {
          const user = `${run}-person${i}`;
          const d = device(server, 100 + i, user, tokenOf(server, user), run);
          await d.adapter.open();
          return d;
        }),
      );
      const startTime = async () => Date.parse((await sql<{ at: string }>(server, 'SELECT pg_postmaster_start_time() AS at'))[0]!.at);
      const total = (f: (d: Device) => number) => devices.reduce((n, d) => n + f(d), 0);

      // About 16 s of writing (a write every 200 ms on average on each device), two restarts in it.
      const writing = Promise.all(devices.map((d) => work(d, WRITES, 200)));
      const restarts: { writtenBefore: number; acknowledgedBefore: number; refusedWhileDown: number; seconds: number; reopened: boolean; opens: number; startedBefore: number; startedAfter: number }[] = [];
      let due = started + 1500;
      for (let i = 0; i < 2; i++) {
        await sleep(Math.max(0, due - performance.now()));
        const startedBefore = await startTime();
        const [writtenBefore, acknowledgedBefore, errorsBefore] = [total((d) => d.ledger.length), total((d) => d.acks.size), total((d) => d.wire.networkErrors)];
        const t0 = performance.now();
        // Down for a second at least (the devices keep writing and find it gone), then the database
        // is closed and opened again, and the server starts on the same port.
        await executeServerCommand('reference-server-down', { id: server.id });
        await sleep(1000);
        const answer = (await executeServerCommand('reference-server-restart', { id: server.id, reopen: true })) as { reopened: boolean; opens: number };
        const seconds = Math.round((performance.now() - t0) / 100) / 10;
        restarts.push({ writtenBefore, acknowledgedBefore, refusedWhileDown: total((d) => d.wire.networkErrors) - errorsBefore, seconds, ...answer, startedBefore, startedAfter: await startTime() });
        due = performance.now() + 1500;
      }
      await writing;
      const wrote = performance.now();
      await allSynced(devices, 60_000);
      const drained = performance.now();

      const figures = await verify(server, devices, [], `${run}-%`);
      const seconds = (ms: number) => Math.round(ms / 100) / 10;
      console.log(
        `restart test: ${JSON.stringify({
          database: server.database,
          ...figures,
          restarts: restarts.map(({ writtenBefore, acknowledgedBefore, refusedWhileDown, seconds, opens }) => ({ writtenBefore, acknowledgedBefore, refusedWhileDown, seconds, databaseOpens: opens })),
          seconds: { serverStart: seconds(started - began), writing: seconds(wrote - started), drainingAfterWrites: seconds(drained - wrote), total: seconds(performance.now() - began) },
        }, null, 1)}`,
      );
      expect(figures.writesMade, 'every device made all its writes').to.equal(DEVICES * WRITES);
      expect(figures.idleWithChangesWaiting, 'no device sat idle with changes waiting: each write wakes its sync').to.equal(0);
      expect(figures.conflictsRaised, 'one device per person: nothing to conflict').to.equal(0);
      restarts.forEach((r, i) => {
        expect(r.reopened, `restart ${i + 1} reopened the database`).to.equal(true);
        expect(r.opens, `restart ${i + 1}: the database has been opened ${i + 2} times`).to.equal(i + 2);
        // PGlite's postmaster starts again with the database; PostgreSQL's keeps running (only the pool is new).
        if (server.database === 'pglite') expect(r.startedAfter, `restart ${i + 1}: PGlite was started again`).to.be.greaterThan(r.startedBefore);
        // The restart came mid-run: writes acknowledged before it, made after it, and sends refused meanwhile.
        expect(r.acknowledgedBefore, `writes were acknowledged before restart ${i + 1}`).to.be.greaterThan(0);
        expect(r.writtenBefore, `writes were still to be made after restart ${i + 1}`).to.be.lessThan(DEVICES * WRITES);
        expect(r.refusedWhileDown, `devices found the server gone during restart ${i + 1}`).to.be.greaterThan(0);
      });
    });
  }
});

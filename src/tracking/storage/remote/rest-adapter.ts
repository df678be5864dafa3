/**
 * `RestAdapter`: records on a site's own server (the protocol in server/openapi.yaml), usable
 * offline.
 *
 * The adapter keeps a replica of the person's records in IndexedDB and answers every read from
 * it, so the tracker works on a train with no signal. A write lands in the replica and, in the
 * same IndexedDB transaction, in an outbox; it has happened as far as the page is concerned. A
 * sync engine then sends the outbox in order, each change with its own idempotency key, from
 * exactly one tab at a time (a Web Lock), and pulls what other devices changed from the server's
 * changes feed. Network errors, 5xx and 429 are retried with capped exponential backoff and
 * jitter; a 4xx is not retried but kept, with the server's reason, for the person to see; a
 * conflict keeps both versions until the person chooses.
 *
 * Local revisions are the replica's own, so a page's edits never conflict with its own syncing;
 * the server's revision of each record is kept beside it (`sync/server/…`) for If-Match.
 */
import { BackendAdapter } from '../backend-adapter.js';
import { upgradeIssues, upgradeRecord } from '../collections.js';
import type { BackendWrite } from '../backend.js';
import { nextRev, recordKey, SYNC_PREFIX, toEnvelope } from '../envelope.js';
import { NotFoundError, UnauthorizedError } from '../errors.js';
import { IndexedDbBackend } from '../indexeddb.js';
import type { AdapterOptions } from '../memory.js';
import type { SyncConflict, SyncFailure, SyncingAdapter, SyncState, SyncStatus } from '../sync.js';
import type { CollectionName, Stored } from '../types.js';
import type { FieldIssue } from '../../../base/validation.js';
import { DEFAULT_BACKOFF, retryDelay, type BackoffOptions } from './backoff.js';
import { DEFAULT_REQUEST_TIMEOUT, RestClient, type GetToken, type Outcome } from './rest-client.js';

export interface RestAdapterOptions extends AdapterOptions {
  /** The server's base URL, such as `https://api.example.com/`; the protocol's paths start with `/v1/`. */
  endpoint: string;
  /**
   * Gives the bearer token for each request; called again with `{ refresh: true }` once after a
   * 401. The token is sent only in the Authorization header: never stored, never in a URL.
   */
  getToken: GetToken;
  /** How often to pull changes made on other devices while the page is open, ms (60 s). */
  pullInterval?: number;
  /** Retry timing for sends that failed for a passing reason. */
  backoff?: BackoffOptions;
  /** For a site that wraps fetch (logging, its own headers). */
  fetch?: typeof fetch;
  /** How long one request may take, reply included, before it is retried later, ms (30 s). */
  requestTimeout?: number;
}

/** A local change waiting to be sent, in the order it was made. */
export interface OutboxEntry {
  collection: CollectionName;
  id: string;
  op: 'put' | 'delete';
  /** The record to send, for `put`. */
  record?: unknown;
  /** Sent as Idempotency-Key, the same on every attempt: a retried send is applied once. */
  key: string;
  at: string;
}

const OUTBOX = `${SYNC_PREFIX}outbox/`;
const SERVER_REV = `${SYNC_PREFIX}server/`;
const CONFLICT = `${SYNC_PREFIX}conflict/`;
const FAILED = `${SYNC_PREFIX}failed/`;
const META = `${SYNC_PREFIX}meta`;
const PULL_PAGE = 500;

interface Meta {
  /** The last change of the feed applied here. */
  lastSeq: number;
  /** The number of the last outbox entry made, so entries sort in the order they were made. */
  counter: number;
}

const serverRevKey = (collection: CollectionName, id: string) => `${SERVER_REV}${collection}/${id}`;
const conflictKey = (collection: CollectionName, id: string) => `${CONFLICT}${collection}/${id}`;
/** Fixed-width numbers sort as text in the order they were made. */
const outboxKey = (n: number) => `${OUTBOX}${String(n).padStart(12, '0')}`;

export class RestAdapter extends BackendAdapter implements SyncingAdapter {
  override readonly kind = 'remote';
  readonly endpoint: string;
  /** Keeps this device's replica apart: one per person signed in on it. */
  readonly namespace: string;
  private readonly client: RestClient;
  private readonly pullInterval: number;
  private readonly backoff: BackoffOptions;
  /**
   * The `sync/…` entries the status shows, as stored: loaded on open, kept current by commits and
   * other tabs, and read again at the start of each round. Server revisions (one per record) are
   * read from the replica when a send or a pull needs one, not mirrored.
   */
  private readonly outbox = new Map<string, OutboxEntry>();
  private readonly conflicts = new Map<string, SyncConflict>();
  private readonly failures = new Map<string, SyncFailure>();
  /** Quiet while the replica loads: one announcement when it has, not one per entry. */
  private loaded = false;
  private readonly statusListeners = new Set<(status: SyncStatus) => void>();
  private state: SyncState = 'idle';
  private message: string | undefined;
  private syncedAt: string | undefined;
  private retryAt: number | undefined;
  /** No send before this (ms since epoch): the backoff, or the server's Retry-After. */
  private notBefore = 0;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private interval: ReturnType<typeof setInterval> | undefined;
  private running: Promise<void> | undefined;
  /** The round asked for while one runs: it starts when that one ends. */
  private next: Promise<void> | undefined;
  private closed = false;
  /**
   * Aborted by close: a round still waiting for the sync lock gives up its place (a closing page
   * does not wait behind another tab's sync), and requests in flight are abandoned (their changes
   * stay in the outbox, and are sent again with the same key).
   */
  private lifetime = new AbortController();
  private readonly lockName: string;
  private readonly replica: IndexedDbBackend;
  private readonly wake = () => void this.syncNow();
  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') void this.syncNow();
  };

  constructor({ namespace = 'default', endpoint, getToken, pullInterval = 60_000, backoff = DEFAULT_BACKOFF, fetch, requestTimeout = DEFAULT_REQUEST_TIMEOUT, ...options }: RestAdapterOptions) {
    const backend = new IndexedDbBackend(`remote.${namespace}`);
    super(backend, options);
    this.namespace = namespace;
    this.endpoint = new URL(endpoint, typeof location === 'undefined' ? undefined : location.href).href;
    this.client = new RestClient(this.endpoint, getToken, { ...(fetch ? { fetch } : {}), timeout: requestTimeout });
    this.pullInterval = pullInterval;
    this.backoff = backoff;
    this.lockName = `loadwise-sync:${backend.dbName}`;
    this.replica = backend;
  }

  override async open(): Promise<void> {
    await super.open();
    if (!this.loaded) {
      this.loaded = true;
      this.announce();
    }
    if (!this.interval && !this.closed) {
      // Sync on start, when the connection comes back, when the page is looked at again, and on
      // an interval; never awaited by open: the replica is usable at once, online or not.
      addEventListener('online', this.wake);
      addEventListener('focus', this.wake);
      document.addEventListener('visibilitychange', this.onVisible);
      this.interval = setInterval(this.wake, this.pullInterval);
      void this.syncNow();
    }
  }

  override async close(): Promise<void> {
    this.closed = true;
    this.stopTimers();
    this.statusListeners.clear();
    this.lifetime.abort();
    await this.running?.catch(() => undefined);
    await super.close();
    for (const map of [this.outbox, this.conflicts, this.failures]) map.clear();
    this.loaded = false;
    this.lifetime = new AbortController();
    this.closed = false;
  }

  private stopTimers(): void {
    clearTimeout(this.timer);
    clearInterval(this.interval);
    this.timer = undefined;
    this.interval = undefined;
    removeEventListener('online', this.wake);
    removeEventListener('focus', this.wake);
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this.onVisible);
  }

  // -------------------------------------------------------------------------------------------
  // Sync status, conflicts and failures, for the elements
  // -------------------------------------------------------------------------------------------

  get syncStatus(): SyncStatus {
    return {
      state: this.state,
      pending: this.outbox.size,
      conflicts: [...this.conflicts.values()],
      failures: [...this.failures.values()],
      ...(this.syncedAt ? { syncedAt: this.syncedAt } : {}),
      ...(this.retryAt && this.state === 'retrying' ? { retryAt: new Date(this.retryAt).toISOString() } : {}),
      ...(this.message && (this.state === 'retrying' || this.state === 'offline') ? { message: this.message } : {}),
    };
  }

  /** Calls `listener` with the status whenever it changes. Returns unsubscribe. */
  onSyncStatus(listener: (status: SyncStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private announce(): void {
    if (!this.loaded) return;
    const status = this.syncStatus;
    for (const listener of this.statusListeners) {
      try {
        listener(status);
      } catch (error) {
        reportError(error);
      }
    }
  }

  private setState(state: SyncState, message?: string): void {
    this.state = state;
    this.message = message;
    this.announce();
  }

  /**
   * Settles a conflict: `local` sends this device's version over the server's; `remote` takes
   * the server's version here. Either way both devices end up with the one chosen.
   */
  async resolveConflict(collection: CollectionName, id: string, keep: 'local' | 'remote'): Promise<void> {
    await this.open();
    await this.exclusive(async () => {
      const conflict = (await this.readInternal(conflictKey(collection, id))) as SyncConflict | undefined;
      if (!conflict) throw new NotFoundError('conflict', `${collection}/${id}`);
      const remote = conflict.remote;
      const writes: BackendWrite[] = [
        [conflictKey(collection, id), undefined],
        [serverRevKey(collection, id), remote?.rev],
      ];
      if (keep === 'local') {
        const local = await this.readStored(collection, id);
        if (local) writes.push(...(await this.enqueue(collection, local)));
        await this.commitAndApply(writes, [], 'local');
        return;
      }
      const current = await this.readStored(collection, id);
      // The server has no such record: taking its side removes this device's copy.
      const taken = remote
        ? localCopy(remote, current)
        : current && !current.deleted
          ? ({ id, rev: nextRev(current.rev), deleted: true, deletedAt: new Date().toISOString() } as const)
          : undefined;
      if (taken) {
        writes.push([recordKey(collection, id), toEnvelope(taken)]);
        await this.commitAndApply(writes, [{ collection, stored: taken }], 'remote');
      } else {
        await this.commitAndApply(writes, [], 'remote');
      }
    });
    void this.syncNow();
  }

  /** Forgets a refused change once the person has seen it (the record stays as it is here). */
  async dismissFailure(key: string): Promise<void> {
    await this.open();
    await this.exclusive(() => this.commitAndApply([[key, undefined]], [], 'local'));
  }

  // -------------------------------------------------------------------------------------------
  // The outbox: written with the record, in one commit
  // -------------------------------------------------------------------------------------------

  /** The map of the status a `sync/…` key belongs in; none for server revisions and the meta entry. */
  private mapOf(key: string): Map<string, unknown> | undefined {
    if (key.startsWith(OUTBOX)) return this.outbox;
    if (key.startsWith(CONFLICT)) return this.conflicts;
    if (key.startsWith(FAILED)) return this.failures;
    return undefined;
  }

  /** Files one `sync/…` entry in its map; true when the status the elements show changed. */
  private file(key: string, value: unknown): boolean {
    const map = this.mapOf(key);
    if (!map) return false;
    if (value === undefined) map.delete(key);
    else map.set(key, value);
    return true;
  }

  protected override takeInternal(key: string, raw: unknown): void {
    if (this.file(key, raw)) this.announce();
    // Another tab queued a change: whichever tab holds the sync lock sends it.
    if (key.startsWith(OUTBOX) && raw !== undefined) this.schedule(0);
  }

  protected override committed(writes: readonly BackendWrite[]): void {
    let changed = false;
    let queued = false;
    for (const [key, value] of writes) {
      if (!key.startsWith(SYNC_PREFIX)) continue;
      if (this.file(key, value)) changed = true;
      if (key.startsWith(OUTBOX) && value !== undefined) queued = true;
    }
    if (changed) this.announce();
    // Only now that the entry is stored: a round started before the commit would find nothing.
    if (queued) this.schedule(0);
  }

  protected override extraWrites(collection: CollectionName, next: Stored<unknown>): Promise<BackendWrite[]> {
    return this.enqueue(collection, next);
  }

  /** The outbox entry that sends `stored` as it is now, and the counter that orders it. */
  private async enqueue(collection: CollectionName, stored: Stored<unknown>): Promise<BackendWrite[]> {
    const meta = await this.readMeta();
    const counter = meta.counter + 1;
    const entry: OutboxEntry = {
      collection,
      id: stored.id,
      op: stored.deleted ? 'delete' : 'put',
      ...(stored.deleted ? {} : { record: stored.record }),
      key: crypto.randomUUID(),
      at: new Date().toISOString(),
    };
    return [
      [outboxKey(counter), entry],
      [META, { ...meta, counter } satisfies Meta],
    ];
  }

  private async readMeta(): Promise<Meta> {
    const raw = (await this.readInternal(META)) as Partial<Meta> | undefined;
    return { lastSeq: Number(raw?.lastSeq) || 0, counter: Number(raw?.counter) || 0 };
  }

  // -------------------------------------------------------------------------------------------
  // The sync engine
  // -------------------------------------------------------------------------------------------

  /**
   * Sends what is waiting and pulls what changed elsewhere, now. Resolves when a round that
   * started after this call has ended; calls made meanwhile share that round.
   */
  syncNow(): Promise<void> {
    if (this.closed) return Promise.resolve();
    clearTimeout(this.timer);
    this.timer = undefined;
    this.next ??= (this.running ?? Promise.resolve()).then(() => {
      this.next = undefined;
      if (this.closed) return;
      this.running = this.round().finally(() => (this.running = undefined));
      return this.running;
    });
    return this.next;
  }

  /** Syncs after `delay` ms (or the backoff, if longer), unless a sooner round is already due. */
  private schedule(delay: number): void {
    if (this.closed || !this.interval) return;
    // A new change does not cut a backoff short: the server asked for room.
    const ms = Math.max(delay, this.notBefore - Date.now());
    if (ms <= 0) {
      void this.syncNow();
      return;
    }
    if (this.timer && this.retryAt !== undefined && this.retryAt <= Date.now() + ms) return;
    clearTimeout(this.timer);
    this.retryAt = Date.now() + ms;
    this.timer = setTimeout(() => void this.syncNow(), ms);
  }

  /** One round under the sync lock: exactly one tab sends at a time, in order. */
  private async round(): Promise<void> {
    await this.open();
    const run = async () => {
      if (this.closed) return;
      await this.reloadSync();
      this.setState('syncing');
      const pushed = await this.push();
      if (pushed !== 'done') return this.pause(pushed);
      const pulled = await this.pull();
      if (pulled !== 'done') return this.pause(pulled);
      this.attempt = 0;
      this.notBefore = 0;
      this.syncedAt = new Date().toISOString();
      this.setState('idle');
    };
    try {
      if (typeof navigator !== 'undefined' && navigator.locks) await navigator.locks.request(this.lockName, { signal: this.lifetime.signal }, run);
      else await run();
    } catch (error) {
      // Storage failed under the engine (the replica was deleted, the disk is full): nothing sent
      // is lost, the outbox stays; try again later and say why meanwhile.
      if (this.closed) return;
      this.pause({ kind: 'transient', reason: 'server', message: `Could not sync: ${(error as Error)?.message ?? error}` });
    }
  }

  /**
   * Reads the sync state from the replica as it is now. Other tabs' changes to it reach this tab
   * by message, a moment after they commit; under the sync lock, a round must not act on a
   * server revision or an outbox another tab has just moved on.
   */
  private async reloadSync(): Promise<void> {
    const read = await Promise.all([OUTBOX, CONFLICT, FAILED].map((prefix) => this.replica.readPrefix(prefix)));
    const shown = () => JSON.stringify([[...this.outbox.keys()], [...this.conflicts.values()], [...this.failures.keys()]]);
    const before = shown();
    for (const map of [this.outbox, this.conflicts, this.failures]) map.clear();
    for (const entries of read) for (const [key, value] of entries) this.file(key, value);
    if (shown() !== before) this.announce();
  }

  /** The server's revision of a record, as this device last heard it; null when it has none. */
  private async serverRev(collection: CollectionName, id: string): Promise<string | null> {
    return ((await this.readInternal(serverRevKey(collection, id))) as string | undefined) ?? null;
  }

  /** Stops this round for a reason, and says when to try again. */
  private pause(reason: Exclude<Outcome<unknown>, { kind: 'ok' | 'conflict' | 'rejected' }>): void {
    if (reason.kind === 'unauthorized') {
      this.setState('unauthorized', new UnauthorizedError().message);
      return;
    }
    const wait = retryDelay(this.attempt++, this.backoff, reason.retryAfter);
    this.notBefore = Date.now() + wait;
    this.schedule(wait);
    this.setState(reason.reason === 'offline' ? 'offline' : 'retrying', reason.message);
  }

  /** Sends the outbox, oldest first, until it is empty or a send must wait. */
  private async push(): Promise<'done' | Exclude<Outcome<unknown>, { kind: 'ok' | 'conflict' | 'rejected' }>> {
    for (;;) {
      if (this.closed) return 'done';
      const next = [...this.outbox.keys()].sort()[0];
      if (!next) return 'done';
      const entry = this.outbox.get(next)!;
      // If-Match carries the server revision as it is now: an earlier change to the same record,
      // sent a moment ago, moved it on.
      const base = await this.serverRev(entry.collection, entry.id);
      const call = { collection: entry.collection, id: entry.id, base, idempotencyKey: entry.key };
      const outcome =
        entry.op === 'put'
          ? await this.client.put(call, entry.record, this.lifetime.signal)
          : base === null
            ? // Removed before the server ever had it: nothing to send.
              ({ kind: 'ok', value: undefined } as const)
            : await this.client.remove({ ...call, base }, this.lifetime.signal);
      if (outcome.kind === 'transient' || outcome.kind === 'unauthorized') return outcome;
      await this.exclusive(async () => {
        const writes: BackendWrite[] = [[next, undefined]];
        if (outcome.kind === 'ok') {
          if (outcome.value) writes.push([serverRevKey(entry.collection, entry.id), outcome.value.rev]);
        } else if (outcome.kind === 'conflict') {
          // Both versions are kept; this record's later changes wait for the person's choice.
          writes.push(...this.dropWaiting(entry.collection, entry.id));
          const local = await this.readStored(entry.collection, entry.id);
          writes.push([conflictKey(entry.collection, entry.id), { collection: entry.collection, id: entry.id, local, remote: outcome.current } satisfies SyncConflict]);
        } else {
          writes.push([
            `${FAILED}${next.slice(OUTBOX.length)}`,
            {
              key: `${FAILED}${next.slice(OUTBOX.length)}`,
              collection: entry.collection,
              id: entry.id,
              op: entry.op,
              status: outcome.status,
              message: outcome.message,
              issues: outcome.issues,
            } satisfies SyncFailure,
          ]);
        }
        await this.commitAndApply(writes, [], 'local');
      });
    }
  }

  /** Applies the server's changes feed from where this device left off. */
  private async pull(): Promise<'done' | Exclude<Outcome<unknown>, { kind: 'ok' | 'conflict' | 'rejected' }>> {
    for (;;) {
      if (this.closed) return 'done';
      const { lastSeq } = await this.exclusive(() => this.readMeta());
      const outcome = await this.client.changes(lastSeq, PULL_PAGE, this.lifetime.signal);
      if (outcome.kind === 'transient' || outcome.kind === 'unauthorized') return outcome;
      if (outcome.kind !== 'ok') {
        if (outcome.kind === 'rejected' && outcome.issues.some((i) => i.path === 'since')) {
          // The server's data was reset or restored: read it all again from the start.
          await this.exclusive(async () => this.commitAndApply([[META, { ...(await this.readMeta()), lastSeq: 0 }]], [], 'remote'));
          continue;
        }
        return { kind: 'transient', reason: 'server', message: outcome.kind === 'rejected' ? outcome.message : 'The changes feed answered with a conflict.' };
      }
      const page = outcome.value;
      await this.exclusive(async () => {
        const writes: BackendWrite[] = [];
        const applied: { collection: CollectionName; stored: Stored<unknown> }[] = [];
        const waiting = new Set([...this.outbox.values()].map((e) => recordKey(e.collection, e.id)));
        for (const { collection, stored } of page.changes) {
          if ((await this.serverRev(collection, stored.id)) === stored.rev) continue; // this device's own change, come back round
          const local = await this.readStored(collection, stored.id);
          if (waiting.has(recordKey(collection, stored.id)) || this.conflicts.has(conflictKey(collection, stored.id))) {
            // Changed here and elsewhere: keep both for the person to choose.
            writes.push(...this.dropWaiting(collection, stored.id));
            writes.push([conflictKey(collection, stored.id), { collection, id: stored.id, local, remote: stored } satisfies SyncConflict]);
            continue;
          }
          const checked = this.checkRemote(collection, stored);
          if ('issues' in checked) {
            const key = `${FAILED}pull-${collection}-${stored.id}`;
            writes.push([key, { key, collection, id: stored.id, op: 'put', status: 200, message: `The server sent a ${collection} record that does not read.`, issues: checked.issues } satisfies SyncFailure]);
            continue;
          }
          const copy = localCopy(checked, local);
          if (copy) {
            writes.push([recordKey(collection, stored.id), toEnvelope(copy)]);
            applied.push({ collection, stored: copy });
          }
          writes.push([serverRevKey(collection, stored.id), stored.rev]);
        }
        writes.push([META, { ...(await this.readMeta()), lastSeq: page.last } satisfies Meta]);
        await this.commitAndApply(writes, applied, 'remote');
      });
      if (!page.hasMore) return 'done';
    }
  }

  /** Deletes of the outbox entries still waiting for one record. */
  private dropWaiting(collection: CollectionName, id: string): BackendWrite[] {
    return [...this.outbox].filter(([, e]) => e.collection === collection && e.id === id).map(([key]): BackendWrite => [key, undefined]);
  }

  /** A record from the server, upgraded and validated like any stored record (it is untrusted input). */
  private checkRemote(collection: CollectionName, stored: Stored<unknown>): Stored<unknown> | { issues: FieldIssue[] } {
    if (stored.deleted) return stored;
    const record = stored.record as Record<string, unknown> | null;
    if (!record || typeof record !== 'object' || Array.isArray(record)) return { issues: [{ path: 'record', message: 'must be an object' }] };
    const spec = this.specs[collection];
    const upgraded = upgradeRecord<unknown>(spec, record, stored.id);
    if (upgraded.ok) return { ...stored, record: upgraded.record };
    return { issues: upgradeIssues(upgraded, spec.version, '', () => `must be ${stored.id}, the id it was sent under`) };
  }
}

/** The server's version as this device keeps it: its content under a new local revision. */
function localCopy(remote: Stored<unknown>, local: Stored<unknown> | undefined): Stored<unknown> | undefined {
  if (remote.deleted) {
    if (local?.deleted) return undefined;
    return { id: remote.id, rev: nextRev(local?.rev), deleted: true, deletedAt: remote.deletedAt };
  }
  return { id: remote.id, rev: nextRev(local?.rev), deleted: false, record: remote.record };
}


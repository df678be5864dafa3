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
import type { BackendWrite } from '../backend.js';
import { recordKey, SYNC_PREFIX, toEnvelope } from '../envelope.js';
import { NotFoundError, UnauthorizedError } from '../errors.js';
import { IndexedDbBackend } from '../indexeddb.js';
import type { AdapterOptions } from '../memory.js';
import type { SyncConflict, SyncingAdapter, SyncState, SyncStatus } from '../sync.js';
import type { CollectionName, Stored } from '../types.js';
import { DEFAULT_BACKOFF, retryDelay, type BackoffOptions } from './backoff.js';
import { conflictKey, enqueueWrites, LEDGER_PREFIXES, META, OUTBOX, readMeta, serverRevKey, SyncLedger, type Meta } from './outbox.js';
import { serverSide, takeChange } from './pull.js';
import { send, settle } from './push.js';
import { DEFAULT_REQUEST_TIMEOUT, RestClient, type GetToken, type Outcome } from './rest-client.js';

export type { OutboxEntry } from './outbox.js';

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

const PULL_PAGE = 500;

/** Why a round stops before it is done: it waits, for the network or for the person to sign in. */
type Pause = Exclude<Outcome<unknown>, { kind: 'ok' | 'conflict' | 'rejected' }>;

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
   * other tabs, and read again at the start of each round.
   */
  private readonly ledger = new SyncLedger();
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
    this.ledger.clear();
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
      pending: this.ledger.outbox.size,
      conflicts: [...this.ledger.conflicts.values()],
      failures: [...this.ledger.failures.values()],
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
        if (local) writes.push(...enqueueWrites(await this.readMeta(), collection, local));
        await this.commitAndApply(writes, [], 'local');
        return;
      }
      const taken = serverSide(id, remote, await this.readStored(collection, id));
      if (taken) writes.push([recordKey(collection, id), toEnvelope(taken)]);
      await this.commitAndApply(writes, taken ? [{ collection, stored: taken }] : [], 'remote');
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

  protected override takeInternal(key: string, raw: unknown): void {
    if (this.ledger.file(key, raw)) this.announce();
    // Another tab queued a change: whichever tab holds the sync lock sends it.
    if (key.startsWith(OUTBOX) && raw !== undefined) this.schedule(0);
  }

  protected override committed(writes: readonly BackendWrite[]): void {
    let changed = false;
    let queued = false;
    for (const [key, value] of writes) {
      if (!key.startsWith(SYNC_PREFIX)) continue;
      if (this.ledger.file(key, value)) changed = true;
      if (key.startsWith(OUTBOX) && value !== undefined) queued = true;
    }
    if (changed) this.announce();
    // Only now that the entry is stored: a round started before the commit would find nothing.
    if (queued) this.schedule(0);
  }

  /** The outbox entry that sends the record as written, committed with it. */
  protected override async extraWrites(collection: CollectionName, next: Stored<unknown>): Promise<BackendWrite[]> {
    return enqueueWrites(await this.readMeta(), collection, next);
  }

  private async readMeta(): Promise<Meta> {
    return readMeta(await this.readInternal(META));
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
    const read = await Promise.all(LEDGER_PREFIXES.map((prefix) => this.replica.readPrefix(prefix)));
    if (this.ledger.reload(read)) this.announce();
  }

  /** The server's revision of a record, as this device last heard it; null when it has none. */
  private async serverRev(collection: CollectionName, id: string): Promise<string | null> {
    return ((await this.readInternal(serverRevKey(collection, id))) as string | undefined) ?? null;
  }

  /** Stops this round for a reason, and says when to try again. */
  private pause(reason: Pause): void {
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
  private async push(): Promise<'done' | Pause> {
    for (;;) {
      if (this.closed) return 'done';
      const next = this.ledger.nextToSend();
      if (!next) return 'done';
      const entry = this.ledger.outbox.get(next)!;
      // If-Match carries the server revision as it is now: an earlier change to the same record,
      // sent a moment ago, moved it on.
      const outcome = await send(this.client, entry, await this.serverRev(entry.collection, entry.id), this.lifetime.signal);
      if (outcome.kind === 'transient' || outcome.kind === 'unauthorized') return outcome;
      await this.exclusive(async () => {
        const writes = await settle(this.ledger, next, entry, outcome, () => this.readStored(entry.collection, entry.id));
        await this.commitAndApply(writes, [], 'local');
      });
    }
  }

  /** Applies the server's changes feed from where this device left off. */
  private async pull(): Promise<'done' | Pause> {
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
        const waiting = this.ledger.waitingRecords();
        for (const { collection, stored } of page.changes) {
          if ((await this.serverRev(collection, stored.id)) === stored.rev) continue; // this device's own change, come back round
          const local = await this.readStored(collection, stored.id);
          const taken = takeChange(this.ledger, waiting, this.specs[collection], collection, stored, local);
          writes.push(...taken.writes);
          if (taken.applied) applied.push({ collection, stored: taken.applied });
        }
        writes.push([META, { ...(await this.readMeta()), lastSeq: page.last } satisfies Meta]);
        await this.commitAndApply(writes, applied, 'remote');
      });
      if (!page.hasMore) return 'done';
    }
  }
}

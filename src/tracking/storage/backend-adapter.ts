import { deepFreeze, type Backend, type BackendWrite } from './backend.js';
import { defaultCollections, type CollectionSpecs } from './collections.js';
import { decodeEntry, IDEMPOTENCY_PREFIX, nextRev, parseKey, recordKey, toEnvelope, type Decoded } from './envelope.js';
import { ConflictError, NotFoundError, QuotaError, StorageError, ValidationError, VersionTooNewError, isQuotaExceeded } from './errors.js';
import { pruneIdempotency, readIdempotency, type IdempotencyRecord } from './idempotency.js';
import { compareIndexed, pageOf, type Indexed } from './ordered-index.js';
import {
  COLLECTIONS,
  type ChangeOrigin,
  type CollectionName,
  type CollectionRecords,
  type ListQuery,
  type Page,
  type QuarantinedItem,
  type QuarantineResolution,
  type StorageAdapter,
  type StorageChange,
  type Stored,
  type StoredOf,
  type UsageEstimate,
  type WriteOptions,
} from './types.js';

export interface BackendAdapterOptions {
  /** Record shapes, versions and migrations; the built-in ones by default. */
  collections?: CollectionSpecs;
}

/** Migrated records are written back in batches, each its own step: an interrupted run resumes. */
const MIGRATION_BATCH = 250;

/**
 * The storage contract built on a key-value `Backend`: every built-in adapter is this class over
 * its own backend, so all of them behave the same way.
 *
 * It reads everything once on open (validating, migrating and quarantining as it goes) and keeps
 * an in-memory index, so `get` and `list` cost no I/O. Writes read the current value from the
 * backend itself (not the index) under a cross-tab lock, so a revision check sees what another tab
 * wrote a moment ago.
 */
export class BackendAdapter implements StorageAdapter {
  readonly kind: string;
  protected readonly specs: CollectionSpecs;
  private readonly index = new Map<CollectionName, Map<string, Indexed>>(COLLECTIONS.map((c) => [c, new Map()]));
  /** Live records in time order, per collection; rebuilt on demand after a change. */
  private readonly sorted = new Map<CollectionName, Indexed[]>();
  private readonly quarantine = new Map<string, QuarantinedItem>();
  private readonly listeners = new Set<(change: StorageChange) => void>();
  private opening: Promise<void> | undefined;
  private unwatch: (() => void) | undefined;

  constructor(
    protected readonly backend: Backend,
    options: BackendAdapterOptions = {},
  ) {
    this.kind = backend.kind;
    this.specs = options.collections ?? defaultCollections;
  }

  open(): Promise<void> {
    this.opening ??= this.load().catch((error: unknown) => {
      this.opening = undefined;
      throw error;
    });
    return this.opening;
  }

  private async load(): Promise<void> {
    await this.backend.open();
    const entries = await this.backend.readAll();
    const migrated: Decoded[] = [];
    const idempotency: [string, IdempotencyRecord | undefined][] = [];
    for (const [key, raw] of entries) {
      const decoded = decodeEntry(this.specs, key, raw);
      this.take(key, decoded);
      if (decoded.kind === 'record' && decoded.migrated) migrated.push(decoded);
      if (decoded.kind === 'internal') {
        if (key.startsWith(IDEMPOTENCY_PREFIX)) idempotency.push([key, readIdempotency(raw)]);
        else this.takeInternal(key, raw);
      }
    }
    const unwatch = this.backend.watch((keys) =>
      this.refresh(keys).catch((error: unknown) => {
        // Closed while reading another tab's keys: nobody is left to tell. Otherwise it is a real
        // read failure, and must not go unseen.
        if (this.unwatch === unwatch) reportError(error);
      }),
    );
    this.unwatch = unwatch;
    await this.writeBackMigrated(migrated);
    await this.pruneIdempotency(idempotency);
  }

  /**
   * Writes migrated records back in batches. Each batch re-reads its records under the lock and
   * writes only those still at the revision that was migrated, so a run cut short (a closed tab)
   * or two tabs migrating at once converge on the same data with nothing lost.
   */
  private async writeBackMigrated(migrated: Decoded[]): Promise<void> {
    for (let start = 0; start < migrated.length; start += MIGRATION_BATCH) {
      const batch = migrated.slice(start, start + MIGRATION_BATCH);
      await this.backend.exclusive(async () => {
        const writes: BackendWrite[] = [];
        for (const entry of batch) {
          if (entry.kind !== 'record') continue;
          const key = recordKey(entry.collection, entry.stored.id);
          const now = decodeEntry(this.specs, key, await this.backend.read(key));
          if (now.kind === 'record' && now.stored.rev === entry.stored.rev && now.migrated) writes.push([key, toEnvelope(now.stored)]);
        }
        if (writes.length) await this.commit(writes);
      });
    }
  }

  private async pruneIdempotency(entries: [string, IdempotencyRecord | undefined][]): Promise<void> {
    const drop = pruneIdempotency(entries);
    if (drop.length) await this.backend.exclusive(() => this.commit(drop));
  }

  /** Files a decoded entry in the index or the quarantine. */
  private take(key: string, decoded: Decoded): void {
    this.quarantine.delete(key);
    const place = parseKey(key);
    if (place && 'collection' in place) {
      this.index.get(place.collection)!.delete(place.id);
      this.sorted.delete(place.collection);
    }
    if (decoded.kind === 'quarantine') this.quarantine.set(key, decoded.item);
    if (decoded.kind === 'record') {
      const { collection, stored } = decoded;
      // Records are frozen as they enter the index and handed out as they are: nobody can change
      // stored data by editing what get, list, put or a change event gave them, and reading
      // 10,000 records copies nothing. (Spread a record to edit it.)
      this.index.get(collection)!.set(stored.id, { stored: deepFreeze(stored), time: this.timeOf(collection, stored) });
    }
  }

  private timeOf(collection: CollectionName, stored: Stored<unknown>): number {
    if (stored.deleted) return Date.parse(stored.deletedAt);
    return Date.parse((this.specs[collection].timeOf as (r: unknown) => string)(stored.record));
  }

  /** Another tab wrote these keys (or who knows what): read them again and tell the listeners. */
  private async refresh(changed: string[] | 'all'): Promise<void> {
    const keys = changed === 'all' ? await this.everyKey() : changed;
    for (const key of keys) {
      const raw = await this.backend.read(key);
      const place = parseKey(key);
      if (place && 'internal' in place) {
        if (!key.startsWith(IDEMPOTENCY_PREFIX)) this.takeInternal(key, raw);
        continue;
      }
      if (raw === undefined) {
        // Deleted outright (a discarded quarantine item, or storage cleared by the site). Views
        // still need to drop the record: tell them as if it had been removed.
        this.quarantine.delete(key);
        if (place && 'collection' in place && this.index.get(place.collection)!.delete(place.id)) {
          this.sorted.delete(place.collection);
          const gone = { id: place.id, rev: '0-cleared', deleted: true, deletedAt: new Date().toISOString() } as const;
          this.emit(place.collection, gone, 'other-tab');
        }
        continue;
      }
      const decoded = decodeEntry(this.specs, key, raw);
      this.take(key, decoded);
      if (decoded.kind === 'record') this.emit(decoded.collection, decoded.stored, 'other-tab');
    }
  }

  /** Every key the index, the quarantine or the backend knows of. */
  private async everyKey(): Promise<string[]> {
    const keys = new Set([...this.quarantine.keys(), ...(await this.backend.readAll()).keys()]);
    for (const [collection, entries] of this.index) for (const id of entries.keys()) keys.add(recordKey(collection, id));
    return [...keys];
  }

  private emit(collection: CollectionName, stored: Stored<unknown>, origin: ChangeOrigin): void {
    const change = { collection, id: stored.id, stored, origin } as StorageChange;
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        // A broken listener must not break storage, nor go unseen.
        reportError(error);
      }
    }
  }

  /** Records a write this tab made. */
  protected applyLocal(collection: CollectionName, stored: Stored<unknown>, origin: ChangeOrigin = 'local'): void {
    this.take(recordKey(collection, stored.id), { kind: 'record', collection, stored, migrated: false });
    this.emit(collection, stored, origin);
  }

  private async commit(writes: readonly BackendWrite[]): Promise<void> {
    try {
      await this.backend.commit(writes);
    } catch (error) {
      if (error instanceof StorageError) throw error;
      if (isQuotaExceeded(error)) throw new QuotaError({ cause: error });
      throw error;
    }
    this.committed(writes);
  }

  // -------------------------------------------------------------------------------------------
  // For adapters built on this one (the remote adapter keeps its outbox beside the records, so a
  // record and the change to send are written in one commit).
  // -------------------------------------------------------------------------------------------

  /** Entries of a subclass's own (`sync/…`) as read on open, or written by another tab (`undefined`: deleted). */
  protected takeInternal(_key: string, _raw: unknown): void {}

  /** Called after every commit this tab makes, with what it wrote. */
  protected committed(_writes: readonly BackendWrite[]): void {}

  /** More entries to commit with a record write, inside its lock: the outbox entry for it, say. */
  protected extraWrites(_collection: CollectionName, _next: Stored<unknown>, _options: WriteOptions): Promise<BackendWrite[]> | BackendWrite[] {
    return [];
  }

  /** Runs `task` under the backend's cross-tab lock. */
  protected exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.backend.exclusive(task);
  }

  /** A record as stored now (not from the index); undefined when absent or unreadable. Call under `exclusive`. */
  protected async readStored(collection: CollectionName, id: string): Promise<Stored<unknown> | undefined> {
    const key = recordKey(collection, id);
    const raw = await this.backend.read(key);
    if (raw === undefined) return undefined;
    const decoded = decodeEntry(this.specs, key, raw);
    return decoded.kind === 'record' ? decoded.stored : undefined;
  }

  /** The raw value of one of a subclass's own keys, as stored now. Call under `exclusive`. */
  protected readInternal(key: string): Promise<unknown> {
    return this.backend.read(key);
  }

  /**
   * Commits `writes` as one step, then files `records` in the index and tells the listeners with
   * `origin`. Call under `exclusive`; each record's own entry must be among `writes`.
   */
  protected async commitAndApply(writes: readonly BackendWrite[], records: readonly { collection: CollectionName; stored: Stored<unknown> }[], origin: ChangeOrigin): Promise<void> {
    await this.commit(writes);
    for (const { collection, stored } of records) this.applyLocal(collection, stored, origin);
  }

  async get<C extends CollectionName>(collection: C, id: string): Promise<StoredOf<C> | undefined> {
    await this.open();
    return this.index.get(collection)!.get(id)?.stored as StoredOf<C> | undefined;
  }

  async list<C extends CollectionName>(collection: C, query: ListQuery = {}): Promise<Page<CollectionRecords[C]>> {
    await this.open();
    return pageOf(this.inOrder(collection, query.includeDeleted === true), query) as Page<CollectionRecords[C]>;
  }

  private inOrder(collection: CollectionName, includeDeleted: boolean): Indexed[] {
    if (includeDeleted) return [...this.index.get(collection)!.values()].sort(compareIndexed);
    let sorted = this.sorted.get(collection);
    if (!sorted) {
      sorted = [...this.index.get(collection)!.values()].filter((e) => !e.stored.deleted).sort(compareIndexed);
      this.sorted.set(collection, sorted);
    }
    return sorted;
  }

  async put<C extends CollectionName>(collection: C, record: CollectionRecords[C], options: WriteOptions): Promise<StoredOf<C>> {
    await this.open();
    const spec = this.specs[collection];
    const version = (record as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (typeof version === 'number' && version > spec.version) throw new VersionTooNewError(version, spec.version);
    const result = spec.validate(record);
    if (!result.ok) throw new ValidationError(result.issues);
    const valid = result.value as CollectionRecords[C] & { id: string };
    return this.write(collection, valid.id, options, (current) => {
      if (options.expectedRev === null ? current !== undefined : current?.rev !== options.expectedRev) {
        throw new ConflictError(current, current ? 'This record was changed elsewhere since it was read.' : 'This record no longer exists.');
      }
      return { id: valid.id, rev: nextRev(current?.rev), deleted: false, record: valid };
    });
  }

  async remove<C extends CollectionName>(collection: C, id: string, options: WriteOptions & { expectedRev: string }): Promise<StoredOf<C>> {
    await this.open();
    return this.write(collection, id, options, (current) => {
      if (!current) throw new NotFoundError(collection, id);
      if (current.rev !== options.expectedRev) throw new ConflictError(current);
      // Removing what is already removed, at its revision, is a no-op: the caller's intent holds.
      if (current.deleted) return current;
      return { id, rev: nextRev(current.rev), deleted: true, deletedAt: new Date().toISOString() };
    });
  }

  /**
   * One write as one step under the cross-tab lock: replay an idempotency key already used, else
   * read the current value from the backend, let `decide` check it and build the new one, commit
   * the record and the idempotency key together, then update the index and tell the listeners.
   */
  private write<C extends CollectionName>(
    collection: C,
    id: string,
    { idempotencyKey }: WriteOptions,
    decide: (current: Stored<unknown> | undefined) => Stored<unknown>,
  ): Promise<StoredOf<C>> {
    const key = recordKey(collection, id);
    return this.backend.exclusive(async () => {
      const raw = await this.backend.read(key);
      const decoded = raw === undefined ? undefined : decodeEntry(this.specs, key, raw);
      if (decoded?.kind === 'quarantine') {
        throw new ConflictError(undefined, 'A stored value that could not be read holds this id; resolve it in the quarantine first.');
      }
      const current = decoded?.kind === 'record' ? decoded.stored : undefined;
      const idemKey = idempotencyKey ? IDEMPOTENCY_PREFIX + idempotencyKey : undefined;
      if (idemKey && current) {
        // The same request again (a retry after a lost reply): answer with what it wrote.
        const seen = readIdempotency(await this.backend.read(idemKey));
        if (seen && seen.collection === collection && seen.id === id) {
          // The first attempt may have been written and then reported as failed: make sure this
          // tab's index (and its listeners) have what is stored.
          if (this.index.get(collection)!.get(id)?.stored.rev !== current.rev) this.applyLocal(collection, current);
          return current as StoredOf<C>;
        }
      }
      const next = decide(current);
      if (next === current) return next as StoredOf<C>;
      const writes: BackendWrite[] = [[key, toEnvelope(next)]];
      if (idemKey) writes.push([idemKey, { collection, id, rev: next.rev, at: new Date().toISOString() } satisfies IdempotencyRecord]);
      writes.push(...(await this.extraWrites(collection, next, { idempotencyKey, expectedRev: current?.rev ?? null })));
      await this.commit(writes);
      this.applyLocal(collection, next);
      return next as StoredOf<C>;
    });
  }

  subscribe(listener: (change: StorageChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async listQuarantine(): Promise<QuarantinedItem[]> {
    await this.open();
    return [...this.quarantine.values()];
  }

  async resolveQuarantine(key: string, resolution: QuarantineResolution): Promise<void> {
    await this.open();
    if (!this.quarantine.has(key)) throw new NotFoundError('quarantine', key);
    await this.backend.exclusive(async () => {
      if (resolution.action === 'discard') {
        await this.commit([[key, undefined]]);
        this.quarantine.delete(key);
        return;
      }
      if (resolution.action === 'retry') {
        const decoded = decodeEntry(this.specs, key, await this.backend.read(key));
        this.take(key, decoded);
        if (decoded.kind === 'record') this.emit(decoded.collection, decoded.stored, 'local');
        return;
      }
      const place = parseKey(key);
      if (!place || !('collection' in place)) throw new StorageError('validation', 'Only a record key can be replaced with a record.');
      const result = this.specs[place.collection].validate(resolution.record);
      if (!result.ok) throw new ValidationError(result.issues);
      if ((result.value as { id: string }).id !== place.id) throw new ValidationError([{ path: 'id', message: `must be ${place.id}` }]);
      const stored: Stored<unknown> = { id: place.id, rev: nextRev(undefined), deleted: false, record: result.value };
      await this.commit([[key, toEnvelope(stored)]]);
      this.applyLocal(place.collection, stored);
    });
  }

  async estimate(): Promise<UsageEstimate> {
    await this.open();
    const records = Object.fromEntries(COLLECTIONS.map((c) => [c, this.inOrder(c, false).length])) as UsageEstimate['records'];
    return { records, ...(await this.backend.estimate()) };
  }

  async close(): Promise<void> {
    this.unwatch?.();
    this.unwatch = undefined;
    this.listeners.clear();
    this.opening = undefined;
    for (const map of this.index.values()) map.clear();
    this.sorted.clear();
    this.quarantine.clear();
    await this.backend.close();
  }
}

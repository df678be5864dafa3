import { BackendAdapter } from './backend-adapter.js';
import { checkNamespace, lockedTask, type Backend, type BackendWrite } from './backend.js';
import { QuotaError, UnavailableError, isQuotaExceeded } from './errors.js';
import type { AdapterOptions } from './memory.js';

/**
 * Keeps each record under its own localStorage key, `loadwise:<namespace>:<collection>/<id>`, as
 * JSON. One key per record means a corrupted value costs one record (quarantined), a write
 * rewrites one small value, and the `storage` event tells other tabs exactly what changed.
 * Keys outside the `loadwise:<namespace>:` prefix are never read or written.
 */
export class LocalStorageBackend implements Backend {
  readonly kind = 'local';
  private readonly prefix: string;
  private readonly lockName: string;
  private readonly queue = { tail: Promise.resolve() as Promise<unknown> };
  private storage: Storage | undefined;
  /** What the running exclusive task committed: relative key and fingerprint of the stored text. */
  private committed: [string, string][] | undefined;
  /** Keys of this tab's standing announcement, and how to withdraw it (see `exclusive`). */
  private announcedKeys = new Set<string>();
  private withdraw: (() => void) | undefined;
  private readonly onStorage = (event: StorageEvent) => {
    // Someone wrote one of the keys announced here since: the announcement is theirs to make now.
    if (event.storageArea !== this.storage) return;
    if (event.key === null || (event.key.startsWith(this.prefix) && this.announcedKeys.has(event.key.slice(this.prefix.length)))) {
      this.withdrawAnnouncement();
    }
  };

  constructor(readonly namespace: string) {
    this.prefix = `loadwise:${checkNamespace(namespace)}:`;
    this.lockName = `loadwise:local:${namespace}`;
  }

  async open(): Promise<void> {
    try {
      // Reading the property itself throws where storage is blocked (sandboxed frames, some privacy modes).
      this.storage = globalThis.localStorage;
      this.storage.getItem(this.prefix);
    } catch (error) {
      throw new UnavailableError('This browser blocks localStorage for this page.', { cause: error });
    }
    removeEventListener('storage', this.onStorage);
    addEventListener('storage', this.onStorage);
  }

  private get area(): Storage {
    if (!this.storage) throw new UnavailableError('localStorage was used before it was opened.');
    return this.storage;
  }

  async readAll(): Promise<Map<string, unknown>> {
    const area = this.area;
    const entries = new Map<string, unknown>();
    for (let i = 0; i < area.length; i++) {
      const key = area.key(i);
      if (key?.startsWith(this.prefix)) entries.set(key.slice(this.prefix.length), area.getItem(key));
    }
    return entries;
  }

  async read(key: string): Promise<unknown> {
    return this.area.getItem(this.prefix + key) ?? undefined;
  }

  /**
   * localStorage has no transactions: writes go in order, and if one fails for lack of space the
   * ones before it in this commit are put back as they were, so a record and its idempotency key
   * are written together or not at all.
   */
  async commit(writes: readonly BackendWrite[]): Promise<void> {
    const area = this.area;
    const before: [string, string | null][] = [];
    const done: [string, string][] = [];
    try {
      for (const [key, value] of writes) {
        const full = this.prefix + key;
        before.push([full, area.getItem(full)]);
        const text = value === undefined ? null : JSON.stringify(value);
        if (text === null) area.removeItem(full);
        else area.setItem(full, text);
        done.push([key, fingerprint(text)]);
      }
      this.committed?.push(...done);
    } catch (error) {
      for (const [full, old] of before.reverse()) {
        if (old === null) area.removeItem(full);
        else area.setItem(full, old);
      }
      if (isQuotaExceeded(error)) throw new QuotaError({ cause: error });
      throw error;
    }
  }

  /**
   * Runs `task` under a Web Lock shared by every tab of the origin. The lock alone is not enough
   * with localStorage: each tab reads from its own copy of the storage, and a write reaches the
   * other tabs' copies a moment after the writer has let go of the lock, so the next tab to take
   * it could check a revision against a value already overwritten, and both writes would "win".
   * So a tab that wrote announces what it wrote (keys and fingerprints, in the name of a shared
   * lock it keeps holding: the lock manager is one consistent place all tabs can read), and the
   * next tab to take the lock first waits until its copy shows those values.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    if (typeof navigator === 'undefined' || !navigator.locks) return lockedTask(this.lockName, task, this.queue);
    return lockedTask(
      this.lockName,
      async () => {
        await this.catchUp();
        this.committed = [];
        try {
          return await task();
        } finally {
          const committed = this.committed;
          this.committed = undefined;
          if (committed.length) await this.announce(committed);
        }
      },
      this.queue,
    );
  }

  /** Holds a shared lock whose name tells what this commit wrote, until the next one or `close`. */
  private announce(entries: [string, string][]): Promise<void> {
    const name = `${this.lockName}|${JSON.stringify([performance.timeOrigin + performance.now(), entries])}`;
    return new Promise<void>((granted) => {
      void navigator.locks.request(name, { mode: 'shared' }, () => {
        this.withdrawAnnouncement();
        this.announcedKeys = new Set(entries.map(([key]) => key));
        granted();
        return new Promise<void>((release) => (this.withdraw = release));
      });
    });
  }

  private withdrawAnnouncement(): void {
    this.withdraw?.();
    this.withdraw = undefined;
    this.announcedKeys = new Set();
  }

  /**
   * Waits until this tab's copy of localStorage shows the latest announced value of each key. A
   * value that never arrives (its writer's tab closed as it wrote; storage cleared) stops the wait
   * after a second rather than blocking every write.
   */
  private async catchUp(): Promise<void> {
    const { held = [] } = await navigator.locks.query();
    const latest = new Map<string, [at: number, fingerprint: string]>();
    for (const { name } of held) {
      if (!name?.startsWith(`${this.lockName}|`)) continue;
      try {
        const [at, entries] = JSON.parse(name.slice(this.lockName.length + 1)) as [number, [string, string][]];
        for (const [key, print] of entries) {
          const seen = latest.get(key);
          if (!seen || seen[0] < at) latest.set(key, [at, print]);
        }
      } catch {
        // Not an announcement this version understands.
      }
    }
    const behind = () => [...latest].some(([key, [, print]]) => fingerprint(this.area.getItem(this.prefix + key)) !== print);
    if (!behind()) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        removeEventListener('storage', check);
        resolve();
      };
      const check = () => {
        if (!behind()) done();
      };
      const timer = setTimeout(done, CATCH_UP_LIMIT_MS);
      addEventListener('storage', check);
    });
  }

  watch(onChange: (keys: string[] | 'all') => void): () => void {
    const listener = (event: StorageEvent) => {
      if (event.storageArea !== this.storage) return;
      // A null key: the whole area was cleared in another tab.
      if (event.key === null) onChange('all');
      else if (event.key.startsWith(this.prefix)) onChange([event.key.slice(this.prefix.length)]);
    };
    addEventListener('storage', listener);
    return () => removeEventListener('storage', listener);
  }

  async estimate() {
    let chars = 0;
    for (const [key, value] of await this.readAll()) chars += this.prefix.length + key.length + String(value).length;
    // Browsers count localStorage in UTF-16 code units: two bytes each.
    const persisted = await navigator.storage?.persisted?.().catch(() => undefined);
    return { bytes: chars * 2, ...(persisted === undefined ? {} : { persisted }) };
  }

  async close(): Promise<void> {
    removeEventListener('storage', this.onStorage);
    this.withdrawAnnouncement();
  }
}

/** How long a write waits for another tab's announced write to reach this tab's copy (see `catchUp`). */
const CATCH_UP_LIMIT_MS = 1000;

/** A short fingerprint of a stored text (FNV-1a), or of its absence. */
function fingerprint(text: string | null): string {
  if (text === null) return '-';
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${text.length.toString(36)}.${(hash >>> 0).toString(36)}`;
}

/** The default: localStorage, namespaced. Survives reloads; shared live between tabs. */
export class LocalStorageAdapter extends BackendAdapter {
  constructor({ namespace = 'default', ...options }: AdapterOptions = {}) {
    super(new LocalStorageBackend(namespace), options);
  }
}

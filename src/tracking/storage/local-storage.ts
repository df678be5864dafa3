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
  private readonly queue = { tail: Promise.resolve() as Promise<unknown> };
  private storage: Storage | undefined;

  constructor(readonly namespace: string) {
    this.prefix = `loadwise:${checkNamespace(namespace)}:`;
  }

  async open(): Promise<void> {
    try {
      // Reading the property itself throws where storage is blocked (sandboxed frames, some privacy modes).
      this.storage = globalThis.localStorage;
      this.storage.getItem(this.prefix);
    } catch (error) {
      throw new UnavailableError('This browser blocks localStorage for this page.', { cause: error });
    }
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
    try {
      for (const [key, value] of writes) {
        const full = this.prefix + key;
        before.push([full, area.getItem(full)]);
        if (value === undefined) area.removeItem(full);
        else area.setItem(full, JSON.stringify(value));
      }
    } catch (error) {
      for (const [full, old] of before.reverse()) {
        if (old === null) area.removeItem(full);
        else area.setItem(full, old);
      }
      if (isQuotaExceeded(error)) throw new QuotaError({ cause: error });
      throw error;
    }
  }

  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return lockedTask(`loadwise:local:${this.namespace}`, task, this.queue);
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

  async close(): Promise<void> {}
}

/** The default: localStorage, namespaced. Survives reloads; shared live between tabs. */
export class LocalStorageAdapter extends BackendAdapter {
  constructor({ namespace = 'default', ...options }: AdapterOptions = {}) {
    super(new LocalStorageBackend(namespace), options);
  }
}

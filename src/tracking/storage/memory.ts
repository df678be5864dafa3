import { BackendAdapter, type BackendAdapterOptions } from './backend-adapter.js';
import { checkNamespace, lockedTask, type Backend, type BackendWrite } from './backend.js';

/**
 * Keeps entries in a Map for the life of the page: for demos, tests, previews and private
 * browsing. Values are structured-cloned in and out, so callers can never change what is stored
 * by mutating an object they hold.
 */
export class MemoryBackend implements Backend {
  readonly kind = 'memory';
  private readonly entries = new Map<string, unknown>();
  private readonly queue = { tail: Promise.resolve() as Promise<unknown> };
  /** Two memory adapters on one namespace are still two stores: each locks only itself. */
  private readonly instance = crypto.randomUUID();

  constructor(readonly namespace: string) {
    checkNamespace(namespace);
  }

  async open(): Promise<void> {}

  async readAll(): Promise<Map<string, unknown>> {
    return new Map([...this.entries].map(([k, v]) => [k, structuredClone(v)]));
  }

  async read(key: string): Promise<unknown> {
    return structuredClone(this.entries.get(key));
  }

  async commit(writes: readonly BackendWrite[]): Promise<void> {
    const cloned = writes.map(([key, value]) => [key, structuredClone(value)] as const);
    for (const [key, value] of cloned) {
      if (value === undefined) this.entries.delete(key);
      else this.entries.set(key, value);
    }
  }

  exclusive<T>(task: () => Promise<T>): Promise<T> {
    // Memory is per page: no other tab shares it, so a queue within the page is enough.
    return lockedTask(`loadwise-memory-${this.namespace}-${this.instance}`, task, this.queue);
  }

  watch(): () => void {
    return () => {};
  }

  async estimate() {
    return {};
  }

  async close(): Promise<void> {}
}

export interface AdapterOptions extends BackendAdapterOptions {
  /** Keeps two sites' or two widgets' data apart: `default` unless set. */
  namespace?: string;
}

/** Storage that lasts as long as the page: nothing is written to disk. */
export class MemoryAdapter extends BackendAdapter {
  constructor({ namespace = 'default', ...options }: AdapterOptions = {}) {
    super(new MemoryBackend(namespace), options);
  }
}

import { BackendAdapter, type BackendAdapterOptions } from './backend-adapter.js';
import { checkNamespace, deepFreeze, queuedTask, type Backend, type BackendWrite } from './backend.js';

/**
 * Keeps entries in a Map for the life of the page: for demos, tests, previews and private
 * browsing. Values are copied and frozen as they are committed, so nobody can change what is
 * stored by mutating an object they hold, and reads hand out the frozen values without copying.
 */
export class MemoryBackend implements Backend {
  readonly kind = 'memory';
  private readonly entries = new Map<string, unknown>();
  private readonly queue = { tail: Promise.resolve() as Promise<unknown> };

  constructor(readonly namespace: string) {
    checkNamespace(namespace);
  }

  async open(): Promise<void> {}

  async readAll(): Promise<Map<string, unknown>> {
    return new Map(this.entries);
  }

  async read(key: string): Promise<unknown> {
    return this.entries.get(key);
  }

  async commit(writes: readonly BackendWrite[]): Promise<void> {
    const cloned = writes.map(([key, value]) => [key, deepFreeze(structuredClone(value))] as const);
    for (const [key, value] of cloned) {
      if (value === undefined) this.entries.delete(key);
      else this.entries.set(key, value);
    }
  }

  exclusive<T>(task: () => Promise<T>): Promise<T> {
    // Memory is per page and per instance: no other tab shares it, so no cross-tab lock is needed.
    return queuedTask(this.queue, task);
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

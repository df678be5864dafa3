/**
 * A test-only tracking element: it finds its store with `TrainingStoreController`, lists the
 * sessions stored there, and lists them again on every change, as the real tracking elements do.
 */
import { LitElement, html, type TemplateResult } from 'lit';
import { waitUntil } from '@open-wc/testing';
import { TrainingStoreController } from '../../../src/tracking/store/store-controller.js';
import { newSession, type TrainingSession } from '../../../src/tracking/model.js';
import type { StorageAdapter } from '../../../src/tracking/storage/types.js';
import { listAll } from '../../../src/tracking/storage/list-all.js';

export class StoreProbe extends LitElement {
  readonly store = new TrainingStoreController(this, { onStoreChange: () => void this.load() });
  /** The ids of the live sessions in the store in use, as last listed. */
  ids: string[] = [];
  /** `ready` failed: the store cannot be used. */
  unavailable = false;

  constructor() {
    super();
    this.store.onChange(() => void this.load());
  }

  async load(): Promise<void> {
    const api = this.store.api;
    if (!api) {
      this.ids = [];
      this.requestUpdate();
      return;
    }
    try {
      await api.ready;
      const ids = (await listAll(api.adapter, 'sessions')).map((item) => item.id);
      if (this.store.api !== api) return;
      this.ids = ids;
      this.unavailable = false;
    } catch {
      if (this.store.api === api) this.unavailable = true;
    }
    this.requestUpdate();
  }

  protected override render(): TemplateResult {
    return html`<p>${this.ids.length} sessions</p>`;
  }
}
customElements.define('store-probe', StoreProbe);

declare global {
  interface HTMLElementTagNameMap {
    'store-probe': StoreProbe;
  }
}

/** A valid session, with a fresh id. */
export function session(overrides: Partial<TrainingSession> = {}): TrainingSession {
  return {
    ...newSession({ modality: 'resistance', startedAt: '2025-03-03T07:30:00.000Z', timeZone: 'Europe/Madrid', durationMin: 45, rpe: 6 }),
    ...overrides,
  };
}

/** Saves a new session through `adapter`; resolves with its id. */
export async function save(adapter: StorageAdapter | undefined): Promise<string> {
  if (!adapter) throw new Error('no adapter to save through');
  const record = session();
  await adapter.put('sessions', record, { expectedRev: null });
  return record.id;
}

/** Waits until the probe lists (or no longer lists) `id`. */
export function untilListed(probe: StoreProbe, id: string, listed = true): Promise<void> {
  return waitUntil(() => probe.ids.includes(id) === listed, `${probe.id || 'probe'} ${listed ? 'never listed' : 'still lists'} ${id}`, {
    timeout: 5000,
  });
}

/** A string of letters fit for a namespace or an id, different on every call. */
export function unique(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

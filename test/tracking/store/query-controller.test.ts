import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import '../../../src/entries/training-store.js';
import type { TrainingStore } from '../../../src/tracking/store/training-store.js';
import { TrainingStoreController } from '../../../src/tracking/store/store-controller.js';
import { StoreQueryController, type QueryContext } from '../../../src/tracking/store/query-controller.js';
import { listAll } from '../../../src/tracking/storage/list-all.js';
import { newGlucoseReading } from '../../../src/tracking/model.js';
import type { StorageAdapter } from '../../../src/tracking/storage/types.js';
import type { StorageErrorDetail } from '../../../src/tracking/store/events.js';
import { save, unique } from './probe.js';

/** A host that lists session ids through the query controller, and counts its reads. */
class QueryProbe extends LitElement {
  readonly store = new TrainingStoreController(this);
  reads = 0;
  /** Set by a test: the next reads throw this. */
  failWith: Error | undefined;
  /** Set by a test: reads wait for this, then answer `answer` instead of listing. */
  gate: Promise<void> | undefined;
  answer: string[] | undefined;
  contexts: QueryContext<string[]>[] = [];
  readonly query = new StoreQueryController<string[]>(this, this.store, {
    collections: ['sessions'],
    read: async (adapter: StorageAdapter, context) => {
      this.reads++;
      this.contexts.push(context);
      const { gate, answer } = this;
      if (gate) {
        await gate;
        return answer!;
      }
      if (this.failWith) throw this.failWith;
      return (await listAll(adapter, 'sessions')).map((item) => item.id);
    },
  });

  protected override render(): TemplateResult {
    const state = this.query.state;
    return html`<p>${state.kind === 'ready' ? `${state.value.length} sessions` : state.kind}</p>`;
  }
}
customElements.define('query-probe', QueryProbe);

const text = (probe: QueryProbe) => probe.shadowRoot!.querySelector('p')!.textContent;

async function inStore(): Promise<{ store: TrainingStore; probe: QueryProbe }> {
  const root = await fixture<HTMLElement>(html`<training-store storage="memory" namespace=${unique('query')}><query-probe></query-probe></training-store>`);
  const probe = root.querySelector<QueryProbe>('query-probe')!;
  await waitUntil(() => probe.query.state.kind === 'ready', 'the first read settles');
  return { store: root as TrainingStore, probe };
}

describe('StoreQueryController', () => {
  it('reads once the store around the host is ready, and renders what it read', async () => {
    const { probe } = await inStore();
    expect(probe.query.value).to.deep.equal([]);
    await probe.updateComplete;
    expect(text(probe)).to.equal('0 sessions');
  });

  it('reads again on a change to the collections it reads, and not on others', async () => {
    const { store, probe } = await inStore();
    const id = await save(store.api!.adapter);
    await waitUntil(() => probe.query.value?.includes(id), 'the new session is read');
    const reads = probe.reads;
    expect(probe.contexts.at(-1)!.change?.collection).to.equal('sessions');
    await store.api!.adapter.put('glucose', newGlucoseReading({ mgdl: 100, context: 'fasting', timeZone: 'UTC', measuredAt: '2026-11-22T07:00:00.000Z' }), { expectedRev: null });
    await probe.query.settled();
    expect(probe.reads, 'a glucose change does not read sessions again').to.equal(reads);
  });

  it('tells a read what the last good read gave', async () => {
    const { probe } = await inStore();
    await probe.query.refresh();
    expect(probe.contexts.at(-1)!.previous).to.deep.equal([]);
  });

  it('drops a read overtaken by a newer one, so a slow answer never replaces a newer one', async () => {
    const { probe } = await inStore();
    let open!: () => void;
    probe.gate = new Promise((resolve) => (open = resolve));
    probe.answer = ['stale'];
    const slow = probe.query.refresh();
    probe.gate = undefined;
    await probe.query.refresh();
    expect(probe.query.value).to.deep.equal([]);
    open();
    await slow;
    expect(probe.query.value, 'the overtaken answer is dropped').to.deep.equal([]);
    expect(probe.query.state.kind).to.equal('ready');
  });

  it('reports a failed read once as a list storage-error, and keeps the last good value', async () => {
    const { store, probe } = await inStore();
    const id = await save(store.api!.adapter);
    await waitUntil(() => probe.query.value?.includes(id));
    const errors: StorageErrorDetail[] = [];
    store.addEventListener('storage-error', (event) => {
      errors.push((event as CustomEvent<StorageErrorDetail>).detail);
      event.preventDefault();
    });
    probe.failWith = new Error('the read failed');
    await probe.query.refresh();
    expect(probe.query.state.kind).to.equal('unavailable');
    expect(probe.query.value, 'the last good value stays').to.deep.equal([id]);
    expect(errors.map((e) => e.operation)).to.deep.equal(['list']);
    await probe.updateComplete;
    expect(text(probe)).to.equal('unavailable');
    probe.failWith = undefined;
    await probe.query.refresh();
    expect(probe.query.state.kind, 'a later read recovers').to.equal('ready');
  });

  it('follows the host to another store, and waits while the store it names is missing', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <training-store id="qa" storage="memory" namespace=${unique('qa')}></training-store>
      <training-store id="qb" storage="memory" namespace=${unique('qb')}></training-store>
      <query-probe store="qa"></query-probe>
    </div>`);
    const b = root.querySelector<TrainingStore>('#qb')!;
    const probe = root.querySelector<QueryProbe>('query-probe')!;
    const inB = await save(b.api!.adapter);
    await waitUntil(() => probe.query.state.kind === 'ready');
    expect(probe.query.value).to.deep.equal([]);
    probe.setAttribute('store', 'qb');
    await waitUntil(() => probe.query.value?.includes(inB), 'reads the store it switched to');
    probe.setAttribute('store', 'nowhere');
    await waitUntil(() => probe.query.state.kind === 'loading', 'no store: back to waiting');
    expect(probe.query.value).to.equal(undefined);
  });
});

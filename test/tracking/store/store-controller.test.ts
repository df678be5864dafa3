import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { TrainingStore } from '../../../src/define.js';
import '../../../src/entries/training-store.js';
import { pageDefaultStore } from '../../../src/tracking/store/page-default.js';
import { LocalStorageAdapter } from '../../../src/tracking/storage/local-storage.js';
import { OfflineError } from '../../../src/tracking/storage/errors.js';
import type { StorageChange } from '../../../src/tracking/storage/types.js';
import type { StorageErrorDetail } from '../../../src/tracking/store/events.js';
import type { TrainingStoreApi } from '../../../src/tracking/store/context.js';
import { save, StoreProbe, unique, untilListed } from './probe.js';

async function render(template: TemplateResult): Promise<HTMLElement> {
  return fixture<HTMLElement>(html`<div>${template}</div>`);
}

const probeIn = (root: ParentNode, id: string) => root.querySelector<StoreProbe>(`#${id}`)!;
const storeIn = (root: ParentNode, id: string) => root.querySelector<TrainingStore>(`#${id}`)!;
const usesStore = (probe: StoreProbe, store: TrainingStore) => !!store.api && probe.store.api === store.api;

describe('TrainingStoreController: store="id"', () => {
  it('links to a store elsewhere on the page, over the one around it', async () => {
    const root = await render(html`<training-store id="near" storage="memory">
        <store-probe id="p" store="far"></store-probe>
      </training-store>
      <training-store id="far" storage="memory" namespace="far"></training-store>`);
    const probe = probeIn(root, 'p');
    expect(probe.store.source).to.equal('linked');
    expect(usesStore(probe, storeIn(root, 'far')), 'the named store wins').to.equal(true);
    const id = await save(storeIn(root, 'far').api?.adapter);
    await untilListed(probe, id);
  });

  it('waits for a named store added to the page later, rather than using the page default', async () => {
    const root = await render(html`<store-probe id="p" store="later"></store-probe>`);
    const probe = probeIn(root, 'p');
    expect(probe.store.source).to.equal('none');
    expect(probe.store.api).to.equal(undefined);

    const store = document.createElement('training-store');
    store.id = 'later';
    store.storage = 'memory';
    root.append(store);
    await waitUntil(() => usesStore(probe, store), 'the probe links to the new store');
    expect(probe.store.source).to.equal('linked');
  });

  it('links to a named store whose element is defined later', async () => {
    const tag = `late-store-${crypto.randomUUID().slice(0, 8)}`;
    const root = await fixture<HTMLElement>(html`<div></div>`);
    root.innerHTML = `<${tag} id="late" storage="memory"></${tag}><store-probe id="p" store="late"></store-probe>`;
    const probe = probeIn(root, 'p');
    expect(probe.store.api).to.equal(undefined);

    customElements.define(tag, class extends TrainingStore {});
    const store = root.querySelector<TrainingStore>(tag)!;
    await waitUntil(() => usesStore(probe, store), 'the probe links once the store is defined');
  });

  it('follows the store attribute when it changes, and falls back when it is removed', async () => {
    const root = await render(html`<training-store id="a" storage="memory" namespace="a"></training-store>
      <training-store id="b" storage="memory" namespace="b"></training-store>
      <store-probe id="p" store="a"></store-probe>`);
    const probe = probeIn(root, 'p');
    expect(usesStore(probe, storeIn(root, 'a'))).to.equal(true);

    probe.setAttribute('store', 'b');
    await waitUntil(() => usesStore(probe, storeIn(root, 'b')), 'the probe follows to store b');

    probe.removeAttribute('store');
    await waitUntil(() => probe.store.source === 'page-default', 'with no store named or around, the page default');
    expect(probe.store.api === pageDefaultStore()).to.equal(true);
  });

  it('follows the named store when its storage switches, and listens only to the store in use', async () => {
    const root = await render(html`<training-store id="a" storage="memory"></training-store>
      <training-store id="b" storage="memory"></training-store>
      <store-probe id="p" store="a"></store-probe>`);
    const probe = probeIn(root, 'p');
    const heard: StorageChange[] = [];
    const stop = probe.store.onChange((change) => heard.push(change));
    const first = storeIn(root, 'a').api;

    storeIn(root, 'a').storage = 'indexeddb';
    storeIn(root, 'a').namespace = unique('linked');
    await storeIn(root, 'a').updateComplete;
    expect(probe.store.api === first, 'a new api').to.equal(false);
    expect(probe.store.adapter?.kind).to.equal('indexeddb');

    probe.setAttribute('store', 'b');
    await waitUntil(() => usesStore(probe, storeIn(root, 'b')), 'the probe follows to store b');
    await save(storeIn(root, 'a').api?.adapter);
    expect(heard.length, 'no longer listening to store a').to.equal(0);
    const id = await save(storeIn(root, 'b').api?.adapter);
    expect(heard.map((c) => c.id)).to.deep.equal([id]);

    stop();
    await save(storeIn(root, 'b').api?.adapter);
    expect(heard.length, 'not after stop()').to.equal(1);
  });

  it('is undefined while the named id belongs to something that is not a store', async () => {
    const root = await render(html`<p id="not-a-store">Hello</p><store-probe id="p" store="not-a-store"></store-probe>`);
    expect(probeIn(root, 'p').store.source).to.equal('none');
    expect(probeIn(root, 'p').store.api).to.equal(undefined);
  });
});

describe('TrainingStoreController: a store defined after its consumers', () => {
  it('takes over from the page default when the store around the element is defined', async () => {
    const tag = `wrap-store-${crypto.randomUUID().slice(0, 8)}`;
    const root = await fixture<HTMLElement>(html`<div></div>`);
    root.innerHTML = `<${tag} storage="memory"><store-probe id="p"></store-probe></${tag}>`;
    const probe = probeIn(root, 'p');
    expect(probe.store.source).to.equal('page-default');

    customElements.define(tag, class extends TrainingStore {});
    const store = root.querySelector<TrainingStore>(tag)!;
    await waitUntil(() => usesStore(probe, store), 'the store around the probe takes over');
    expect(probe.store.source).to.equal('context');
  });
});

describe('TrainingStoreController: the page-default store', () => {
  it('is shared by every element with no store: one localStorage adapter, namespace "default"', async () => {
    const root = await render(html`<store-probe id="a"></store-probe><store-probe id="b"></store-probe>`);
    const [a, b] = [probeIn(root, 'a'), probeIn(root, 'b')];
    expect(a.store.source).to.equal('page-default');
    expect(a.store.api === b.store.api, 'one store for both').to.equal(true);
    expect(a.store.api === pageDefaultStore()).to.equal(true);
    expect(a.store.adapter instanceof LocalStorageAdapter).to.equal(true);
    expect(a.store.api?.namespace).to.equal('default');
    expect(a.store.api?.store).to.equal(undefined);

    // A save through one shows in the other, without a reload.
    const id = await save(a.store.adapter);
    await untilListed(b, id);
    await untilListed(a, id);
  });

  it('is one per page even with two copies of loadwise', async () => {
    const copy = await import(`/src/tracking/store/page-default.ts?copy=${Date.now()}`);
    expect(copy.pageDefaultStore === pageDefaultStore, 'a separate copy of the module').to.equal(false);
    expect(copy.pageDefaultStore() === pageDefaultStore(), 'the same store').to.equal(true);
  });

  it('shows a save made in another document (a same-origin frame) without a reload', async () => {
    const root = await render(html`<store-probe id="p"></store-probe>`);
    const probe = probeIn(root, 'p');
    await probe.store.api?.ready;

    const saved = new Promise<string>((resolve) => {
      const onMessage = (event: MessageEvent<{ savedInFrame?: string }>) => {
        if (!event.data?.savedInFrame) return;
        removeEventListener('message', onMessage);
        resolve(event.data.savedInFrame);
      };
      addEventListener('message', onMessage);
    });
    const frame = document.createElement('iframe');
    frame.title = 'Another tab';
    // A real second document: its own copy of the adapter, writing to the same localStorage.
    frame.srcdoc = `<!doctype html><title>second document</title><script type="module">
      import { LocalStorageAdapter } from '/src/tracking/storage/local-storage.ts';
      import { newSession } from '/src/tracking/model.ts';
      const adapter = new LocalStorageAdapter({ namespace: 'default' });
      const record = newSession({ modality: 'aerobic', startedAt: '2025-03-04T18:00:00.000Z', timeZone: 'UTC', durationMin: 30, rpe: 4 });
      await adapter.put('sessions', record, { expectedRev: null });
      parent.postMessage({ savedInFrame: record.id }, '*');
    </script>`;
    root.append(frame);
    const id = await saved;
    await untilListed(probe, id);
  });

  it('fires storage-error on the element itself when it reports an error', async () => {
    const root = await render(html`<store-probe id="p"></store-probe>`);
    const probe = probeIn(root, 'p');
    const errors: StorageErrorDetail[] = [];
    probe.addEventListener('storage-error', (event) => {
      event.preventDefault();
      errors.push(event.detail);
    });
    probe.store.reportError(new OfflineError(), 'list');
    expect(errors.map(({ code, operation }) => ({ code, operation }))).to.deep.equal([{ code: 'offline', operation: 'list' }]);
  });

  it('lets go of the store when the element leaves the page, and finds it again on return', async () => {
    const root = await render(html`<training-store id="s" storage="memory"><store-probe id="p"></store-probe></training-store>`);
    const probe = probeIn(root, 'p');
    const store = storeIn(root, 's');
    const changes: (TrainingStoreApi | undefined)[] = [];
    const heard: StorageChange[] = [];
    probe.store.onChange((change) => heard.push(change));
    const api = probe.store.api;

    probe.remove();
    expect(probe.store.api).to.equal(undefined);
    await save(api?.adapter);
    expect(heard.length, 'no changes while off the page').to.equal(0);

    store.append(probe);
    changes.push(probe.store.api);
    expect(changes[0] === store.api, 'the store again').to.equal(true);
    const id = await save(store.api?.adapter);
    expect(heard.map((c) => c.id)).to.deep.equal([id]);
  });
});

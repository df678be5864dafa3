import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import { define, TrainingStore } from '../../../src/define.js';
import '../../../src/entries/training-store.js';
import { BackendAdapter } from '../../../src/tracking/storage/backend-adapter.js';
import { MemoryAdapter, MemoryBackend } from '../../../src/tracking/storage/memory.js';
import { QuotaError, UnavailableError } from '../../../src/tracking/storage/errors.js';
import type { StorageChange } from '../../../src/tracking/storage/types.js';
import type { StorageErrorDetail, StorageReadyDetail } from '../../../src/tracking/store/events.js';
import { expectNoAxeViolations } from '../../helpers/axe.js';
import { save, session, StoreProbe, unique, untilListed } from './probe.js';

/** Renders `template` in a fresh container and returns the container. */
async function render(template: TemplateResult): Promise<HTMLElement> {
  return fixture<HTMLElement>(html`<div>${template}</div>`);
}

const probeIn = (root: ParentNode, id: string) => root.querySelector<StoreProbe>(`#${id}`)!;
const storeIn = (root: ParentNode, id: string) => root.querySelector<TrainingStore>(`#${id}`)!;

/** A site's own adapter: a real adapter class of its own, here built on the memory backend. */
class SiteAdapter extends MemoryAdapter {
  override readonly kind = 'site';
}

/** A backend that cannot open, as a blocked or missing storage would. */
class RefusingBackend extends MemoryBackend {
  override async open(): Promise<void> {
    throw new UnavailableError('This backend refuses to open.');
  }
}

/** An element that keeps a probe in its shadow root. */
class ShadowWrapper extends LitElement {
  protected override render(): TemplateResult {
    return html`<store-probe id="inner"></store-probe>`;
  }
}
customElements.define('shadow-wrapper', ShadowWrapper);

describe('<training-store>', () => {
  it('gives its adapter to the elements inside it', async () => {
    const root = await render(html`<training-store id="s" storage="memory" namespace=${unique('inside')}>
      <store-probe id="p"></store-probe>
    </training-store>`);
    const store = storeIn(root, 's');
    const probe = probeIn(root, 'p');
    expect(probe.store.source).to.equal('context');
    expect(probe.store.api === store.api, 'the probe has the store’s api').to.equal(true);
    expect(probe.store.api?.store === store).to.equal(true);
    expect(probe.store.adapter?.kind).to.equal('memory');
    const id = await save(store.api?.adapter);
    await untilListed(probe, id);
    expect(probe.shadowRoot?.textContent?.trim()).to.equal('1 sessions');
  });

  it('reaches elements inside shadow roots', async () => {
    const root = await render(html`<training-store id="s" storage="memory"><shadow-wrapper></shadow-wrapper></training-store>`);
    const wrapper = root.querySelector<ShadowWrapper>('shadow-wrapper')!;
    await wrapper.updateComplete;
    const probe = probeIn(wrapper.shadowRoot!, 'inner');
    expect(probe.store.source).to.equal('context');
    expect(probe.store.api?.store === storeIn(root, 's')).to.equal(true);
  });

  it('lets the nearest store win when stores are nested', async () => {
    const root = await render(html`<training-store id="outer" storage="memory">
      <store-probe id="a"></store-probe>
      <training-store id="inner" storage="memory" namespace="inner">
        <store-probe id="b"></store-probe>
      </training-store>
    </training-store>`);
    expect(probeIn(root, 'a').store.api?.store === storeIn(root, 'outer'), 'a uses the outer store').to.equal(true);
    expect(probeIn(root, 'b').store.api?.store === storeIn(root, 'inner'), 'b uses the inner store').to.equal(true);
    expect(probeIn(root, 'b').store.api?.namespace).to.equal('inner');
  });

  it('gives consumers the new adapter when storage switches from memory to local', async () => {
    const namespace = unique('switch');
    const root = await render(html`<training-store id="s" storage="memory" namespace=${namespace}>
      <store-probe id="p"></store-probe>
    </training-store>`);
    const store = storeIn(root, 's');
    const probe = probeIn(root, 'p');
    const before = probe.store.api;
    await save(before?.adapter);
    await waitUntil(() => probe.ids.length === 1, 'the memory session is listed');

    store.setAttribute('storage', 'local');
    await store.updateComplete;
    expect(probe.store.api === store.api, 'the probe follows the store').to.equal(true);
    expect(probe.store.api === before, 'a new api').to.equal(false);
    expect(probe.store.adapter?.kind).to.equal('local');
    expect(probe.store.api?.namespace).to.equal(namespace);
    await waitUntil(() => probe.ids.length === 0, 'localStorage holds nothing in this namespace yet');
    const id = await save(probe.store.adapter);
    await untilListed(probe, id);
  });

  it('gives consumers a new adapter when the namespace changes', async () => {
    const root = await render(html`<training-store id="s" storage="memory" namespace="one"><store-probe id="p"></store-probe></training-store>`);
    const store = storeIn(root, 's');
    const probe = probeIn(root, 'p');
    store.namespace = 'two';
    await store.updateComplete;
    expect(probe.store.api?.namespace).to.equal('two');
    expect(probe.store.api === store.api).to.equal(true);
  });

  it('uses a site’s own adapter given as a property, and never closes it', async () => {
    const adapter = new SiteAdapter({ namespace: 'site' });
    const seen: StorageChange[] = [];
    adapter.subscribe((change) => seen.push(change));
    const root = await render(html`<training-store id="s" storage="indexeddb" .adapter=${adapter}>
      <store-probe id="p"></store-probe>
    </training-store>`);
    const store = storeIn(root, 's');
    const probe = probeIn(root, 'p');
    expect(probe.store.adapter === adapter, 'the site’s adapter is provided').to.equal(true);
    expect(probe.store.adapter?.kind).to.equal('site');
    expect(probe.store.api?.namespace).to.equal(undefined);
    const id = await save(adapter);
    await untilListed(probe, id);

    store.remove();
    await Promise.resolve();
    expect(store.api).to.equal(undefined);
    await save(adapter);
    expect(seen.length, 'the site’s own listener still hears changes: the adapter was not closed').to.equal(2);
  });

  it('switches from a site’s adapter back to a built-in one when the property is cleared', async () => {
    const adapter = new SiteAdapter();
    const root = await render(html`<training-store id="s" storage="memory" .adapter=${adapter}><store-probe id="p"></store-probe></training-store>`);
    const store = storeIn(root, 's');
    store.adapter = undefined;
    await store.updateComplete;
    expect(probeIn(root, 'p').store.adapter?.kind).to.equal('memory');
  });

  it('asks the browser to persist storage when it has the persist attribute', async () => {
    const root = await render(html`<training-store id="s" storage="memory" persist></training-store>`);
    const store = storeIn(root, 's');
    // The request made on connect is still under way, or done: either way this waits for an answer.
    const answer = await store.requestPersistence();
    expect(typeof store.persisted).to.equal('boolean');
    expect(answer).to.equal(store.persisted);
  });

  it('does not ask for persistence without the attribute', async () => {
    const root = await render(html`<training-store id="s" storage="memory"></training-store>`);
    await storeIn(root, 's').api?.ready;
    expect(storeIn(root, 's').persisted).to.equal(undefined);
  });

  it('reports usage: record counts after puts, on request and then by itself', async () => {
    const root = await render(html`<training-store id="s" storage="memory"></training-store>`);
    const store = storeIn(root, 's');
    const adapter = store.api!.adapter;
    await adapter.put('sessions', session(), { expectedRev: null });
    await adapter.put('sessions', session(), { expectedRev: null });
    const usage = await store.refreshUsage();
    expect(usage?.records).to.deep.equal({ sessions: 2, glucose: 0 });
    expect(store.usage?.records).to.deep.equal({ sessions: 2, glucose: 0 });

    await adapter.put('sessions', session(), { expectedRev: null });
    // Refreshed after changes, throttled to once a second.
    await waitUntil(() => store.usage?.records.sessions === 3, 'usage was refreshed after the change', { timeout: 5000 });
  });

  it('fires storage-ready when its adapter has opened', async () => {
    const ready: StorageReadyDetail[] = [];
    const root = await render(html`<training-store id="s" storage="memory" @storage-ready=${(e: CustomEvent<StorageReadyDetail>) => ready.push(e.detail)}></training-store>`);
    await storeIn(root, 's').api?.ready;
    await waitUntil(() => ready.length === 1, 'storage-ready fired');
    expect(ready[0]!.kind).to.equal('memory');
    expect(ready[0]!.adapter === storeIn(root, 's').api?.adapter).to.equal(true);
  });

  it('fires storage-error with code "unavailable" when its adapter cannot open', async () => {
    const errors: StorageErrorDetail[] = [];
    const onError = (event: CustomEvent<StorageErrorDetail>) => {
      event.preventDefault(); // handled: keeps it out of the console
      errors.push(event.detail);
    };
    const adapter = new BackendAdapter(new RefusingBackend('refused'));
    const root = await render(html`<training-store id="s" .adapter=${adapter} @storage-error=${onError}>
      <store-probe id="p"></store-probe>
    </training-store>`);
    const probe = probeIn(root, 'p');
    await waitUntil(() => errors.length > 0, 'storage-error fired');
    expect(errors.map(({ code, operation, message }) => ({ code, operation, message }))).to.deep.equal([
      { code: 'unavailable', operation: 'open', message: 'This backend refuses to open.' },
    ]);
    expect(errors[0]!.error instanceof UnavailableError).to.equal(true);
    await waitUntil(() => probe.unavailable, 'the consumer sees ready reject');
  });

  it('fires storage-error when a consumer reports an error, and lets it bubble to the document', async () => {
    const errors: { detail: StorageErrorDetail; target: EventTarget | null }[] = [];
    const onError = (event: Event) => {
      event.preventDefault();
      errors.push({ detail: (event as CustomEvent<StorageErrorDetail>).detail, target: event.target });
    };
    document.addEventListener('storage-error', onError);
    try {
      const root = await render(html`<training-store id="s" storage="memory"><store-probe id="p"></store-probe></training-store>`);
      const error = new QuotaError();
      probeIn(root, 'p').store.reportError(error, 'put');
      expect(errors.length).to.equal(1);
      expect(errors[0]!.target === storeIn(root, 's'), 'fired by the store').to.equal(true);
      expect(errors[0]!.detail.code).to.equal('quota');
      expect(errors[0]!.detail.operation).to.equal('put');
      expect(errors[0]!.detail.error === error).to.equal(true);
      expect(errors[0]!.detail.message).to.equal(error.message);
    } finally {
      document.removeEventListener('storage-error', onError);
    }
  });

  it('fires storage-error for a storage value it does not know, and provides no adapter', async () => {
    const errors: StorageErrorDetail[] = [];
    const onError = (event: CustomEvent<StorageErrorDetail>) => {
      event.preventDefault();
      errors.push(event.detail);
    };
    const root = await render(html`<training-store id="s" storage="floppy" @storage-error=${onError}><store-probe id="p"></store-probe></training-store>`);
    expect(errors.map((e) => e.code)).to.deep.equal(['unavailable']);
    expect(errors[0]!.message).to.contain('storage="floppy"');
    expect(storeIn(root, 's').api).to.equal(undefined);
    expect(probeIn(root, 'p').store.source).to.equal('none');
    expect(probeIn(root, 'p').store.api).to.equal(undefined);
  });

  it('fires storage-error for a namespace that is not allowed', async () => {
    const errors: StorageErrorDetail[] = [];
    const onError = (event: CustomEvent<StorageErrorDetail>) => {
      event.preventDefault();
      errors.push(event.detail);
    };
    await render(html`<training-store storage="memory" namespace="no spaces" @storage-error=${onError}></training-store>`);
    expect(errors.map((e) => e.code)).to.deep.equal(['unavailable']);
    expect(errors[0]!.message).to.contain('namespace');
  });

  it('re-dispatches adapter changes as storage-change', async () => {
    const changes: StorageChange[] = [];
    const root = await render(html`<training-store id="s" storage="memory" @storage-change=${(e: CustomEvent<StorageChange>) => changes.push(e.detail)}></training-store>`);
    const id = await save(storeIn(root, 's').api?.adapter);
    expect(changes.map(({ collection, id, origin }) => ({ collection, id, origin }))).to.deep.equal([{ collection: 'sessions', id, origin: 'local' }]);
    expect(changes[0]!.stored.deleted).to.equal(false);
  });

  it('closes the adapter it made when removed from the page, but not when moved', async () => {
    const root = await render(html`<training-store id="s" storage="memory"></training-store><section></section>`);
    const store = storeIn(root, 's');
    const api = store.api;
    const heard: StorageChange[] = [];
    api!.adapter.subscribe((change) => heard.push(change));

    root.querySelector('section')!.append(store); // a move: out and in again at once
    await Promise.resolve();
    expect(store.api === api, 'the same adapter after a move').to.equal(true);

    store.remove();
    await Promise.resolve();
    expect(store.api).to.equal(undefined);
    await save(api!.adapter);
    expect(heard.length, 'a closed adapter has no listeners left').to.equal(0);
  });

  it('tolerates a second registration and a second copy of its entry', async () => {
    expect(define('training-store', TrainingStore)).to.equal(false);
    const again = await import(`/src/entries/training-store.ts?copy=${Date.now()}`);
    expect(customElements.get('training-store') === TrainingStore, 'the first definition stays').to.equal(true);
    expect(typeof again.TrainingStore).to.equal('function');
    // A store made by the first copy still serves a probe.
    const root = await render(html`<training-store id="s" storage="memory"><store-probe id="p"></store-probe></training-store>`);
    expect(probeIn(root, 'p').store.api?.store === storeIn(root, 's')).to.equal(true);
  });

  it('adds nothing to the accessibility tree: its children stay accessible', async () => {
    const root = await render(html`<training-store id="s" storage="memory">
      <label>Minutes <input type="number" name="minutes" /></label>
      <button type="button">Save session</button>
    </training-store>`);
    const store = storeIn(root, 's');
    expect(getComputedStyle(store).display).to.equal('contents');
    expect(store.shadowRoot?.querySelector('slot'), 'the children are slotted').to.not.equal(null);
    expect(store.hasAttribute('role') || store.hasAttribute('tabindex'), 'no role, not focusable').to.equal(false);
    const button = root.querySelector('button')!;
    expect(button.getBoundingClientRect().width > 0, 'the children render').to.equal(true);
    button.focus();
    expect(document.activeElement === button, 'and can be focused').to.equal(true);
    await expectNoAxeViolations(root);
  });
});

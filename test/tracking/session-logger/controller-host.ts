/**
 * A test-only host for the logger's controllers: a plain Lit element that finds its store with
 * `TrainingStoreController`, as `<session-logger>` does, and renders nothing of its own. A test
 * mounts it in a real `<training-store>` and adds the controller it tests.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { fixture, waitUntil } from '@open-wc/testing';
import '../../../src/entries/training-store.js';
import { TrainingStoreController } from '../../../src/tracking/store/store-controller.js';
import type { StorageAdapter } from '../../../src/tracking/storage/types.js';
import type { StorageErrorDetail } from '../../../src/tracking/store/events.js';
import type { TrainingStore } from '../../../src/define.js';

export class ControllerHost extends LitElement {
  readonly store = new TrainingStoreController(this);
  /** What the host renders: a test sets it to a controller's template. */
  view: () => TemplateResult | typeof nothing = () => nothing;
  updates = 0;

  protected override render(): TemplateResult | typeof nothing {
    this.updates++;
    return this.view();
  }
}
customElements.define('controller-host', ControllerHost);

declare global {
  interface HTMLElementTagNameMap {
    'controller-host': ControllerHost;
  }
}

export interface Hosted<T> {
  host: ControllerHost;
  /** What `setup` made: the controller under test. */
  controller: T;
  store: TrainingStore;
  adapter: StorageAdapter;
  /** The storage-error codes and operations reported so far, as `code:operation`. */
  errors: string[];
}

/**
 * A host inside a `<training-store>` with `adapter` (or a fresh memory store). `setup` adds the
 * controller under test before the host joins the page, as an element's own fields would; this
 * resolves once the host has found its store and rendered.
 */
export async function hosted<T>(
  setup: (host: ControllerHost) => T,
  options: { adapter?: StorageAdapter; namespace?: string; id?: string } = {},
): Promise<Hosted<T>> {
  const errors: string[] = [];
  const onError = (e: CustomEvent<StorageErrorDetail>) => {
    e.preventDefault();
    errors.push(`${e.detail.code}:${e.detail.operation}`);
  };
  const namespace = options.namespace ?? `t${crypto.randomUUID().slice(0, 8)}`;
  const store = await fixture<TrainingStore>(
    options.adapter
      ? html`<training-store .adapter=${options.adapter} @storage-error=${onError}></training-store>`
      : html`<training-store storage="memory" namespace=${namespace} @storage-error=${onError}></training-store>`,
  );
  await waitUntil(() => !!store.api, 'the store made its adapter');
  await store.api!.ready;
  const host = document.createElement('controller-host');
  if (options.id) host.id = options.id;
  const controller = setup(host);
  store.append(host);
  await waitUntil(() => !!host.store.api, 'the host found its store');
  await host.updateComplete;
  return { host, controller, store, adapter: store.api!.adapter, errors };
}

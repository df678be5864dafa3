import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { StorageChange } from '../src/tracking/storage/types.js';
import type { StorageErrorDetail, StorageReadyDetail } from '../src/tracking/store/events.js';
import { hiddenPrivateMembers } from './support/manifest.js';
import { defineStoreDemo } from './support/store-demo.js';

defineStoreDemo();

interface StoreArgs {
  storage?: 'local' | 'indexeddb' | 'memory';
  namespace?: string;
  persist?: boolean;
  /** Filled in by Storybook from the manifest's events: each logs to the Actions panel. */
  onStorageReady?: (event: CustomEvent<StorageReadyDetail>) => void;
  onStorageChange?: (event: CustomEvent<StorageChange>) => void;
  onStorageError?: (event: CustomEvent<StorageErrorDetail>) => void;
}

/** The element's private fields and methods, kept out of the docs table. */
const privateMembers = hiddenPrivateMembers('training-store');

/** Ids differ per render: a docs page shows every story at once, and ids must stay unique. */
let renders = 0;
const uniqueId = (name: string) => `${name}-${++renders}`;

/**
 * `<training-store>` renders nothing itself: it owns the storage adapter and shares it with the
 * tracking elements inside it. Here it wraps `<store-demo>`, a minimal stand-in for loadwise's
 * tracking elements written for these stories. Log a session and watch `storage-change` in the
 * Actions panel; `storage-ready` fires when the adapter opens.
 */
const meta: Meta<StoreArgs> = {
  title: 'training-store',
  component: 'training-store',
  tags: ['autodocs'],
  args: { storage: 'memory', namespace: 'demo', persist: false },
  argTypes: {
    ...privateMembers,
    storage: { control: 'inline-radio', options: ['memory', 'local', 'indexeddb'] },
    namespace: { control: 'text' },
    persist: { control: 'boolean' },
    adapter: { control: false },
    api: { control: false },
    usage: { control: false },
    persisted: { control: false },
  } as Meta<StoreArgs>['argTypes'],
  render: (args) => html`<training-store
    storage=${ifDefined(args.storage)}
    namespace=${ifDefined(args.namespace)}
    ?persist=${args.persist}
    @storage-ready=${args.onStorageReady}
    @storage-change=${args.onStorageChange}
    @storage-error=${args.onStorageError}
  >
    <store-demo label="Your sessions"></store-demo>
  </training-store>`,
};
export default meta;

type Story = StoryObj<StoreArgs>;

/** `storage="memory"`: kept for this page only. Switch to `local` or `indexeddb` in Controls to keep it. */
export const Memory: Story = {};

/** Two elements inside one store share its adapter: a session logged in one shows in the other at once. */
export const TwoElementsOneStore: Story = {
  name: 'Two elements, one store',
  render: (args) => html`<training-store
    storage=${ifDefined(args.storage)}
    namespace=${ifDefined(args.namespace)}
    @storage-ready=${args.onStorageReady}
    @storage-change=${args.onStorageChange}
    @storage-error=${args.onStorageError}
  >
    <store-demo label="Logger"></store-demo>
    <store-demo label="Summary"></store-demo>
  </training-store>`,
};

/**
 * `store="<id>"`: an element outside the store (in a sidebar, say) names it by id and uses it,
 * even when the store comes later in the page.
 */
export const LinkedById: Story = {
  name: 'Linked with store="id"',
  render: (args) => {
    const id = uniqueId('tracker-store');
    return html`<store-demo label="Sidebar, outside the store" store=${id}></store-demo>
      <p>Some of the article in between.</p>
      <training-store
        id=${id}
        storage=${ifDefined(args.storage)}
        namespace=${ifDefined(args.namespace)}
        @storage-ready=${args.onStorageReady}
        @storage-change=${args.onStorageChange}
        @storage-error=${args.onStorageError}
      >
        <store-demo label="Inside the store"></store-demo>
      </training-store>`;
  },
};

/** Nested stores: each element uses the nearest store around it. */
export const Nested: Story = {
  render: (args) => html`<training-store
    storage="memory"
    namespace="outer"
    @storage-ready=${args.onStorageReady}
    @storage-change=${args.onStorageChange}
    @storage-error=${args.onStorageError}
  >
    <store-demo label="In the outer store"></store-demo>
    <training-store storage="memory" namespace="inner">
      <store-demo label="In the inner store"></store-demo>
    </training-store>
  </training-store>`,
};

/**
 * A store that cannot be set up (here `storage="floppy"`) fires `storage-error` and gives its
 * elements no adapter. This page handles the error, so it calls `preventDefault()`; unhandled,
 * the error would also be logged to the console.
 */
export const StorageError: Story = {
  name: 'Storage error',
  render: (args) => html`<training-store
    storage="floppy"
    @storage-error=${(event: CustomEvent<StorageErrorDetail>) => {
      event.preventDefault();
      args.onStorageError?.(event);
    }}
  >
    <store-demo label="Your sessions"></store-demo>
  </training-store>`,
};

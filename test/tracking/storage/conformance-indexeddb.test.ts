/**
 * The conformance suite against the IndexedDB adapter (harness: `harness-indexeddb.ts`), then
 * against `DeferredAdapter` wrapping it, as `<training-store storage="indexeddb">` uses it: the
 * code imported on first use, every call still keeping the whole contract. Both run in this one
 * file, one after the other, because the full-storage test lowers the origin's quota while it
 * runs; the deferred run leaves that test to the first.
 */
import { DeferredAdapter } from '../../../src/tracking/storage/deferred-adapter.js';
import { describeAdapterConformance } from './conformance.js';
import { indexedDbHarness } from './harness-indexeddb.js';

describeAdapterConformance('IndexedDB', indexedDbHarness);

const { quota: _fullStorageIsTestedAbove, ...deferredHarness } = indexedDbHarness;
describeAdapterConformance('IndexedDB, loaded on demand', {
  ...deferredHarness,
  create: (namespace, options) =>
    new DeferredAdapter('indexeddb', () => import('../../../src/tracking/storage/indexeddb.js').then((m) => new m.IndexedDbAdapter({ namespace, ...options }))),
});

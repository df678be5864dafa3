/**
 * `loadwise/storage`: the storage contract, the built-in adapters, and what a site needs to write
 * its own. Registers nothing.
 */
export type * from './types.js';
export { COLLECTIONS } from './types.js';
export * from './errors.js';
export type { Backend, BackendWrite, BackendEstimate } from './backend.js';
export { lockedTask, checkNamespace } from './backend.js';
export { BackendAdapter, type BackendAdapterOptions } from './backend-adapter.js';
export { defaultCollections, type CollectionSpec, type CollectionSpecs, type Migration } from './collections.js';
export { MemoryAdapter, MemoryBackend, type AdapterOptions } from './memory.js';
export { LocalStorageAdapter, LocalStorageBackend } from './local-storage.js';
export { IndexedDbAdapter, IndexedDbBackend } from './indexeddb.js';
export { DeferredAdapter } from './deferred-adapter.js';
export { RestAdapter, type RestAdapterOptions, type OutboxEntry } from './remote/rest-adapter.js';
export type { GetToken } from './remote/rest-client.js';
export type { SyncConflict, SyncFailure, SyncingAdapter, SyncState, SyncStatus } from './sync.js';
export { listAll, listRecords } from './list-all.js';
export { putMany, isStoreFailure } from './batch.js';
export * from './transfer/index.js';
export * from '../model.js';
export * from '../units.js';

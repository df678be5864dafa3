/**
 * The training store: the `<training-store>` class (not registered here), the context it
 * provides, the page-default store, and the controller a tracking element (a site's own too) uses
 * to find its store.
 */
export { TrainingStore, type StorageKind } from './training-store.js';
export { trainingStoreContext, type TrainingStoreApi, type StorageOperation } from './context.js';
export { TrainingStoreController, type StoreSource, type TrainingStoreControllerOptions } from './store-controller.js';
export { pageDefaultStore, PAGE_DEFAULT_NAMESPACE } from './page-default.js';
export { fireStorageError, storageErrorDetail, type StorageErrorDetail, type StorageReadyDetail } from './events.js';

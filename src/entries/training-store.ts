/**
 * `loadwise/training-store`: registers `<training-store>` and exports its class, the context it
 * provides, the page-default store and the controller tracking elements use to find their store.
 */
import { define } from '../base/define.js';
import { TrainingStore } from '../tracking/store/training-store.js';

define('training-store', TrainingStore);

export * from '../tracking/store/index.js';

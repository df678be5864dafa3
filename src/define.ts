/**
 * `loadwise/define`: the safe `define()` and every element class, registering nothing.
 *
 * ```js
 * import { define, ModalityExplainer } from 'loadwise/define';
 * define('research-tabs', ModalityExplainer); // the same element under a tag of your own
 * ```
 */
export { define, type DefineOptions } from './base/define.js';
export { ExplainerElement } from './explainer/explainer-element.js';
export { ModalityExplainer } from './explainer/modality-explainer.js';
export { PathwayComparison } from './explainer/pathway-comparison.js';
export { TrainingStore } from './tracking/store/training-store.js';
export { SessionLogger } from './tracking/session-logger/session-logger.js';
export { WeeklySummary } from './tracking/weekly-summary/weekly-summary.js';
export { LoadChart } from './tracking/load-chart/load-chart.js';

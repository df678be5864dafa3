/**
 * `loadwise`: registers every element and re-exports everything. Import a single element's entry
 * (`loadwise/modality-explainer`) to load only that one, or `loadwise/define` for the classes
 * without registering anything.
 */
import './entries/modality-explainer.js';
import './entries/pathway-comparison.js';
import './entries/training-store.js';
import './entries/weekly-summary.js';
import './entries/load-chart.js';
import './entries/session-logger.js';

export * from './define.js';
export * from './explainer/index.js';
export * from './tracking/store/index.js';
export type * from './tracking/session-logger/events.js';

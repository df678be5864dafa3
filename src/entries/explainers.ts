/** `loadwise/explainers`: registers the two explainers a blog needs, nothing else. */
export * from './modality-explainer.js';
export * from './pathway-comparison.js';

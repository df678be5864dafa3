/**
 * `loadwise/explainer`: the explainer engine for a comparison of your own, its content types,
 * the default content and the no-JavaScript fallback markup. Registers nothing.
 */
export { ExplainerElement } from './explainer-element.js';
export type { ExplainerChangeDetail, ExplainerErrorDetail, ExplainerView } from './explainer-element.js';
export { ModalityExplainer } from './modality-explainer.js';
export { PathwayComparison } from './pathway-comparison.js';
export { modalityContent } from './content/modalities.js';
export { pathwayContent } from './content/pathways.js';
export { articleReferences, articleReferenceList } from './content/references.js';
export { fallbackMarkup } from './fallback-markup.js';
export type * from './content-types.js';
export { referenceHref } from './content-types.js';

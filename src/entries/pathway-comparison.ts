/** `loadwise/pathway-comparison`: registers `<pathway-comparison>` and exports its class. */
import { define } from '../base/define.js';
import { PathwayComparison } from '../explainer/pathway-comparison.js';

define('pathway-comparison', PathwayComparison);

export { PathwayComparison };
export type { ExplainerChangeDetail, ExplainerErrorDetail, ExplainerView } from '../explainer/explainer-element.js';

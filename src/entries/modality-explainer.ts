/** `loadwise/modality-explainer`: registers `<modality-explainer>` and exports its class. */
import { define } from '../base/define.js';
import { ModalityExplainer } from '../explainer/modality-explainer.js';

define('modality-explainer', ModalityExplainer);

export { ModalityExplainer };
export type { ExplainerChangeDetail, ExplainerErrorDetail, ExplainerView } from '../explainer/explainer-element.js';

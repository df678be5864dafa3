import { ExplainerElement } from './explainer-element.js';
import { modalityContent } from './content/modalities.js';

/**
 * "What the exercise research actually tested": aerobic, resistance, HIIT and combined training,
 * each with its insulin-sensitivity effect, what it targets, the trial protocol, mechanism or
 * evidence behind it, a notable finding, and the references that support it. Select one to see
 * it, or compare all four.
 *
 * @summary The four training modalities the exercise research compares, one at a time or side by side.
 * @tag modality-explainer
 */
export class ModalityExplainer extends ExplainerElement {
  static override defaultContent = modalityContent;
}

declare global {
  interface HTMLElementTagNameMap {
    'modality-explainer': ModalityExplainer;
  }
}

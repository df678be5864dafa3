import { ExplainerElement } from './explainer-element.js';
import { pathwayContent } from './content/pathways.js';

/**
 * "Two pathways to insulin sensitivity": the pharmacological pathway (GLP-1 agonists and
 * metformin) and the mechanical one (resistance and combined training), by primary site,
 * mechanism, weight dependence, and access or evidence, with the article's point that they act on
 * different tissue and are not competing options.
 *
 * @summary Medication and training as two pathways to insulin sensitivity, one at a time or side by side.
 * @tag pathway-comparison
 */
export class PathwayComparison extends ExplainerElement {
  static override defaultContent = pathwayContent;
}

declare global {
  interface HTMLElementTagNameMap {
    'pathway-comparison': PathwayComparison;
  }
}

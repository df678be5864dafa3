/**
 * The shape of an explainer's content: a few options, compared on the same facets, with notes
 * and the references they cite. Both presets are content of this shape, and so is a blogger's own.
 *
 * These are plain types so that the presets cost no validation code; content from outside (a
 * `src` URL, an inline script, the `content` property) is checked against the zod schema in
 * `content-schema.ts`, which is loaded only when such content arrives.
 */

/** A row of the comparison: what every option is described by. */
export interface ExplainerFacet {
  /** Short identifier, used as the key in each option's `facets`. */
  id: string;
  /** The row heading, as a person reads it ("What it targets"). */
  label: string;
}

/** One option's value for a facet: text, or text with a label of its own for this option. */
export type ExplainerFacetValue = string | { label: string; text: string };

/** One thing to select and see: a training modality, a pathway, a blogger's own option. */
export interface ExplainerOption {
  /** Short identifier, the value of the element's `selected` attribute. */
  id: string;
  /** The tab's name ("Resistance training"). */
  label: string;
  /** A word or two shown under the name ("Pharmacological"). */
  kicker?: string;
  /** The option's value for each facet id; a facet it has no value for shows a dash. */
  facets: Record<string, ExplainerFacetValue>;
  /** Ids of the references that support what this option says. */
  references?: string[];
}

/** A closing point shown under the comparison. */
export interface ExplainerNote {
  title?: string;
  text: string;
}

/** A citation, linked by DOI, PMC id or URL. */
export interface ExplainerReference {
  id: string;
  citation: string;
  doi?: string;
  pmc?: string;
  url?: string;
}

export interface ExplainerContent {
  /** The content format's version; 1 today. */
  schemaVersion?: 1;
  /** A small label above the title ("Exercise research"). */
  eyebrow?: string;
  title: string;
  /** A sentence under the title ("Select one to see what it targets."). */
  intro?: string;
  facets: ExplainerFacet[];
  options: ExplainerOption[];
  notes?: ExplainerNote[];
  references?: ExplainerReference[];
}

/** One problem found in content, with the path of the field it concerns (`options[1].label`). */
export interface ContentIssue {
  path: string;
  message: string;
}

/** Where the content that failed came from. */
export type ContentSource = 'property' | 'src' | 'script';

/** The link a reference points to: its DOI, its PubMed Central page, or its URL. */
export function referenceHref(ref: ExplainerReference): string | undefined {
  if (ref.doi) return `https://doi.org/${ref.doi}`;
  if (ref.pmc) return `https://pmc.ncbi.nlm.nih.gov/articles/${ref.pmc}/`;
  return ref.url;
}

/** How a reference's link reads: "DOI: 10.…", "PMC: PMC…", or its URL. */
export function referenceLinkLabel(ref: ExplainerReference): string | undefined {
  if (ref.doi) return `DOI: ${ref.doi}`;
  if (ref.pmc) return `PMC: ${ref.pmc}`;
  return ref.url;
}

/** The text of a facet value, whichever form it takes. */
export function facetText(value: ExplainerFacetValue | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.text;
}

/** The label a facet value carries for its option, if it has its own. */
export function facetOwnLabel(value: ExplainerFacetValue | undefined): string | undefined {
  return typeof value === 'object' ? value.label : undefined;
}

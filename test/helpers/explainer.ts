/** Shared helpers for the explainer tests: read what a person sees from the shadow DOM. */
import type { ExplainerContent, ExplainerOption } from '../../src/explainer/content-types.js';
import { facetOwnLabel, facetText } from '../../src/explainer/content-types.js';
import type { ExplainerElement } from '../../src/explainer/explainer-element.js';

export type ModalityEl = HTMLElementTagNameMap['modality-explainer'];
export type PathwayEl = HTMLElementTagNameMap['pathway-comparison'];

/** Collapses runs of whitespace, as a reader perceives text. */
export const norm = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

export function root(el: ExplainerElement): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

export function $<T extends Element = HTMLElement>(el: ExplainerElement, selector: string): T {
  const found = root(el).querySelector<T>(selector);
  if (!found) throw new Error(`${el.localName}: nothing matches ${selector}`);
  return found;
}

export function $$<T extends Element = HTMLElement>(el: ExplainerElement, selector: string): T[] {
  return [...root(el).querySelectorAll<T>(selector)];
}

/** Rendered and not inside anything hidden or `display: none`. */
export const isShown = (node: Element): boolean => node.checkVisibility();

export const tabs = (el: ExplainerElement) => $$<HTMLButtonElement>(el, '[role="tab"]');
export const panels = (el: ExplainerElement) => $$(el, '[role="tabpanel"]');
export const selectedTab = (el: ExplainerElement) => $<HTMLButtonElement>(el, '[role="tab"][aria-selected="true"]');
export const shownPanels = (el: ExplainerElement) => panels(el).filter(isShown);
export const viewButtons = (el: ExplainerElement) => $$<HTMLButtonElement>(el, '[part="view-switch"] button');

/** The focused element inside the shadow root, if any. */
export const focused = (el: ExplainerElement): Element | null => root(el).activeElement;

/** The facet rows an option should show, in the content's facet order: its own label or the facet's. */
export function expectedFacets(content: ExplainerContent, option: ExplainerOption): { label: string; text: string }[] {
  return content.facets.flatMap((facet) => {
    const value = option.facets[facet.id];
    if (value === undefined) return [];
    return [{ label: facetOwnLabel(value) ?? facet.label, text: facetText(value)! }];
  });
}

/** The `<dt>`/`<dd>` pairs of a definition list, as read. */
export function readFacets(container: Element): { label: string; text: string }[] {
  return [...container.querySelectorAll('dl > div')].map((row) => ({
    label: norm(row.querySelector('dt')?.textContent),
    text: norm(row.querySelector('dd')?.textContent),
  }));
}

/** Records uncaught errors and unhandled rejections that reach window while it is active. */
export function watchWindowErrors(): { errors: string[]; stop: () => void } {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandledrejection: ${String(e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Collects every event of `type` that reaches `document`. */
export function recordEvents<K extends keyof HTMLElementEventMap>(type: K): { events: HTMLElementEventMap[K][]; stop: () => void } {
  const events: HTMLElementEventMap[K][] = [];
  const listener = (e: Event) => events.push(e as HTMLElementEventMap[K]);
  document.addEventListener(type, listener);
  return { events, stop: () => document.removeEventListener(type, listener) };
}

/** A short description of a node for assertion messages. */
export function describeNode(node: Node | null | undefined): string {
  if (!node) return String(node);
  if (!(node instanceof Element)) return node.nodeName;
  const id = node.id ? `#${node.id}` : '';
  return `<${node.localName}${id}> "${norm(node.textContent).slice(0, 40)}"`;
}

/**
 * Asserts two nodes are the same node. Chai's `equal` would do, but when it fails the test runner
 * serialises both values, and a custom element's object graph is too big to serialise.
 */
export function expectSameNode(actual: Node | null | undefined, expected: Node | null | undefined, message = ''): void {
  if (actual !== expected) {
    throw new Error(`${message ? `${message}: ` : ''}expected ${describeNode(actual)} to be ${describeNode(expected)}`);
  }
}

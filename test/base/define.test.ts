import { expect, fixture, html } from '@open-wc/testing';
// The side-effect-free entry: classes and define(), no registration.
import { define, ExplainerElement, ModalityExplainer, PathwayComparison } from '../../src/define.js';
import { modalityContent } from '../../src/explainer/content/modalities.js';
import { pathwayContent } from '../../src/explainer/content/pathways.js';
import { $$, norm, type ModalityEl } from '../helpers/explainer.js';

type DefineFn = typeof define;
const titleOf = (el: Element) => norm(el.shadowRoot?.querySelector('[part="title"]')?.textContent);

/** Feature test: can this browser make a scoped registry and create elements from it? */
function scopedRegistry(): CustomElementRegistry | undefined {
  try {
    const registry = new CustomElementRegistry();
    const probe = document.createElement('div', { customElementRegistry: registry } as ElementCreationOptions);
    return (probe as Element & { customElementRegistry?: CustomElementRegistry }).customElementRegistry === registry ? registry : undefined;
  } catch {
    return undefined;
  }
}

describe('registration', () => {
  // These run in order: the first proves nothing is registered before the entries are imported.
  it('registers nothing when only loadwise/define is imported', () => {
    expect(customElements.get('modality-explainer')).to.equal(undefined);
    expect(customElements.get('pathway-comparison')).to.equal(undefined);
  });

  it('registers both explainers when the package index is imported', async () => {
    const index = await import('../../src/index.js');
    expect(customElements.get('modality-explainer') === ModalityExplainer).to.equal(true);
    expect(customElements.get('pathway-comparison') === PathwayComparison).to.equal(true);
    expect(index.ModalityExplainer === ModalityExplainer && index.define === define).to.equal(true);
  });

  it('does not throw when every entry is imported after the index', async () => {
    const entries = await Promise.all([
      import('../../src/entries/modality-explainer.js'),
      import('../../src/entries/pathway-comparison.js'),
      import('../../src/entries/explainers.js'),
    ]);
    expect(entries.map((e) => Object.keys(e).sort())).to.deep.equal([['ModalityExplainer'], ['PathwayComparison'], ['ModalityExplainer', 'PathwayComparison']]);
  });

  it('does not throw when the entries run a second time, as a second bundle would', async () => {
    // A query string makes the browser evaluate the module again, as a separate copy.
    const again = await import(`/src/entries/modality-explainer.ts?copy=${Date.now()}`);
    await import(`/src/entries/pathway-comparison.ts?copy=${Date.now()}`);
    expect(again.ModalityExplainer === ModalityExplainer).to.equal(true);
    expect(customElements.get('modality-explainer') === ModalityExplainer).to.equal(true);
  });

  it('leaves the first definition in place when a second copy of the library defines the same tags', async () => {
    const copy = await import(`/src/explainer/modality-explainer.ts?bundle=${Date.now()}`);
    const defineCopy: DefineFn = (await import(`/src/base/define.ts?bundle=${Date.now()}`)).define;
    expect(copy.ModalityExplainer === ModalityExplainer, 'a separate class, as from another bundle').to.equal(false);
    expect(defineCopy('modality-explainer', copy.ModalityExplainer)).to.equal(false);
    expect(define('modality-explainer', copy.ModalityExplainer)).to.equal(false);
    expect(customElements.get('modality-explainer') === ModalityExplainer).to.equal(true);
    const el = await fixture<ModalityEl>(html`<modality-explainer></modality-explainer>`);
    expect(titleOf(el)).to.equal(modalityContent.title);
  });

  it('returns false, and does not throw, when the tag is defined again', () => {
    expect(define('modality-explainer', ModalityExplainer)).to.equal(false);
    expect(define('pathway-comparison', PathwayComparison)).to.equal(false);
    expect(define('pathway-comparison', ModalityExplainer)).to.equal(false);
    expect(customElements.get('pathway-comparison') === PathwayComparison).to.equal(true);
  });

  it('registers a class under a tag of the site’s own, even when it already has one', async () => {
    expect(define('my-explainer', ModalityExplainer)).to.equal(true);
    expect(define('my-explainer', ModalityExplainer), 'and only once').to.equal(false);
    const ctor = customElements.get('my-explainer')!;
    expect(ctor.prototype instanceof ModalityExplainer, 'an empty subclass of the same element').to.equal(true);
    const el = await fixture<ModalityEl>(html`<my-explainer selected="hiit"></my-explainer>`);
    expect(el instanceof ModalityExplainer).to.equal(true);
    await el.updateComplete;
    expect(titleOf(el)).to.equal(modalityContent.title);
    expect($$(el, '[role="tab"]')).to.have.length(4);
    expect(el.shadowRoot!.querySelector('[role="tab"][aria-selected="true"]')!.id).to.equal('tab-hiit');
    // The original tag is untouched.
    expect(customElements.get('modality-explainer') === ModalityExplainer).to.equal(true);
  });

  it('registers the engine itself under a new tag, with no content of its own', async () => {
    expect(define('blog-explainer', ExplainerElement)).to.equal(true);
    expect(customElements.get('blog-explainer') === ExplainerElement, 'a class not yet named is used as is').to.equal(true);
    const el = await fixture<ModalityEl>(`<blog-explainer><p>Fallback</p></blog-explainer>`);
    expect($$(el, '[part="base"]')).to.have.length(0);
    el.content = pathwayContent;
    await el.updateComplete;
    expect(titleOf(el)).to.equal(pathwayContent.title);
  });

  it('takes the registry to define in as an option', async () => {
    expect(define('registry-explainer', PathwayComparison, { registry: customElements })).to.equal(true);
    expect(define('registry-explainer', PathwayComparison, { registry: customElements })).to.equal(false);
    const el = await fixture<ModalityEl>(html`<registry-explainer></registry-explainer>`);
    expect(titleOf(el)).to.equal(pathwayContent.title);
  });

  it('defines in a scoped registry where the browser has them, leaving the global one alone', async () => {
    const registry = scopedRegistry();
    if (!registry) {
      // No scoped registries here: the global-registry test above covers the option.
      expect(typeof define).to.equal('function');
      return;
    }
    expect(define('scoped-explainer', PathwayComparison, { registry })).to.equal(true);
    expect(define('scoped-explainer', PathwayComparison, { registry })).to.equal(false);
    expect(registry.get('scoped-explainer') === PathwayComparison).to.equal(true);
    expect(customElements.get('scoped-explainer')).to.equal(undefined);
    const el = document.createElement('scoped-explainer', { customElementRegistry: registry } as ElementCreationOptions) as ModalityEl;
    expect(el instanceof PathwayComparison).to.equal(true);
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.append(el);
    await el.updateComplete;
    expect(titleOf(el)).to.equal(pathwayContent.title);
  });
});

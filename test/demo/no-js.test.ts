import { expect } from '@open-wc/testing';
import { modalityContent } from '../../src/explainer/content/modalities.js';
import { pathwayContent } from '../../src/explainer/content/pathways.js';
import { articleReferenceList } from '../../src/explainer/content/references.js';
import { facetOwnLabel, facetText, referenceLinkLabel, type ExplainerContent } from '../../src/explainer/content-types.js';

/**
 * The demo page as readers see it. Web Test Runner serves the repository root, so the page is at
 * /demo/index.html, as it is in the repository (its fallback markup written by `npm run prerender`).
 */
const PAGE = '/demo/index.html';

const explainers: Array<{ tag: 'modality-explainer' | 'pathway-comparison'; content: ExplainerContent }> = [
  { tag: 'modality-explainer', content: modalityContent },
  { tag: 'pathway-comparison', content: pathwayContent },
];

/** Loads the page in an iframe; `sandbox` without `allow-scripts` is a browser with JavaScript off. */
async function loadPage(sandbox?: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox);
  frame.title = 'demo page';
  // A desktop-sized viewport, so the page lays out (and innerText reflects it) as for a reader.
  frame.style.cssText = 'width: 1024px; height: 768px; border: 0;';
  const loaded = new Promise<void>((resolve, reject) => {
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.addEventListener('error', () => reject(new Error(`${PAGE} did not load`)), { once: true });
  });
  frame.src = PAGE;
  document.body.append(frame);
  await loaded;
  return frame;
}

/** White space as the rendering collapses it. */
const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** Every piece of text an explainer's content holds that a reader must be able to read. */
function textsOf(content: ExplainerContent): string[] {
  const texts = [content.title, content.intro ?? ''];
  for (const option of content.options) {
    texts.push(option.label, option.kicker ?? '');
    for (const facet of content.facets) {
      const value = option.facets[facet.id];
      if (value === undefined) continue;
      texts.push(facetOwnLabel(value) ?? facet.label, facetText(value)!);
    }
  }
  for (const note of content.notes ?? []) texts.push(note.title ?? '', note.text);
  for (const ref of content.references ?? []) texts.push(ref.citation, referenceLinkLabel(ref) ?? '');
  return texts.filter(Boolean).map(squash);
}

describe('demo page', () => {
  let frame: HTMLIFrameElement | undefined;

  afterEach(() => {
    frame?.remove();
    frame = undefined;
  });

  describe('with JavaScript off', () => {
    it('shows every option, every facet, the notes and the references of both explainers as visible text', async () => {
      frame = await loadPage('allow-same-origin');
      const doc = frame.contentDocument!;
      expect(doc.title, 'the page itself loaded').to.contain('Insulin Resistance');
      expect(frame.contentWindow!.customElements.get('modality-explainer'), 'no script ran').to.equal(undefined);

      for (const { tag, content } of explainers) {
        const element = doc.querySelector<HTMLElement>(tag);
        expect(element, `<${tag}> is in the page`).to.not.equal(null);
        // innerText is the rendered text: content that is hidden, or not rendered at all, is missing from it.
        const visible = squash(element!.innerText);
        expect(visible, `<${tag}> shows its fallback`).not.to.equal('');
        // A short failure message naming the text, rather than chai's dump of the whole element.
        const missing = textsOf(content).filter((text) => !visible.includes(text));
        expect(missing, `<${tag}> without JavaScript is missing (or hides) these texts`).to.deep.equal([]);
        if (content.eyebrow) {
          // The page may set the eyebrow in capitals (text-transform shows in innerText).
          expect(visible.toLowerCase().includes(content.eyebrow.toLowerCase()), `<${tag}> shows its eyebrow`).to.equal(true);
        }
      }
    });

    it('shows the article’s own reference list', async () => {
      frame = await loadPage('allow-same-origin');
      const doc = frame.contentDocument!;
      const heading = [...doc.querySelectorAll('h2')].find((h) => squash(h.textContent) === 'References');
      expect(heading, 'a References heading').to.not.equal(undefined);
      const list = heading!.nextElementSibling as HTMLElement | null;
      expect(list?.localName, 'the list after the heading').to.equal('ol');
      const items = [...list!.querySelectorAll('li')].map((li) => squash(li.innerText));
      expect(items).to.have.length(articleReferenceList.length);
      articleReferenceList.forEach((ref, i) => {
        expect(items[i], `reference ${i + 1}`).to.include(squash(ref.citation));
        expect(items[i], `reference ${i + 1}'s link`).to.include(referenceLinkLabel(ref)!);
      });
    });
  });

  describe('with JavaScript on', () => {
    it('upgrades both explainers, which render tabs and hide the fallback', async () => {
      frame = await loadPage();
      const win = frame.contentWindow! as Window & typeof globalThis;
      const doc = frame.contentDocument!;
      for (const { tag, content } of explainers) {
        await win.customElements.whenDefined(tag);
        const element = doc.querySelector(tag)!;
        await element.updateComplete;
        const tabs = element.shadowRoot!.querySelectorAll('[role="tab"]');
        expect([...tabs].map((t) => squash(t.querySelector('.tab-label')?.textContent)), `<${tag}>'s tabs`).to.deep.equal(
          content.options.map((o) => o.label),
        );
        // The fallback is not slotted once the element renders its content, so it is not shown twice.
        expect(squash((element as HTMLElement).innerText), `<${tag}>'s fallback is hidden`).to.equal('');
      }
    });
  });
});

import { expect, fixture } from '@open-wc/testing';
import '../../src/index.js';
import { fallbackMarkup } from '../../src/explainer/fallback-markup.js';
import type { ExplainerContent } from '../../src/explainer/content-types.js';
import { referenceHref, referenceLinkLabel } from '../../src/explainer/content-types.js';
import { modalityContent } from '../../src/explainer/content/modalities.js';
import { pathwayContent } from '../../src/explainer/content/pathways.js';
import { expectedFacets, isShown, norm, type ModalityEl } from '../helpers/explainer.js';

/** The markup as a browser reads it (DOMParser runs no scripts). */
const parse = (markup: string): HTMLElement => new DOMParser().parseFromString(`<!doctype html><body>${markup}`, 'text/html').body;
const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((n) => norm(n.textContent));

describe('fallbackMarkup', () => {
  for (const content of [modalityContent, pathwayContent]) {
    describe(content.title, () => {
      const body = parse(fallbackMarkup(content));

      it('has the eyebrow, the title as a heading and the introduction', () => {
        expect(texts(body, 'h2')).to.deep.equal([content.title]);
        expect(norm(body.querySelector('p strong')?.textContent)).to.equal(content.eyebrow);
        expect(norm(body.textContent)).to.contain(norm(content.intro));
      });

      it('gives every option a heading, then all its facets as a definition list', () => {
        const headings = [...body.querySelectorAll('h3')].slice(0, content.options.length);
        expect(headings.map((h) => norm(h.textContent))).to.deep.equal(
          content.options.map((o) => (o.kicker ? `${o.label} (${o.kicker})` : o.label)),
        );
        const lists = [...body.querySelectorAll('dl')];
        expect(lists).to.have.length(content.options.length);
        content.options.forEach((option, i) => {
          expect(headings[i]!.nextElementSibling, 'the list follows its heading').to.satisfy((n: Element | null) => n === lists[i]);
          expect({ labels: texts(lists[i]!, 'dt'), texts: texts(lists[i]!, 'dd') }).to.deep.equal({
            labels: expectedFacets(content, option).map((f) => f.label),
            texts: expectedFacets(content, option).map((f) => norm(f.text)),
          });
        });
      });

      it('says which references support each option', () => {
        const support = texts(body, 'dl + p');
        expect(support).to.deep.equal(
          content.options.map((o) => {
            const numbers = (o.references ?? []).map((id) => content.references!.findIndex((r) => r.id === id) + 1);
            return `Supported by reference${numbers.length > 1 ? 's' : ''} ${numbers.join(', ')}.`;
          }),
        );
      });

      it('has the notes and every reference with its link', () => {
        for (const note of content.notes ?? []) expect(norm(body.textContent)).to.contain(norm(`${note.title}: ${note.text}`));
        const items = [...body.querySelectorAll('ol > li')];
        expect(items).to.have.length(content.references!.length);
        content.references!.forEach((ref, i) => {
          expect(norm(items[i]!.textContent)).to.equal(norm(`${ref.citation} ${referenceLinkLabel(ref)}`));
          expect(items[i]!.querySelector('a')!.getAttribute('href')).to.equal(referenceHref(ref));
        });
      });
    });
  }

  it('carries the article figures and reference links', () => {
    const modality = parse(fallbackMarkup(modalityContent));
    expect(norm(modality.textContent)).to.contain('25 to 45 minutes at 70 to 75%');
    expect(norm(modality.textContent)).to.contain('roughly 80% of insulin-stimulated glucose disposal');
    expect([...modality.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.include('https://doi.org/10.3389/fphys.2025.1702669');
    const pathway = parse(fallbackMarkup(pathwayContent));
    expect(norm(pathway.textContent)).to.contain('under 2.5% to 21%');
    expect([...pathway.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.include('https://pmc.ncbi.nlm.nih.gov/articles/PMC12134773/');
  });

  it('sets heading levels from headingLevel, kept within 1 to 6', () => {
    const three = parse(fallbackMarkup(modalityContent, { headingLevel: 3 }));
    expect(texts(three, 'h3')).to.deep.equal([modalityContent.title]);
    expect(three.querySelectorAll('h4')).to.have.length(modalityContent.options.length + 1);
    const six = parse(fallbackMarkup(modalityContent, { headingLevel: 6 }));
    expect(six.querySelectorAll('h6')).to.have.length(modalityContent.options.length + 2);
    expect(six.querySelectorAll('h7')).to.have.length(0);
  });

  it('escapes text and attributes: content cannot inject markup', () => {
    const nasty = '<script>alert(1)</script><img src=x onerror="alert(2)"> & \'quotes\'';
    const content: ExplainerContent = {
      eyebrow: nasty,
      title: nasty,
      intro: nasty,
      facets: [{ id: 'f', label: nasty }],
      options: [{ id: 'o', label: nasty, kicker: nasty, facets: { f: { label: nasty, text: nasty } }, references: ['r'] }],
      notes: [{ title: nasty, text: nasty }],
      references: [{ id: 'r', citation: nasty, url: 'https://example.org/?a="b"&c=<d>' }],
    };
    const markup = fallbackMarkup(content);
    expect(markup).to.not.contain('<script');
    expect(markup).to.not.contain('<img');
    const body = parse(markup);
    expect(body.querySelectorAll('script, img')).to.have.length(0);
    expect(norm(body.querySelector('h2')?.textContent)).to.equal(norm(nasty));
    expect(norm(body.querySelector('dt')?.textContent)).to.equal(norm(nasty));
    expect(norm(body.querySelector('dd')?.textContent)).to.equal(norm(nasty));
    const link = body.querySelector('ol a')!;
    expect(link.getAttribute('href')).to.equal('https://example.org/?a="b"&c=<d>');
    expect([...link.attributes].map((a) => a.name)).to.deep.equal(['href']);
  });

  it('leaves out what the content does not have', () => {
    const body = parse(fallbackMarkup({ title: 'T', facets: [{ id: 'f', label: 'F' }], options: [{ id: 'o', label: 'O', facets: {} }] }));
    expect(body.querySelectorAll('ol, strong, small')).to.have.length(0);
    expect(texts(body, 'h2, h3')).to.deep.equal(['T', 'O']);
    expect(body.querySelector('dl')!.children).to.have.length(0);
  });

  it('is hidden inside the running element, and shown when its content fails', async () => {
    const markup = fallbackMarkup(modalityContent);
    const el = await fixture<ModalityEl>(`<modality-explainer>${markup}</modality-explainer>`);
    const heading = el.querySelector('h2')!;
    expect(norm(heading.textContent)).to.equal(modalityContent.title);
    expect(isShown(heading), 'hidden while the element renders its content').to.equal(false);
    el.content = { title: '' } as unknown as ExplainerContent;
    await el.updateComplete;
    expect(isShown(heading), 'shown when the content fails').to.equal(true);
  });
});

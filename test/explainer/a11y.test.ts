import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import { modalityContent } from '../../src/explainer/content/modalities.js';
import { pathwayContent } from '../../src/explainer/content/pathways.js';
import type { ExplainerElement } from '../../src/explainer/explainer-element.js';
import { expectNoAxeViolations, formatViolations } from '../helpers/axe.js';
import { $, $$, isShown, shownPanels, type ModalityEl } from '../helpers/explainer.js';

/** An explainer in a wrapper of the given width (and direction, language), rendered and settled. */
async function render(markup: string, { width = 760, dir = 'ltr', lang = 'en' } = {}): Promise<{ wrapper: HTMLElement; el: ExplainerElement }> {
  const wrapper = await fixture<HTMLDivElement>(`<div style="width: ${width}px" dir="${dir}" lang="${lang}">${markup}</div>`);
  const el = wrapper.firstElementChild as ExplainerElement;
  await el.updateComplete;
  return { wrapper, el };
}

const presets = [
  { tag: 'modality-explainer', content: modalityContent },
  { tag: 'pathway-comparison', content: pathwayContent },
];

describe('accessibility (axe-core)', () => {
  it('the helper reports a real violation readably', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" /></div>`);
    const results = await window.axe.run(wrapper, { resultTypes: ['violations'] });
    expect(results.violations.map((v) => v.id)).to.include('image-alt');
    expect(formatViolations(results.violations)).to.match(/\[critical\] image-alt: .*\n\s+at img\n/);
    let failure = '';
    await expectNoAxeViolations(wrapper).catch((e: Error) => (failure = e.message));
    expect(failure).to.match(/^axe-core found 1 accessibility violation/);
  });

  it('sees into the shadow DOM', async () => {
    const { wrapper } = await render('<modality-explainer></modality-explainer>');
    const results = await window.axe.run(wrapper, { runOnly: ['button-name'], resultTypes: ['passes'] });
    const targets = results.passes.flatMap((r) => r.nodes.map((n) => n.target));
    // A node in a shadow root is targeted as [host selector, selector inside].
    expect(targets.filter((t) => Array.isArray(t[0]) && t[0][0] === 'modality-explainer').length, 'buttons inside the shadow root were checked').to.be.greaterThan(5);
  });

  for (const { tag, content } of presets) {
    for (const option of content.options) {
      it(`<${tag}> with "${option.id}" selected`, async () => {
        const { wrapper, el } = await render(`<${tag} selected="${option.id}"></${tag}>`);
        expect(shownPanels(el)[0]!.id).to.equal(`panel-${option.id}`);
        await expectNoAxeViolations(wrapper);
      });
    }

    it(`<${tag}> compare view, wide (table)`, async () => {
      const { wrapper, el } = await render(`<${tag} view="compare"></${tag}>`, { width: 760 });
      expect(isShown($(el, 'table'))).to.equal(true);
      await expectNoAxeViolations(wrapper);
    });

    it(`<${tag}> compare view, narrow (cards)`, async () => {
      const { wrapper, el } = await render(`<${tag} view="compare"></${tag}>`, { width: 320 });
      expect(isShown($(el, '.stack'))).to.equal(true);
      await expectNoAxeViolations(wrapper);
    });

    it(`<${tag}> tabs view at 320px`, async () => {
      const { wrapper } = await render(`<${tag}></${tag}>`, { width: 320 });
      await expectNoAxeViolations(wrapper);
    });

    it(`<${tag}> right to left`, async () => {
      const { wrapper } = await render(`<${tag}></${tag}>`, { dir: 'rtl' });
      await expectNoAxeViolations(wrapper);
      (wrapper.firstElementChild as ExplainerElement).view = 'compare';
      await (wrapper.firstElementChild as ExplainerElement).updateComplete;
      await expectNoAxeViolations(wrapper);
    });
  }

  it('custom content from src, in both views', async () => {
    const { wrapper, el } = await render('<modality-explainer src="/test/fixtures/explainer-custom.json" selected="rest"></modality-explainer>');
    expect(shownPanels(el)[0]!.id).to.equal('panel-rest');
    await expectNoAxeViolations(wrapper);
    el.view = 'compare';
    await el.updateComplete;
    await expectNoAxeViolations(wrapper);
  });

  it('custom content without references, notes or kickers', async () => {
    const { wrapper } = await render('<modality-explainer src="/test/fixtures/explainer-custom-b.json" heading-level="3"></modality-explainer>');
    await expectNoAxeViolations(wrapper);
  });

  it('the error shown for invalid content, with the fallback', async () => {
    const { wrapper, el } = await render(
      '<modality-explainer src="/test/fixtures/explainer-invalid.json"><h2>What the research tested</h2><p>Plain text version.</p></modality-explainer>',
    );
    expect($$(el, '[part="error"]')).to.have.length(1);
    await expectNoAxeViolations(wrapper);
  });

  it('the loading state', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('modality-explainer') as ModalityEl;
    el.src = '/test/fixtures/explainer-custom.json';
    wrapper.append(el);
    (el as unknown as { performUpdate(): void }).performUpdate();
    expect($$(el, '.loading')).to.have.length(1);
    await expectNoAxeViolations(wrapper);
    await el.updateComplete;
  });

  it('on a dark page in dark mode', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="background: #121212; color: #eeeeee; width: 760px"><modality-explainer></modality-explainer></div>`,
      );
      const el = wrapper.firstElementChild as ModalityEl;
      await el.updateComplete;
      await expectNoAxeViolations(wrapper);
      el.view = 'compare';
      await el.updateComplete;
      await expectNoAxeViolations(wrapper);
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('makes every control and reference number a target of at least 24 × 24 px, wide and at 320 px', async () => {
    for (const { tag } of presets) {
      for (const width of [760, 320]) {
        for (const view of ['tabs', 'compare']) {
          const { el } = await render(`<${tag} view="${view}"></${tag}>`, { width });
          // Inline links in running text (the reference list) are exempt from the target-size rule.
          const targets = $$(el, 'button, .support a').filter(isShown);
          expect(targets.length, `${tag} ${view} at ${width}px has targets`).to.be.greaterThan(2);
          for (const target of targets) {
            const { width: w, height: h } = target.getBoundingClientRect();
            expect(Math.min(w, h), `${tag} ${view} at ${width}px: ${target.textContent?.trim()}`).to.be.at.least(24);
          }
        }
      }
    }
  });

  it('in Spanish', async () => {
    const { wrapper } = await render('<pathway-comparison view="compare"></pathway-comparison>', { lang: 'es' });
    await expectNoAxeViolations(wrapper);
  });
});

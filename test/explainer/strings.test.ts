import { expect, fixture } from '@open-wc/testing';
import '../../src/index.js';
import { explainerStrings } from '../../src/explainer/strings.js';
import { pathwayContent } from '../../src/explainer/content/pathways.js';
import type { ExplainerElement } from '../../src/explainer/explainer-element.js';
import { $, norm, viewButtons } from '../helpers/explainer.js';

const es = explainerStrings.es!;
const en = explainerStrings.en;

async function render(markup: string): Promise<ExplainerElement> {
  const wrapper = await fixture<HTMLElement>(markup);
  const el = (wrapper.matches('modality-explainer, pathway-comparison') ? wrapper : wrapper.querySelector('modality-explainer, pathway-comparison'))!;
  await (el as ExplainerElement).updateComplete;
  return el as ExplainerElement;
}

function engineWords(el: ExplainerElement) {
  return {
    group: $(el, '[part="view-switch"]').getAttribute('aria-label'),
    buttons: viewButtons(el).map((b) => norm(b.textContent)),
    references: norm($(el, '.references-title').textContent),
  };
}

describe('strings', () => {
  it('shows the Spanish view switch inside an ancestor with lang="es"', async () => {
    const el = await render('<section lang="es"><div><pathway-comparison></pathway-comparison></div></section>');
    expect(viewButtons(el).map((b) => norm(b.textContent))).to.deep.equal(['De una en una', 'Comparar todas']);
    expect(viewButtons(el).map((b) => norm(b.textContent))).to.deep.equal([es.tabsView, es.compareView]);
    expect($(el, '[part="view-switch"]').getAttribute('aria-label')).to.equal(es.viewGroup);
    expect(norm($(el, '.references-title').textContent)).to.equal('Referencias');
    const support = norm($(el, '[role="tabpanel"]:not([hidden]) .support').textContent);
    expect(support).to.match(new RegExp(`^${es.supportedBy} ${es.reference} 5$`));
    expect(norm($(el, 'caption').textContent)).to.equal(es.compareCaption(pathwayContent.title));
  });

  it('takes the language from the element itself, or a region subtag of it', async () => {
    const own = await render('<modality-explainer lang="es"></modality-explainer>');
    expect(viewButtons(own).map((b) => norm(b.textContent))).to.deep.equal([es.tabsView, es.compareView]);
    const regional = await render('<div lang="es-MX"><modality-explainer></modality-explainer></div>');
    expect(viewButtons(regional).map((b) => norm(b.textContent))).to.deep.equal([es.tabsView, es.compareView]);
  });

  it('lets the nearest lang win', async () => {
    const el = await render('<div lang="es"><div lang="en"><modality-explainer></modality-explainer></div></div>');
    expect(viewButtons(el).map((b) => norm(b.textContent))).to.deep.equal(['One at a time', 'Compare all']);
  });

  it('falls back to English for a language it has no table for', async () => {
    const el = await render('<div lang="fr"><modality-explainer></modality-explainer></div>');
    expect(engineWords(el).buttons).to.deep.equal([en.tabsView, en.compareView]);
    expect(engineWords(el).group).to.equal('View');
    expect(engineWords(el).references).to.equal('References');
  });

  it('shows the error message in Spanish', async () => {
    const el = await render('<div lang="es"><modality-explainer src="/test/fixtures/explainer-invalid.json"></modality-explainer></div>');
    expect(norm($(el, '[part="error"] p').textContent)).to.equal(`${es.errorTitle} ${es.errorIntro}`);
  });

  it('has every English string in Spanish', () => {
    expect(Object.keys(es).sort()).to.deep.equal(Object.keys(en).sort());
    expect(es.moreIssues(2)).to.equal('y 2 más');
  });
});

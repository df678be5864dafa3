import { expect, fixture, html } from '@open-wc/testing';
import '../../src/entries/modality-explainer.js';
import { ModalityExplainer } from '../../src/explainer/modality-explainer.js';
import { modalityContent } from '../../src/explainer/content/modalities.js';
import { describePresetContent, readSupport, renderPreset } from '../helpers/content-suite.js';
import { $, $$, isShown, norm, readFacets, selectedTab, shownPanels, tabs, type ModalityEl } from '../helpers/explainer.js';

describePresetContent('modality-explainer', modalityContent);

describe('<modality-explainer> shows the article', () => {
  it('is registered as the ModalityExplainer class', () => {
    expect(customElements.get('modality-explainer')).to.equal(ModalityExplainer);
  });

  it('names the four modalities the research compares', async () => {
    const el = await renderPreset('modality-explainer');
    expect(tabs(el).map((t) => norm(t.textContent))).to.deep.equal([
      'Aerobic training',
      'Resistance training',
      'High-intensity interval training (HIIT)',
      'Combined aerobic and resistance training',
    ]);
  });

  it('gives the aerobic protocol of the trials: 25 to 45 minutes at 70 to 75% of maximum heart rate', async () => {
    const el = await renderPreset('modality-explainer', 'selected="aerobic"');
    const facets = readFacets(shownPanels(el)[0]!);
    expect(facets.map((f) => f.label)).to.deep.equal([
      'Insulin sensitivity effect',
      'What it targets',
      'Typical protocol in trials',
      'Notable finding',
    ]);
    expect(facets[0]!.text).to.equal('Moderate to strong');
    expect(facets[2]!.text).to.contain('25 to 45 minutes at 70 to 75%');
    expect(facets[2]!.text).to.contain('three times a week');
  });

  it('says resistance training targets the muscle behind roughly 80% of glucose disposal, by a mechanism', async () => {
    const el = await renderPreset('modality-explainer', 'selected="resistance"');
    const panel = shownPanels(el)[0]!;
    const text = norm(panel.innerText);
    expect(text).to.contain('roughly 80% of insulin-stimulated glucose disposal');
    expect(text).to.contain('Strong, weight-independent');
    expect(readFacets(panel)[2]!.label).to.equal('Mechanism');
    expect(text).to.contain('GLUT4');
  });

  it('gives HIIT and combined training their own facet labels', async () => {
    const hiit = await renderPreset('modality-explainer', 'selected="hiit"');
    expect(readFacets(shownPanels(hiit)[0]!)[2]!.label).to.equal('Typical protocol in trials');
    expect(norm(shownPanels(hiit)[0]!.innerText)).to.contain('Strong, time-efficient');
    const combined = await renderPreset('modality-explainer', 'selected="combined"');
    expect(readFacets(shownPanels(combined)[0]!)[2]!.label).to.equal('Evidence base');
    expect(norm(shownPanels(combined)[0]!.innerText)).to.contain('Most comprehensive');
  });

  it('links aerobic training to references 1 to 4 by DOI and PMC', async () => {
    const el = await renderPreset('modality-explainer');
    expect(readSupport(shownPanels(el)[0]!)).to.deep.equal([
      { number: '1', href: 'https://doi.org/10.3389/fphys.2025.1702669' },
      { number: '2', href: 'https://doi.org/10.3389/fendo.2025.1409474' },
      { number: '3', href: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC12654782/' },
      { number: '4', href: 'https://doi.org/10.1155/jdr/9922344' },
    ]);
  });

  it('lists the four exercise references with their links', async () => {
    const el = await renderPreset('modality-explainer');
    const links = $$<HTMLAnchorElement>(el, '[part="references"] li a');
    expect(links.map((a) => a.href)).to.deep.equal([
      'https://doi.org/10.3389/fphys.2025.1702669',
      'https://doi.org/10.3389/fendo.2025.1409474',
      'https://pmc.ncbi.nlm.nih.gov/articles/PMC12654782/',
      'https://doi.org/10.1155/jdr/9922344',
    ]);
    expect(links.map((a) => norm(a.textContent))).to.deep.equal([
      'DOI: 10.3389/fphys.2025.1702669',
      'DOI: 10.3389/fendo.2025.1409474',
      'PMC: PMC12654782',
      'DOI: 10.1155/jdr/9922344',
    ]);
    expect(norm($(el, '[part="references"] li').textContent)).to.contain('Zhang Q, Guo Y, Zhang H, Xu W, Yin L.');
  });

  it('closes with why this matters for programming', async () => {
    const el = await renderPreset('modality-explainer');
    expect(norm($(el, '[part="notes"]').textContent)).to.match(/^Why this matters for programming: /);
  });
});

describe('explainer attributes', () => {
  it('falls back to the first option when selected names no option', async () => {
    const el = await renderPreset('modality-explainer', 'selected="yoga"');
    expect(selectedTab(el).id).to.equal('tab-aerobic');
    expect(shownPanels(el).map((p) => p.id)).to.deep.equal(['panel-aerobic']);
    expect(tabs(el).filter((t) => t.tabIndex === 0).map((t) => t.id)).to.deep.equal(['tab-aerobic']);
  });

  it('follows a change of the selected attribute or property', async () => {
    const el = (await renderPreset('modality-explainer')) as ModalityEl;
    el.setAttribute('selected', 'combined');
    await el.updateComplete;
    expect(shownPanels(el).map((p) => p.id)).to.deep.equal(['panel-combined']);
    el.selected = 'hiit';
    await el.updateComplete;
    expect(shownPanels(el).map((p) => p.id)).to.deep.equal(['panel-hiit']);
    expect(el.getAttribute('selected')).to.equal('hiit');
  });

  it('switches view from the view attribute and reflects the view property', async () => {
    const el = (await renderPreset('modality-explainer', '', 760)) as ModalityEl;
    el.setAttribute('view', 'compare');
    await el.updateComplete;
    expect(isShown($(el, 'table'))).to.equal(true);
    expect(isShown($(el, '[role="tablist"]'))).to.equal(false);
    el.view = 'tabs';
    await el.updateComplete;
    expect(el.getAttribute('view')).to.equal('tabs');
    expect(isShown($(el, '[role="tablist"]'))).to.equal(true);
  });

  it('treats an unknown view as the tabs view', async () => {
    const el = await renderPreset('modality-explainer', 'view="grid"');
    expect(isShown($(el, '[role="tablist"]'))).to.equal(true);
    expect(isShown($(el, '[part="compare"]'))).to.equal(false);
    expect($$(el, '[part="view-switch"] button').map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false']);
  });

  it('makes the title a level-2 heading and the headings inside level 3 by default', async () => {
    const el = await renderPreset('modality-explainer', 'view="compare"', 320);
    expect($(el, '[part="title"]').getAttribute('aria-level')).to.equal('2');
    expect($(el, '.references-title').getAttribute('aria-level')).to.equal('3');
    expect($$(el, '.card-title').map((c) => c.getAttribute('aria-level'))).to.deep.equal(['3', '3', '3', '3']);
  });

  it('sets the title level from heading-level, and the headings inside one level lower', async () => {
    const el = await renderPreset('modality-explainer', 'heading-level="4" view="compare"', 320);
    expect($(el, '[part="title"]').getAttribute('aria-level')).to.equal('4');
    expect($(el, '.references-title').getAttribute('aria-level')).to.equal('5');
    expect($$(el, '.card-title').map((c) => c.getAttribute('aria-level'))).to.deep.equal(['5', '5', '5', '5']);
  });

  it('keeps heading levels between 1 and 6', async () => {
    const deep = await renderPreset('modality-explainer', 'heading-level="6"');
    expect($(deep, '[part="title"]').getAttribute('aria-level')).to.equal('6');
    expect($(deep, '.references-title').getAttribute('aria-level')).to.equal('6');
    const silly = await renderPreset('modality-explainer', 'heading-level="0"');
    expect($(silly, '[part="title"]').getAttribute('aria-level')).to.equal('1');
    const junk = await renderPreset('modality-explainer', 'heading-level="big"');
    expect($(junk, '[part="title"]').getAttribute('aria-level')).to.equal('2');
  });

  it('renders from a fixture built with a property binding too', async () => {
    const el = await fixture<ModalityEl>(html`<modality-explainer .selected=${'resistance'}></modality-explainer>`);
    expect(selectedTab(el).id).to.equal('tab-resistance');
  });
});

import { expect } from '@open-wc/testing';
import '../../src/entries/pathway-comparison.js';
import { PathwayComparison } from '../../src/explainer/pathway-comparison.js';
import { pathwayContent } from '../../src/explainer/content/pathways.js';
import { describePresetContent, readSupport, renderPreset } from '../helpers/content-suite.js';
import { $, $$, norm, readFacets, shownPanels, tabs } from '../helpers/explainer.js';

describePresetContent('pathway-comparison', pathwayContent);

describe('<pathway-comparison> shows the article', () => {
  it('is registered as the PathwayComparison class', () => {
    expect(customElements.get('pathway-comparison')).to.equal(PathwayComparison);
  });

  it('names the two pathways with their kickers', async () => {
    const el = await renderPreset('pathway-comparison');
    expect(tabs(el).map((t) => [norm(t.querySelector('.tab-label')?.textContent), norm(t.querySelector('.tab-kicker')?.textContent)])).to.deep.equal([
      ['GLP-1 agonists and metformin', 'Pharmacological'],
      ['Resistance and combined training', 'Mechanical'],
    ]);
  });

  it('gives the rise in GLP-1 prescribing: under 2.5% to 21% within a decade', async () => {
    const el = await renderPreset('pathway-comparison', 'selected="pharmacological"');
    const facets = readFacets(shownPanels(el)[0]!);
    expect(facets.map((f) => f.label)).to.deep.equal(['Primary site', 'Mechanism', 'Weight dependence', 'Access']);
    expect(facets[3]!.text).to.contain('under 2.5% to 21% within a decade');
    expect(facets[0]!.text).to.contain('pancreas');
    expect(readSupport(shownPanels(el)[0]!)).to.deep.equal([{ number: '5', href: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC12134773/' }]);
  });

  it('puts the training pathway in skeletal muscle, roughly 80% of glucose disposal', async () => {
    const el = await renderPreset('pathway-comparison', 'selected="mechanical"');
    const panel = shownPanels(el)[0]!;
    const facets = readFacets(panel);
    expect(facets.map((f) => f.label)).to.deep.equal(['Primary site', 'Mechanism', 'Weight dependence', 'Evidence']);
    expect(facets[0]!.text).to.contain('roughly 80% of insulin-stimulated glucose disposal');
    expect(facets[2]!.text).to.contain('without significant weight loss');
    expect(readSupport(panel).map((s) => s.href)).to.deep.equal([
      'https://doi.org/10.3389/fphys.2025.1702669',
      'https://doi.org/10.3389/fendo.2025.1409474',
      'https://pmc.ncbi.nlm.nih.gov/articles/PMC12654782/',
      'https://doi.org/10.1155/jdr/9922344',
    ]);
  });

  it('says the two are not competing options', async () => {
    const el = await renderPreset('pathway-comparison');
    expect(norm($(el, '[part="notes"]').textContent)).to.match(/^Not competing options: The two act on different tissue/);
  });

  it('lists all five references, the prescribing trends last', async () => {
    const el = await renderPreset('pathway-comparison');
    expect($$<HTMLAnchorElement>(el, '[part="references"] li a').map((a) => a.href)).to.deep.equal([
      'https://doi.org/10.3389/fphys.2025.1702669',
      'https://doi.org/10.3389/fendo.2025.1409474',
      'https://pmc.ncbi.nlm.nih.gov/articles/PMC12654782/',
      'https://doi.org/10.1155/jdr/9922344',
      'https://pmc.ncbi.nlm.nih.gov/articles/PMC12134773/',
    ]);
  });

  it('shows the own labels in the compare table cells', async () => {
    const el = await renderPreset('pathway-comparison', 'view="compare"', 760);
    const accessRow = $$(el, 'tbody tr').find((r) => norm(r.querySelector('th')?.textContent) === 'Access or evidence')!;
    const cells = [...accessRow.querySelectorAll('td')].map((td) => norm(td.textContent));
    expect(cells[0]).to.match(/^Access: Prescribing has grown sharply/);
    expect(cells[1]).to.match(/^Evidence: In recent reviews/);
  });
});

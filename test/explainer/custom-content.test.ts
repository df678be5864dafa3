import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { define } from '../../src/base/define.js';
import { ExplainerElement } from '../../src/explainer/explainer-element.js';
import type { ExplainerContent } from '../../src/explainer/content-types.js';
import { modalityContent } from '../../src/explainer/content/modalities.js';
import { expectedSupport, readSupport } from '../helpers/content-suite.js';
import {
  $,
  $$,
  expectedFacets,
  isShown,
  norm,
  readFacets,
  recordEvents,
  shownPanels,
  tabs,
  watchWindowErrors,
  type ModalityEl,
} from '../helpers/explainer.js';

// The bare engine, which has no default content, under a tag of the test's own.
define('test-explainer', ExplainerElement);

const CUSTOM = '/test/fixtures/explainer-custom.json';
const CUSTOM_B = '/test/fixtures/explainer-custom-b.json';
const MISSING = '/test/fixtures/does-not-exist.json';

let custom: ExplainerContent;
let customB: ExplainerContent;
before(async () => {
  custom = await (await fetch(CUSTOM)).json();
  customB = await (await fetch(CUSTOM_B)).json();
});

const title = (el: ExplainerElement) => norm($(el, '[part="title"]').textContent);

/** Content parsed from an inline script, as a blogger writes it. */
function inlineScript(content: unknown): string {
  return `<script type="application/json">${JSON.stringify(content)}</script>`;
}

describe('custom content', () => {
  let watch: ReturnType<typeof watchWindowErrors>;
  let errors: ReturnType<typeof recordEvents<'explainer-error'>>;
  beforeEach(() => {
    watch = watchWindowErrors();
    errors = recordEvents('explainer-error');
  });
  afterEach(() => {
    watch.stop();
    errors.stop();
    expect(watch.errors, 'nothing uncaught reached window').to.deep.equal([]);
  });

  it('shows everything in content given as a property, in both views', async () => {
    const el = await fixture<ModalityEl>(html`<div style="width: 760px"><modality-explainer .content=${custom}></modality-explainer></div>`).then(
      (w) => w.firstElementChild as ModalityEl,
    );
    await el.updateComplete;
    expect(norm($(el, '.eyebrow').textContent)).to.equal('Recovery');
    expect(title(el)).to.equal('Ways to spend a rest day');
    expect(norm($(el, '.intro').textContent)).to.equal(custom.intro);
    expect(tabs(el).map((t) => norm(t.querySelector('.tab-label')?.textContent))).to.deep.equal(['Easy walk', 'Mobility work', 'Full rest']);
    expect(tabs(el).map((t) => t.querySelector('.tab-kicker')?.textContent)).to.deep.equal(['Active', undefined, 'Passive']);
    for (const option of custom.options) {
      el.selected = option.id;
      await el.updateComplete;
      const panel = shownPanels(el)[0]!;
      expect(panel.id).to.equal(`panel-${option.id}`);
      expect(readFacets(panel)).to.deep.equal(expectedFacets(custom, option));
      expect(readSupport(panel)).to.deep.equal(expectedSupport(custom, option));
    }
    // A reference given by URL links to it; one given by DOI links to doi.org.
    expect($$<HTMLAnchorElement>(el, '[part="references"] li a').map((a) => [a.href, norm(a.textContent)])).to.deep.equal([
      ['https://example.org/walking', 'https://example.org/walking'],
      ['https://doi.org/10.1000/xyz123', 'DOI: 10.1000/xyz123'],
    ]);
    expect($$(el, '[part="notes"] p').map((p) => norm(p.textContent))).to.deep.equal([
      'Either way: Sleep matters more than which of these you pick.',
      'A second note without a title.',
    ]);
    el.view = 'compare';
    await el.updateComplete;
    // "Mobility work" has no dose: its cell shows a dash.
    const doseRow = $$(el, 'tbody tr').find((r) => norm(r.querySelector('th')?.textContent) === 'Typical dose')!;
    expect([...doseRow.querySelectorAll('td')].map((td) => norm(td.textContent))).to.deep.equal([
      'After meals: 10 to 15 minutes after the larger meals of the day.',
      '—',
      'A day or two a week.',
    ]);
    expect(errors.events.map((e) => e.detail)).to.deep.equal([]);
  });

  it('loads content from src, and updateComplete waits for it', async () => {
    const el = await fixture<ModalityEl>(html`<modality-explainer src=${CUSTOM}></modality-explainer>`);
    expect(title(el)).to.equal(custom.title);
    expect(tabs(el)).to.have.length(3);
    expect(norm(shownPanels(el)[0]!.innerText)).to.contain('Keeps blood glucose in check after meals');
  });

  it('resolves src against the page, like a link', async () => {
    const el = await fixture<ModalityEl>(html`<modality-explainer src="../../test/fixtures/explainer-custom-b.json"></modality-explainer>`);
    expect(title(el)).to.equal(customB.title);
  });

  it('shows a loading status and the fallback while src loads', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('modality-explainer');
    el.src = CUSTOM;
    el.innerHTML = '<p class="fallback">The comparison, as plain text.</p>';
    wrapper.append(el);
    // Run the first update now, before the fetch can answer.
    (el as unknown as { performUpdate(): void }).performUpdate();
    const status = $(el, '.loading');
    expect(status.getAttribute('role')).to.equal('status');
    expect(norm(status.textContent)).to.equal('Loading…');
    const fallback = el.querySelector('.fallback')!;
    expect(fallback.assignedSlot, 'the fallback is slotted').to.not.equal(null);
    expect(isShown(fallback)).to.equal(true);
    await el.updateComplete;
    expect(title(el)).to.equal(custom.title);
    expect(isShown(fallback), 'the fallback goes once content shows').to.equal(false);
    expect($$(el, '.loading')).to.have.length(0);
  });

  it('reads an inline <script type="application/json"> child', async () => {
    const el = await fixture<ModalityEl>(`<modality-explainer>${inlineScript(customB)}</modality-explainer>`);
    expect(title(el)).to.equal(customB.title);
    expect(tabs(el).map((t) => norm(t.textContent))).to.deep.equal(['Morning', 'Evening']);
    expect($$(el, '[part="references"]'), 'no references, no list').to.have.length(0);
    expect($$(el, '[part="notes"]'), 'no notes, no notes part').to.have.length(0);
  });

  it('renders the bare engine from an inline script', async () => {
    const el = await fixture<ExplainerElement>(`<test-explainer selected="evening">${inlineScript(customB)}</test-explainer>`);
    expect(title(el)).to.equal(customB.title);
    expect(shownPanels(el)[0]!.id).to.equal('panel-evening');
  });

  it('shows only its fallback when the bare engine has no content at all', async () => {
    const el = await fixture<ExplainerElement>(`<test-explainer><p class="fallback">Plain text version</p></test-explainer>`);
    expect($$(el, '[part="base"]')).to.have.length(0);
    expect($$(el, '.loading')).to.have.length(0);
    expect(isShown(el.querySelector('.fallback')!)).to.equal(true);
    expect(errors.events.map((e) => e.detail)).to.deep.equal([]);
  });

  it('uses the content property over src, src over the inline script, the script over the default', async () => {
    const el = await fixture<ModalityEl>(
      `<modality-explainer src="${CUSTOM_B}">${inlineScript({ ...customB, title: 'From the script' })}</modality-explainer>`,
    );
    expect(title(el), 'src beats the script').to.equal(customB.title);
    el.content = { ...customB, title: 'From the property' };
    await el.updateComplete;
    expect(title(el), 'the property beats src').to.equal('From the property');
    el.content = undefined;
    await el.updateComplete;
    expect(title(el), 'without the property, src').to.equal(customB.title);
    el.src = undefined;
    await el.updateComplete;
    expect(title(el), 'without src, the script').to.equal('From the script');
    el.querySelector('script')!.remove();
    el.src = '';
    await el.updateComplete;
    expect(title(el), 'without any, the preset default').to.equal(modalityContent.title);
  });

  it('loads the new file when src changes, keeping a valid selection or falling back to the first option', async () => {
    const el = await fixture<ModalityEl>(html`<modality-explainer src=${CUSTOM} selected="rest"></modality-explainer>`);
    expect(shownPanels(el)[0]!.id).to.equal('panel-rest');
    el.setAttribute('src', CUSTOM_B);
    await el.updateComplete;
    expect(title(el)).to.equal(customB.title);
    expect(shownPanels(el)[0]!.id).to.equal('panel-morning');
    el.src = CUSTOM;
    await el.updateComplete;
    expect(title(el)).to.equal(custom.title);
    expect(shownPanels(el)[0]!.id).to.equal('panel-rest');
  });

  it('shows the last src when it changes while the first is still loading, without an error', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('modality-explainer');
    el.src = CUSTOM;
    wrapper.append(el);
    (el as unknown as { performUpdate(): void }).performUpdate();
    el.src = CUSTOM_B;
    await el.updateComplete;
    expect(title(el)).to.equal(customB.title);
    expect(errors.events.map((e) => e.detail)).to.deep.equal([]);
  });

  it('finishes loading src when the element is moved while it loads', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><section></section></div>`);
    const el = document.createElement('modality-explainer');
    el.src = CUSTOM;
    wrapper.append(el);
    (el as unknown as { performUpdate(): void }).performUpdate();
    wrapper.querySelector('section')!.append(el);
    await el.updateComplete;
    expect(errors.events.map((e) => e.detail)).to.deep.equal([]);
    expect(title(el)).to.equal(custom.title);
  });

  it('names src when the file is not there (404)', async () => {
    const el = await fixture<ModalityEl>(
      html`<modality-explainer src=${MISSING}><p class="fallback">Plain text version</p></modality-explainer>`,
    );
    const error = $(el, '[part="error"]');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(isShown(error)).to.equal(true);
    expect(norm(error.querySelector('li code')?.textContent)).to.equal('src');
    expect(norm(error.querySelector('li')?.textContent)).to.contain('404');
    expect(errors.events.map((e) => e.detail)).to.deep.equal([
      {
        source: 'src',
        message: `src could not be loaded from ${MISSING}: the server answered 404`,
        issues: [{ path: 'src', message: `could not be loaded from ${MISSING}: the server answered 404` }],
      },
    ]);
    expect(isShown(el.querySelector('.fallback')!)).to.equal(true);
  });

  it('picks up an inline script added, edited or removed after the element started', async () => {
    const el = await fixture<ModalityEl>(html`<modality-explainer></modality-explainer>`);
    expect(title(el)).to.equal(modalityContent.title);
    // Mutation observers report after a microtask; the element then resolves the new content.
    const settle = async () => {
      await Promise.resolve();
      await el.updateComplete;
    };
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(custom);
    el.append(script);
    await settle();
    expect(title(el)).to.equal(custom.title);
    script.textContent = JSON.stringify(customB);
    await settle();
    expect(title(el)).to.equal(customB.title);
    script.remove();
    await settle();
    expect(title(el)).to.equal(modalityContent.title);
    expect(errors.events).to.have.length(0);
  });

  it('recovers from an error when good content arrives', async () => {
    const el = await fixture<ModalityEl>(html`<modality-explainer src=${MISSING}></modality-explainer>`);
    expect($$(el, '[part="error"]')).to.have.length(1);
    el.src = CUSTOM_B;
    await el.updateComplete;
    expect($$(el, '[part="error"]')).to.have.length(0);
    expect(title(el)).to.equal(customB.title);
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { expectSameNode, recordEvents, tabs, viewButtons, type ModalityEl, type PathwayEl } from '../helpers/explainer.js';

/** The element inside an open shadow root of another, so "composed" is put to the test. */
async function nestedInShadow(): Promise<{ host: HTMLDivElement; el: ModalityEl }> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const shadow = host.attachShadow({ mode: 'open' });
  const el = document.createElement('modality-explainer');
  shadow.append(el);
  await el.updateComplete;
  return { host, el };
}

describe('explainer-change', () => {
  let recorder: ReturnType<typeof recordEvents<'explainer-change'>>;
  beforeEach(() => {
    recorder = recordEvents('explainer-change');
  });
  afterEach(() => recorder.stop());

  it('fires on a tab click, bubbling and composed, with the option and view', async () => {
    const { host, el } = await nestedInShadow();
    tabs(el)[2]!.click();
    await el.updateComplete;
    expect(recorder.events.map((e) => e.detail)).to.have.length(1);
    const event = recorder.events[0]!;
    expect(event.detail).to.deep.equal({ selected: 'hiit', view: 'tabs' });
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    // Heard on document from inside another shadow root, retargeted to that root's host.
    expectSameNode(event.target as Node, host, 'target seen by document');
  });

  it('fires with the new state already applied', async () => {
    const el = await fixture<ModalityEl>(html`<modality-explainer></modality-explainer>`);
    let seen: string | undefined;
    el.addEventListener('explainer-change', () => (seen = el.selected));
    tabs(el)[1]!.click();
    expect(seen).to.equal('resistance');
  });

  it('fires on arrow keys, Home and End, once per press', async () => {
    const el = await fixture<ModalityEl>(html`<modality-explainer></modality-explainer>`);
    tabs(el)[0]!.focus();
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowLeft', 'End', 'Home']) {
      await sendKeys({ press: key });
      await el.updateComplete;
    }
    expect(recorder.events.map((e) => e.detail.selected)).to.deep.equal(['resistance', 'hiit', 'resistance', 'combined', 'aerobic']);
    expect(recorder.events.every((e) => e.detail.view === 'tabs')).to.equal(true);
  });

  it('fires on the view switch, with the option still selected', async () => {
    const el = await fixture<PathwayEl>(html`<pathway-comparison selected="mechanical"></pathway-comparison>`);
    const [tabsButton, compareButton] = viewButtons(el) as [HTMLButtonElement, HTMLButtonElement];
    compareButton.click();
    await el.updateComplete;
    compareButton.focus();
    await sendKeys({ press: 'Shift+Tab' });
    expectSameNode(el.shadowRoot!.activeElement, tabsButton);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(recorder.events.map((e) => e.detail)).to.deep.equal([
      { selected: 'mechanical', view: 'compare' },
      { selected: 'mechanical', view: 'tabs' },
    ]);
  });

  it('names the shown option when the view is switched before any selection', async () => {
    const el = await fixture<PathwayEl>(html`<pathway-comparison></pathway-comparison>`);
    viewButtons(el)[1]!.click();
    expect(recorder.events.map((e) => e.detail)).to.deep.equal([{ selected: 'pharmacological', view: 'compare' }]);
  });

  it('does not fire when the page sets selected or view', async () => {
    const el = await fixture<ModalityEl>(html`<modality-explainer></modality-explainer>`);
    el.selected = 'combined';
    await el.updateComplete;
    el.setAttribute('selected', 'hiit');
    await el.updateComplete;
    el.view = 'compare';
    await el.updateComplete;
    el.setAttribute('view', 'tabs');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[aria-selected="true"]')!.id).to.equal('tab-hiit');
    expect(recorder.events.map((e) => e.detail)).to.deep.equal([]);
  });

  it('does not fire when the selected tab or the current view is chosen again', async () => {
    const el = await fixture<ModalityEl>(html`<modality-explainer selected="resistance"></modality-explainer>`);
    tabs(el)[1]!.click();
    viewButtons(el)[0]!.click();
    await el.updateComplete;
    // The first tab shown by default counts as selected too.
    const fresh = await fixture<ModalityEl>(html`<modality-explainer></modality-explainer>`);
    tabs(fresh)[0]!.click();
    await fresh.updateComplete;
    expect(recorder.events.map((e) => e.detail)).to.deep.equal([]);
    // A real change still fires.
    tabs(el)[3]!.click();
    expect(recorder.events.map((e) => e.detail.selected)).to.deep.equal(['combined']);
  });

  it('is not cancelable: the page observes the change, it does not veto it', async () => {
    const el = await fixture<ModalityEl>(html`<modality-explainer></modality-explainer>`);
    el.addEventListener('explainer-change', (e) => e.preventDefault());
    tabs(el)[1]!.click();
    await el.updateComplete;
    expect(recorder.events[0]!.cancelable).to.equal(false);
    expect(el.selected).to.equal('resistance');
  });
});

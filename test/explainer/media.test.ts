import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import { $, isShown, selectedTab, viewButtons, type ModalityEl } from '../helpers/explainer.js';

/** The colour a system colour keyword resolves to right now, read from a probe element. */
function systemColor(keyword: string): string {
  const probe = document.createElement('span');
  probe.style.color = keyword;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

async function render(width = 760): Promise<ModalityEl> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`width: ${width}px`}><modality-explainer></modality-explainer></div>`);
  const el = wrapper.firstElementChild as ModalityEl;
  await el.updateComplete;
  return el;
}

describe('media: print, forced colours, reduced motion', () => {
  afterEach(async () => {
    await emulateMedia({ media: 'screen', forcedColors: 'none', reducedMotion: 'no-preference' });
  });

  it('prints the comparison table, not the tabs, even from the tabs view of a narrow element', async () => {
    const el = await render(320);
    expect(el.view).to.equal('tabs');
    await emulateMedia({ media: 'print' });
    expect(isShown($(el, '[part="table"]')), 'table printed').to.equal(true);
    expect(isShown($(el, '[role="tablist"]')), 'tabs not printed').to.equal(false);
    expect(isShown($(el, '[part="view-switch"]')), 'view switch not printed').to.equal(false);
    await emulateMedia({ media: 'screen' });
    expect(isShown($(el, '[part="table"]'))).to.equal(false);
    expect(isShown($(el, '[role="tablist"]'))).to.equal(true);
  });

  it('marks the selected tab and the pressed view with system colours in forced-colours mode', async () => {
    // Emulated before rendering: Chromium does not restyle adopted stylesheets when forced-colours
    // emulation is switched on under an element already rendered.
    await emulateMedia({ forcedColors: 'active' });
    const el = await render();
    const highlight = systemColor('Highlight');
    expect(getComputedStyle(selectedTab(el)).borderBottomColor).to.equal(highlight);
    const pressed = viewButtons(el).find((b) => b.getAttribute('aria-pressed') === 'true')!;
    expect(getComputedStyle(pressed).backgroundColor).to.equal(highlight);
    expect(getComputedStyle(pressed).color).to.equal(systemColor('HighlightText'));
  });

  it('animates nothing when the reader asks for reduced motion', async () => {
    const el = await render();
    const tab = selectedTab(el);
    expect(getComputedStyle(tab).transitionDuration).to.not.match(/^0s(, 0s)*$/);
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(tab).transitionDuration).to.match(/^0s(, 0s)*$/);
    for (const button of viewButtons(el)) expect(getComputedStyle(button).transitionDuration).to.match(/^0s(, 0s)*$/);
  });
});

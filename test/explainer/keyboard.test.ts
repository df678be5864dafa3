import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { modalityContent } from '../../src/explainer/content/modalities.js';
import { pathwayContent } from '../../src/explainer/content/pathways.js';
import type { ExplainerElement } from '../../src/explainer/explainer-element.js';
import { $, expectSameNode, focused, isShown, panels, selectedTab, shownPanels, tabs, viewButtons } from '../helpers/explainer.js';

const ids = modalityContent.options.map((o) => o.id);

/** An explainer between two buttons, so Tab has somewhere to come from and go to. */
async function setup(attrs: { selected?: string; dir?: 'rtl' } = {}): Promise<{ el: ExplainerElement; before: HTMLButtonElement }> {
  const wrapper = await fixture<HTMLDivElement>(html`<div dir=${attrs.dir ?? 'ltr'}>
    <button id="before">Before</button>
    <modality-explainer selected=${attrs.selected ?? 'aerobic'}></modality-explainer>
    <button id="after">After</button>
  </div>`);
  const el = wrapper.querySelector('modality-explainer')!;
  await el.updateComplete;
  return { el, before: wrapper.querySelector<HTMLButtonElement>('#before')! };
}

/** Presses a key as a person does, then lets the element settle. */
async function press(el: ExplainerElement, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

/** Puts keyboard focus on the selected tab by tabbing to it from the button before the element. */
async function tabIntoTablist(el: ExplainerElement, before: HTMLButtonElement): Promise<void> {
  before.focus();
  // The view switch's two buttons come first, then the tablist.
  await press(el, 'Tab');
  await press(el, 'Tab');
  await press(el, 'Tab');
}

function expectSelected(el: ExplainerElement, id: string, { property = true } = {}): void {
  expect(selectedTab(el).id, 'selected tab').to.equal(`tab-${id}`);
  expect(focused(el)?.id, 'focused tab').to.equal(`tab-${id}`);
  expect(shownPanels(el).map((p) => p.id), 'shown panel').to.deep.equal([`panel-${id}`]);
  if (property) expect(el.selected).to.equal(id);
}

describe('keyboard: the tabs pattern', () => {
  it('Tab from before the element reaches the view switch, then the selected tab (not the first)', async () => {
    const { el, before } = await setup({ selected: 'hiit' });
    before.focus();
    await press(el, 'Tab');
    expectSameNode(focused(el), viewButtons(el)[0]);
    await press(el, 'Tab');
    expectSameNode(focused(el), viewButtons(el)[1]);
    await press(el, 'Tab');
    expect(focused(el)?.id).to.equal('tab-hiit');
    expectSameNode(document.activeElement, el, 'the page sees the element focused');
  });

  it('Tab from the selected tab goes to its panel, skipping the other tabs', async () => {
    const { el, before } = await setup({ selected: 'resistance' });
    await tabIntoTablist(el, before);
    await press(el, 'Tab');
    expect(focused(el)?.id).to.equal('panel-resistance');
    expect(focused(el)?.getAttribute('role')).to.equal('tabpanel');
  });

  it('Shift+Tab back into the tablist also lands on the selected tab', async () => {
    const { el, before } = await setup({ selected: 'combined' });
    await tabIntoTablist(el, before);
    await press(el, 'Tab'); // the panel
    await press(el, 'Shift+Tab');
    expect(focused(el)?.id).to.equal('tab-combined');
  });

  it('ArrowRight selects and focuses the next tab, wrapping from the last to the first', async () => {
    const { el, before } = await setup({ selected: 'aerobic' });
    await tabIntoTablist(el, before);
    for (const id of [...ids.slice(1), ids[0]!]) {
      await press(el, 'ArrowRight');
      expectSelected(el, id);
    }
  });

  it('ArrowLeft selects and focuses the previous tab, wrapping from the first to the last', async () => {
    const { el, before } = await setup({ selected: 'aerobic' });
    await tabIntoTablist(el, before);
    for (const id of [...ids].reverse()) {
      await press(el, 'ArrowLeft');
      expectSelected(el, id);
    }
  });

  it('Home and End go to the first and last tabs', async () => {
    const { el, before } = await setup({ selected: 'resistance' });
    await tabIntoTablist(el, before);
    await press(el, 'End');
    expectSelected(el, 'combined');
    await press(el, 'Home');
    expectSelected(el, 'aerobic');
  });

  it('mirrors the arrows in right-to-left text', async () => {
    const { el, before } = await setup({ selected: 'aerobic', dir: 'rtl' });
    expect(getComputedStyle(el).direction).to.equal('rtl');
    await tabIntoTablist(el, before);
    await press(el, 'ArrowLeft');
    expectSelected(el, 'resistance');
    await press(el, 'ArrowRight');
    expectSelected(el, 'aerobic');
    await press(el, 'ArrowRight');
    expectSelected(el, 'combined');
    await press(el, 'ArrowLeft');
    expectSelected(el, 'aerobic');
  });

  it('ignores other keys and arrows with a modifier', async () => {
    const { el, before } = await setup({ selected: 'resistance' });
    await tabIntoTablist(el, before);
    for (const key of ['ArrowDown', 'ArrowUp', 'a', 'Alt+ArrowRight', 'Control+End']) {
      await press(el, key);
      expect(selectedTab(el).id, key).to.equal('tab-resistance');
    }
  });

  it('keeps only the selected tab in the Tab order', async () => {
    const { el, before } = await setup({ selected: 'hiit' });
    const order = () => tabs(el).map((t) => t.getAttribute('tabindex'));
    expect(order()).to.deep.equal(['-1', '-1', '0', '-1']);
    await tabIntoTablist(el, before);
    await press(el, 'ArrowRight');
    expect(order()).to.deep.equal(['-1', '-1', '-1', '0']);
    await press(el, 'Home');
    expect(order()).to.deep.equal(['0', '-1', '-1', '-1']);
  });

  it('wires tabs and panels together with ARIA', async () => {
    const { el } = await setup({ selected: 'resistance' });
    const tablist = $(el, '[role="tablist"]');
    expect(tablist.getAttribute('aria-labelledby')).to.equal('title');
    expect($(el, '#title').textContent?.trim()).to.equal(modalityContent.title);
    const all = tabs(el);
    const allPanels = panels(el);
    all.forEach((t) => expectSameNode(t.parentElement, tablist, 'each tab is a child of the tablist'));
    all.forEach((tab, i) => {
      const id = ids[i]!;
      const panel = allPanels[i]!;
      expect(tab.id).to.equal(`tab-${id}`);
      expect(tab.getAttribute('aria-controls')).to.equal(panel.id);
      expect(panel.getAttribute('aria-labelledby')).to.equal(tab.id);
      expectSameNode(el.shadowRoot!.getElementById(tab.getAttribute('aria-controls')!), panel);
      expect(tab.getAttribute('aria-selected')).to.equal(String(id === 'resistance'));
      expect(panel.hidden).to.equal(id !== 'resistance');
      expect(isShown(panel)).to.equal(id === 'resistance');
      expect(panel.getAttribute('tabindex')).to.equal('0');
    });
    expect(selectedTab(el).getAttribute('part')).to.equal('tab tab-selected');
    expect(all.filter((t) => t.getAttribute('part') === 'tab')).to.have.length(3);
  });

  it('works the same with two tabs', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><button>Before</button><pathway-comparison></pathway-comparison></div>`);
    const el = wrapper.querySelector('pathway-comparison')!;
    await el.updateComplete;
    await tabIntoTablist(el, wrapper.querySelector('button')!);
    const [first, second] = pathwayContent.options.map((o) => o.id) as [string, string];
    expectSelected(el, first, { property: false });
    expect(el.selected, 'nothing selected yet: the first option is shown').to.equal(undefined);
    await press(el, 'ArrowRight');
    expectSelected(el, second);
    await press(el, 'ArrowRight');
    expectSelected(el, first);
    await press(el, 'End');
    expectSelected(el, second);
  });
});

describe('keyboard: the view switch', () => {
  it('is a labelled group of two toggle buttons, one pressed', async () => {
    const { el } = await setup();
    const group = $(el, '[part="view-switch"]');
    expect(group.getAttribute('role')).to.equal('group');
    expect(group.getAttribute('aria-label')).to.equal('View');
    expect(viewButtons(el).map((b) => [b.textContent?.trim(), b.getAttribute('aria-pressed')])).to.deep.equal([
      ['One at a time', 'true'],
      ['Compare all', 'false'],
    ]);
  });

  it('Enter on "Compare all" shows the comparison; Space on "One at a time" brings the tabs back', async () => {
    const { el, before } = await setup({ selected: 'hiit' });
    before.focus();
    await press(el, 'Tab');
    await press(el, 'Tab');
    const [tabsButton, compareButton] = viewButtons(el) as [HTMLButtonElement, HTMLButtonElement];
    expectSameNode(focused(el), compareButton);
    await press(el, 'Enter');
    expect(el.view).to.equal('compare');
    expect(el.getAttribute('view')).to.equal('compare');
    expect(compareButton.getAttribute('aria-pressed')).to.equal('true');
    expect(tabsButton.getAttribute('aria-pressed')).to.equal('false');
    expect(isShown($(el, '[part="compare"]'))).to.equal(true);
    expect(isShown($(el, '[role="tablist"]'))).to.equal(false);
    expectSameNode(focused(el), compareButton, 'focus stays on the button');

    await press(el, 'Shift+Tab');
    expectSameNode(focused(el), tabsButton);
    await press(el, 'Space');
    expect(el.view).to.equal('tabs');
    expect(tabsButton.getAttribute('aria-pressed')).to.equal('true');
    expect(compareButton.getAttribute('aria-pressed')).to.equal('false');
    expect(isShown($(el, '[role="tablist"]'))).to.equal(true);
    expect(isShown($(el, '[part="compare"]'))).to.equal(false);
    // The selection survived the round trip.
    expect(selectedTab(el).id).to.equal('tab-hiit');
    await press(el, 'Tab');
    expectSameNode(focused(el), compareButton);
    await press(el, 'Tab');
    expect(focused(el)?.id).to.equal('tab-hiit');
  });
});

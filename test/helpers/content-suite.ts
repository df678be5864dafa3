/**
 * What every preset must show for every option of its content, in both views. The expectations
 * are read from the content module, so the suite follows the content when it is edited; the
 * preset test files add the article's exact figures on top.
 */
import { expect, fixture } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import type { ExplainerContent, ExplainerOption } from '../../src/explainer/content-types.js';
import { facetOwnLabel, facetText, referenceHref, referenceLinkLabel } from '../../src/explainer/content-types.js';
import type { ExplainerElement } from '../../src/explainer/explainer-element.js';
import { $, $$, expectedFacets, isShown, norm, panels, readFacets, selectedTab, shownPanels, tabs } from './explainer.js';

/** The support links an option should show: numbered as in the reference list, each linked. */
export function expectedSupport(content: ExplainerContent, option: ExplainerOption): { number: string; href: string }[] {
  const refs = content.references ?? [];
  return (option.references ?? []).map((id) => {
    const index = refs.findIndex((r) => r.id === id);
    return { number: String(index + 1), href: referenceHref(refs[index]!)! };
  });
}

export function readSupport(container: Element): { number: string; href: string }[] {
  return [...container.querySelectorAll<HTMLAnchorElement>('.support a')].map((a) => ({
    number: norm(a.textContent).replace(/^Reference /, ''),
    href: a.href,
  }));
}

/** The text of a heading or column header without its kicker line. */
function withoutKicker(node: Element): string {
  const copy = node.cloneNode(true) as Element;
  copy.querySelector('.col-kicker')?.remove();
  return norm(copy.textContent);
}

export async function renderPreset(tag: string, attrs = '', width?: number): Promise<ExplainerElement> {
  const t = unsafeStatic(tag);
  const a = unsafeStatic(attrs);
  const wrapper = await fixture<HTMLDivElement>(
    width === undefined
      ? staticHtml`<div><${t} ${a}></${t}></div>`
      : staticHtml`<div style="width: ${unsafeStatic(String(width))}px"><${t} ${a}></${t}></div>`,
  );
  const el = wrapper.firstElementChild as ExplainerElement;
  await el.updateComplete;
  return el;
}

export function describePresetContent(tag: string, content: ExplainerContent): void {
  describe(`<${tag}> shows its default content`, () => {
    it('shows the eyebrow, the title as a heading, and the introduction', async () => {
      const el = await renderPreset(tag);
      const title = $(el, '[part="title"]');
      expect(title.getAttribute('role')).to.equal('heading');
      expect(norm(title.textContent)).to.equal(content.title);
      expect(norm($(el, '.eyebrow').textContent)).to.equal(content.eyebrow);
      expect(norm($(el, '.intro').textContent)).to.equal(content.intro);
    });

    it('has one tab per option, in order, each with its label and kicker', async () => {
      const el = await renderPreset(tag);
      const shown = tabs(el);
      expect(shown.map((t) => norm(t.querySelector('.tab-label')?.textContent))).to.deep.equal(content.options.map((o) => o.label));
      expect(shown.map((t) => t.querySelector('.tab-kicker')?.textContent?.trim())).to.deep.equal(content.options.map((o) => o.kicker));
      expect(shown.every(isShown)).to.equal(true);
      expect(panels(el)).to.have.length(content.options.length);
    });

    it('selects the first option when nothing is selected', async () => {
      const el = await renderPreset(tag);
      expect(norm(selectedTab(el).querySelector('.tab-label')?.textContent)).to.equal(content.options[0]!.label);
      expect(shownPanels(el).map((p) => p.id)).to.deep.equal([`panel-${content.options[0]!.id}`]);
    });

    for (const option of content.options) {
      it(`shows every facet and the supporting references of "${option.id}" when its tab is clicked`, async () => {
        // Start from another option, so the click is a change.
        const other = content.options.find((o) => o !== option)!;
        const el = await renderPreset(tag, `selected="${other.id}"`);
        const tab = tabs(el)[content.options.indexOf(option)]!;
        tab.click();
        await el.updateComplete;
        expect(el.getAttribute('selected')).to.equal(option.id);
        expect(tab.getAttribute('aria-selected')).to.equal('true');
        const shown = shownPanels(el);
        expect(shown, 'exactly one panel is shown').to.have.length(1);
        const panel = shown[0]!;
        expect(panel.id).to.equal(`panel-${option.id}`);
        expect(readFacets(panel)).to.deep.equal(expectedFacets(content, option));
        // Each facet's text is actually visible, not merely in the DOM.
        for (const { text } of expectedFacets(content, option)) expect(norm(panel.innerText)).to.contain(norm(text));
        expect(readSupport(panel)).to.deep.equal(expectedSupport(content, option));
        expect(norm(panel.querySelector('.support')?.textContent)).to.match(/^Supported by references Reference \d/);
      });

      it(`shows "${option.id}" when the selected attribute names it`, async () => {
        const el = await renderPreset(tag, `selected="${option.id}"`);
        expect(selectedTab(el).id).to.equal(`tab-${option.id}`);
        expect(shownPanels(el).map((p) => p.id)).to.deep.equal([`panel-${option.id}`]);
      });
    }

    it('shows the notes', async () => {
      const el = await renderPreset(tag);
      const notes = $(el, '[part="notes"]');
      expect(isShown(notes)).to.equal(true);
      const paragraphs = [...notes.querySelectorAll('p')].map((p) => norm(p.textContent));
      expect(paragraphs).to.deep.equal((content.notes ?? []).map((n) => norm(n.title ? `${n.title}: ${n.text}` : n.text)));
    });

    it('lists every reference with its citation and a working DOI or PMC link', async () => {
      const el = await renderPreset(tag);
      const list = $(el, '[part="references"]');
      expect(isShown(list)).to.equal(true);
      expect(norm(list.querySelector('[role="heading"]')?.textContent)).to.equal('References');
      const items = [...list.querySelectorAll('li')];
      expect(items).to.have.length(content.references!.length);
      content.references!.forEach((ref, i) => {
        const item = items[i]!;
        expect(norm(item.textContent)).to.contain(norm(ref.citation));
        const link = item.querySelector('a')!;
        expect(link.href).to.equal(referenceHref(ref));
        expect(norm(link.textContent)).to.equal(referenceLinkLabel(ref));
      });
    });

    it('compares all options in a table when wide: rows are facets, columns are options', async () => {
      const el = await renderPreset(tag, 'view="compare"', 760);
      const table = $<HTMLTableElement>(el, 'table[part="table"]');
      expect(isShown(table), 'the table is displayed').to.equal(true);
      expect(isShown($(el, '.stack')), 'the stacked cards are not').to.equal(false);
      expect($$(el, '[role="tablist"]').some(isShown), 'the tabs are not').to.equal(false);
      expect(norm(table.caption?.textContent)).to.equal(`${content.title}: all options side by side`);

      const columns = [...table.querySelectorAll('thead th[scope="col"]')];
      expect(columns).to.have.length(content.options.length);
      content.options.forEach((o, i) => {
        expect(withoutKicker(columns[i]!)).to.equal(o.label);
        expect(columns[i]!.querySelector('.col-kicker')?.textContent ?? undefined).to.equal(o.kicker);
      });

      const rows = [...table.tBodies[0]!.rows];
      const hasRefs = content.options.some((o) => o.references?.length);
      expect(rows).to.have.length(content.facets.length + (hasRefs ? 1 : 0));
      content.facets.forEach((facet, r) => {
        const row = rows[r]!;
        expect(norm(row.querySelector('th[scope="row"]')?.textContent)).to.equal(facet.label);
        const cells = [...row.querySelectorAll('td')].map((td) => norm(td.textContent));
        expect(cells).to.deep.equal(
          content.options.map((o) => {
            const value = o.facets[facet.id];
            if (value === undefined) return '—';
            const own = facetOwnLabel(value);
            return norm(own ? `${own}: ${facetText(value)}` : facetText(value));
          }),
        );
      });
      if (hasRefs) {
        const refRow = rows[content.facets.length]!;
        expect(norm(refRow.querySelector('th')?.textContent)).to.equal('References');
        const cells = [...refRow.querySelectorAll('td')];
        content.options.forEach((o, i) => expect(readSupport(cells[i]!)).to.deep.equal(expectedSupport(content, o)));
      }
    });

    it('stacks one card per option instead of the table at 320px', async () => {
      const el = await renderPreset(tag, 'view="compare"', 320);
      expect(isShown($(el, 'table[part="table"]')), 'the table is not displayed').to.equal(false);
      const stack = $(el, '.stack');
      expect(isShown(stack), 'the stacked cards are').to.equal(true);
      expect(getComputedStyle(stack).display).to.equal('grid');
      const cards = $$(el, '[part="card"]');
      expect(cards).to.have.length(content.options.length);
      content.options.forEach((o, i) => {
        const card = cards[i]!;
        expect(isShown(card)).to.equal(true);
        const title = card.querySelector('.card-title')!;
        expect(title.getAttribute('role')).to.equal('heading');
        expect(withoutKicker(title)).to.equal(o.label);
        expect(readFacets(card)).to.deep.equal(expectedFacets(content, o));
        expect(readSupport(card)).to.deep.equal(expectedSupport(content, o));
      });
    });

    it('keeps the compare view out of sight in the tabs view, whatever the width', async () => {
      for (const width of [320, 760]) {
        const el = await renderPreset(tag, '', width);
        expect(isShown($(el, '[part="compare"]'))).to.equal(false);
        expect(isShown($(el, '[role="tablist"]'))).to.equal(true);
      }
    });
  });
}

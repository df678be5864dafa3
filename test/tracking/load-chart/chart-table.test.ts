import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { renderChartTable } from '../../../src/tracking/load-chart/chart-table.js';
import { loadChartStrings } from '../../../src/tracking/load-chart/strings.js';
import { expectNoAxeViolations } from '../../helpers/axe.js';
import { steadyModel } from './chart-units.js';

const t = loadChartStrings.en;

async function table(model = steadyModel(60), options: Partial<Parameters<typeof renderChartTable>[2]> = {}) {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  render(renderChartTable(model, t, { lang: 'en', panels: [], glucoseUnit: 'mg/dL', label: 'Training load, by day', ...options }), host);
  return host;
}

const cells = (row: Element) => [...row.children].map((cell) => cell.textContent!.trim());

describe('chart table', () => {
  it('is a named, focusable region with a caption, newest day first', async () => {
    const host = await table();
    const region = host.querySelector('[role="region"]')!;
    expect(region.getAttribute('aria-label')).to.equal('Training load, by day');
    expect(region.getAttribute('tabindex')).to.equal('0');
    expect(host.querySelector('caption')!.textContent).to.equal('Training load, by day');
    const rows = host.querySelectorAll('tbody tr');
    expect(rows.length).to.equal(28);
    expect(cells(rows[0]!)[0]).to.equal('Nov 22, 2026');
    expect(cells(rows[27]!)[0]).to.equal('Oct 26, 2026');
    await expectNoAxeViolations(host);
  });

  it('shows each day’s load, sessions and ratio with its band, as the tooltip does', async () => {
    const host = await table();
    expect(cells(host.querySelector('thead tr')!)).to.deep.equal(['Date', 'Load (AU)', 'Sessions', 'Acute load (7 days)', 'Chronic load (28 days)', 'Acute ÷ chronic']);
    const [, load, sessions, , , ratio] = cells(host.querySelector('tbody tr')!);
    expect([load, sessions, ratio]).to.deep.equal(['300', '1', '1.00 (in line)']);
  });

  it('says “building your baseline” in the first weeks, and a dash for what does not exist yet', async () => {
    const host = await table(steadyModel(3));
    const last = cells(host.querySelector('tbody tr')!);
    expect(last[5]).to.equal('building your baseline');
  });

  it('adds a column for each panel shown and for glucose when there are readings', async () => {
    const host = await table(steadyModel(60, { glucose: [99] }), { panels: ['monotony', 'fitness'] });
    const head = cells(host.querySelector('thead tr')!);
    expect(head.slice(6)).to.deep.equal(['Monotony', 'Strain', 'Fitness (42 days)', 'Fatigue (7 days)', 'Form', 'Fasting glucose (mg/dL)']);
    const rows = host.querySelectorAll('tbody tr');
    expect(cells(rows[0]!).at(-1)).to.equal('99');
    expect(cells(rows[1]!).at(-1), 'a day without readings').to.equal('—');
    expect(cells(rows[0]!)[6], 'monotony of identical days').to.equal('—');
  });
});

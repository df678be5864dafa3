import { html, nothing, type TemplateResult } from 'lit';
import { dateFormat } from '../../base/formats.js';
import { DASH, dayFigures, ratioText, type FigureOptions } from './day-format.js';
import type { ChartModel } from './chart-model.js';
import type { LoadChartStrings } from './strings.js';

export interface TableOptions extends FigureOptions {
  /** The table's caption, and its region's name. */
  label: string;
}

/** The chart's numbers as a table, newest day first, with a column for each panel shown. */
export function renderChartTable(model: ChartModel, t: LoadChartStrings, options: TableOptions): TemplateResult {
  const { lang, panels, glucoseUnit, label } = options;
  const dates = dateFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  const monotony = panels.includes('monotony');
  const fitness = panels.includes('fitness');
  const readings = model.glucoseCount > 0;
  // The table scrolls within a fixed height: a named, focusable region, so keyboards can scroll it.
  return html`<div class="table-wrap" role="region" aria-label=${label} tabindex="0">
    <table part="table">
      <caption>${label}</caption>
      <thead>
        <tr>
          <th scope="col">${t.date}</th>
          <th scope="col">${t.load} (${t.au})</th>
          <th scope="col">${t.sessions}</th>
          <th scope="col">${t.acute}</th>
          <th scope="col">${t.chronic}</th>
          <th scope="col">${t.ratio}</th>
          ${monotony ? html`<th scope="col">${t.monotony}</th><th scope="col">${t.strain}</th>` : nothing}
          ${fitness ? html`<th scope="col">${t.fitness}</th><th scope="col">${t.fatigue}</th><th scope="col">${t.form}</th>` : nothing}
          ${readings ? html`<th scope="col">${t.glucose(glucoseUnit)}</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${[...model.days].reverse().map(
          (d) => {
            const f = dayFigures(d, t, options);
            return html`<tr>
              <th scope="row">${dates.format(new Date(`${d.date}T00:00:00Z`))}</th>
              <td>${f.load}</td>
              <td>${f.sessions}</td>
              <td>${f.acute}</td>
              <td>${f.chronic ?? DASH}</td>
              <td>${ratioText(f, (ratio, band) => `${ratio} (${band})`)}</td>
              ${monotony ? html`<td>${f.monotony ?? DASH}</td><td>${f.strain ?? DASH}</td>` : nothing}
              ${fitness && f.fitness ? html`<td>${f.fitness.ctl}</td><td>${f.fitness.atl}</td><td>${f.fitness.tsb}</td>` : nothing}
              ${readings ? html`<td>${f.glucose ?? DASH}</td>` : nothing}
            </tr>`;
          },
        )}
      </tbody>
    </table>
  </div>`;
}

import { html, nothing, type TemplateResult } from 'lit';
import { dateFormat, numberFormat } from '../../base/formats.js';
import type { GlucoseUnit } from '../units.js';
import { glucoseValues } from './day-format.js';
import type { ChartModel, ChartPanel } from './chart-model.js';
import type { LoadChartStrings } from './strings.js';

export interface TableOptions {
  lang: string;
  panels: readonly ChartPanel[];
  glucoseUnit: GlucoseUnit;
  label: string;
}

/** The chart's numbers as a table, newest day first, with a column for each panel shown. */
export function renderChartTable(model: ChartModel, t: LoadChartStrings, { lang, panels, glucoseUnit, label }: TableOptions): TemplateResult {
  const whole = numberFormat(lang, { maximumFractionDigits: 0 });
  const two = numberFormat(lang, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const dates = dateFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  const monotony = panels.includes('monotony');
  const fitness = panels.includes('fitness');
  const readings = model.glucoseCount > 0;
  const maybe = (value: number | null, format: Intl.NumberFormat) => (value === null ? '—' : format.format(value));
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
          (d) => html`<tr>
            <th scope="row">${dates.format(new Date(`${d.date}T00:00:00Z`))}</th>
            <td>${whole.format(d.load)}</td>
            <td>${d.sessions}</td>
            <td>${whole.format(d.acute)}</td>
            <td>${maybe(d.chronic, whole)}</td>
            <td>${d.ratio === null ? (d.baseline ? t.baseline : '—') : `${two.format(d.ratio)} (${t.band[d.band!]})`}</td>
            ${monotony ? html`<td>${maybe(d.monotony, two)}</td><td>${maybe(d.strain, whole)}</td>` : nothing}
            ${fitness ? html`<td>${whole.format(d.ctl)}</td><td>${whole.format(d.atl)}</td><td>${whole.format(d.tsb)}</td>` : nothing}
            ${readings ? html`<td>${d.glucose.length ? glucoseValues(d.glucose, glucoseUnit, lang) : '—'}</td>` : nothing}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

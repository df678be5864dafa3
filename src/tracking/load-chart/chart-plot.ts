/**
 * The chart's drawing as templates: the marks inside the SVG, the tooltip beside the focused day,
 * and the legend. Pure functions of the model, its layout and the strings; the element owns the
 * SVG element itself, its events and its focus.
 */
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { cssProps } from '../../base/css-props.js';
import { dateFormat, numberFormat } from '../../base/formats.js';
import { MODALITIES } from '../model.js';
import type { ChartDay, ChartModel } from './chart-model.js';
import type { ChartLayout, Panel } from './chart-layout.js';
import { dayFigures, figureRows, glucoseNumber, longDate, type FigureOptions } from './day-format.js';
import type { LoadChartStrings } from './strings.js';

type Format = (v: number) => string;

/** Horizontal gridlines of a panel, with their values at the left. */
const gridlines = (layout: ChartLayout, panel: Panel, format: Format): SVGTemplateResult =>
  svg`<g class="tick">${panel.ticks.map(
    (v) =>
      svg`<line x1=${layout.left} x2=${layout.right} y1=${panel.y(v)} y2=${panel.y(v)}></line><text x=${layout.left - 6} y=${panel.y(v)} dy="0.32em" text-anchor="end">${format(v)}</text>`,
  )}</g>`;

/** Everything inside the chart's SVG; `focus` is the index of the day explored, if any. */
export function renderMarks(model: ChartModel, layout: ChartLayout, t: LoadChartStrings, lang: string, focus: number | undefined): SVGTemplateResult {
  const { left, right, mid, panels } = layout;
  const whole = numberFormat(lang, { maximumFractionDigits: 0 });
  const decimal = numberFormat(lang, { maximumFractionDigits: 1 });
  const tickDate = dateFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const [load, ratio] = panels as [Panel, Panel, ...Panel[]];
  const axisTop = panels[panels.length - 1]!.bottom;
  const titles: Partial<Record<Panel['kind'], string>> = {
    ratio: t.ratio,
    monotony: t.panelMonotony,
    strain: t.panelStrain,
    fitness: t.panelFitness,
  };
  return svg`${panels.slice(1).map((panel) => svg`<text class="panel-title" x=${left} y=${panel.top - 9}>${titles[panel.kind]}</text>`)}
    ${gridlines(layout, load, (v) => whole.format(v))}
    <g class="bars">${MODALITIES.map((m) => (layout.bars[m] ? svg`<path class="bar ${m}" data-modality=${m} d=${layout.bars[m]}></path>` : nothing))}</g>
    <path class="line acute" d=${layout.acute}></path>
    <path class="line chronic" d=${layout.chronic}></path>
    ${layout.glucose ? glucoseAxis(layout, load, t, lang) : nothing}
    ${layout.bands.map(
      ({ band, top, bottom }) =>
        svg`<rect class="band ${band}" data-band=${band} x=${left} width=${right - left} y=${top} height=${bottom - top}></rect>`,
    )}
    ${layout.baselineWidth > 0
      ? svg`<g class="baseline"><rect x=${left} width=${layout.baselineWidth} y=${ratio.top} height=${ratio.bottom - ratio.top}></rect><text x=${left + 6} y=${ratio.top + 16}>${t.baseline}</text></g>`
      : nothing}
    <path class="line ratio" d=${layout.ratio}></path>
    ${ratio.ticks.map((v) => svg`<text class="band-label" x=${left - 6} y=${ratio.y(v)} dy="0.32em" text-anchor="end">${v}</text>`)}
    ${panels.slice(2).map((panel) => optionalPanel(panel, layout, (v) => (panel.kind === 'monotony' ? decimal.format(v) : whole.format(v))))}
    <g class="x-axis">
      ${layout.xTicks.map(
        ({ date, x }) =>
          svg`<text x=${x} y=${axisTop + 16} text-anchor="middle">${tickDate.format(date)}</text><line x1=${x} x2=${x} y1=${axisTop} y2=${axisTop + 4}></line>`,
      )}
    </g>
    ${focus !== undefined && model.days[focus] ? svg`<line class="focus" x1=${mid(focus)} x2=${mid(focus)} y1=${load.top} y2=${axisTop}></line>` : nothing}`;
}

/** An optional panel: its gridlines and its lines. */
function optionalPanel(panel: Panel, layout: ChartLayout, format: Format): SVGTemplateResult {
  const lines =
    panel.kind === 'monotony'
      ? svg`<path class="line monotony" d=${layout.monotony ?? ''}></path>`
      : panel.kind === 'strain'
        ? svg`<path class="line strain" d=${layout.strain ?? ''}></path>`
        : layout.fitness
          ? svg`<line class="zero" x1=${layout.left} x2=${layout.right} y1=${layout.fitness.zero} y2=${layout.fitness.zero}></line>
              <path class="line ctl" d=${layout.fitness.ctl}></path>
              <path class="line atl" d=${layout.fitness.atl}></path>
              <path class="line tsb" d=${layout.fitness.tsb}></path>`
          : nothing;
  return svg`<g class="panel ${panel.kind}" data-panel=${panel.kind}>${gridlines(layout, panel, format)}${lines}</g>`;
}

/** Fasting glucose: dots over the load, on an axis of their own at the right. */
function glucoseAxis(layout: ChartLayout, load: Panel, t: LoadChartStrings, lang: string): SVGTemplateResult {
  const glucose = layout.glucose!;
  const format = glucoseNumber(lang, glucose.unit);
  return svg`<g class="glucose" data-unit=${glucose.unit}>
    <title>${t.glucose(glucose.unit)}</title>
    ${glucose.ticks.map((v) => svg`<text x=${layout.right + 6} y=${glucose.y(v)} dy="0.32em">${format.format(v)}</text>`)}
    <text class="axis-unit" x=${layout.right + 6} y=${load.top - 4}>${glucose.unit}</text>
    <path class="dots" d=${glucose.dots}></path>
  </g>`;
}

/**
 * The floating figures of the focused day, at `x`. Hidden from assistive technology: the same
 * figures are announced through the live detail line, and the tooltip would only repeat them.
 */
export function renderTooltip(day: ChartDay, x: number, width: number, t: LoadChartStrings, options: FigureOptions): TemplateResult {
  const rows = figureRows(dayFigures(day, t, options), t, options);
  // Beside the focus line, on whichever side has more room.
  const side = x > width / 2 ? 'start' : 'end';
  return html`<div class="tooltip ${side}" part="tooltip" aria-hidden="true" ${cssProps({ left: `${x}px` })}>
    <strong>${longDate(day.date, options.lang)}</strong>
    <dl>${rows.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>
  </div>`;
}

/** What each mark means: the modalities' colours and the lines' styles. */
export function renderLegend(layout: ChartLayout, t: LoadChartStrings): TemplateResult {
  return html`<ul class="legend">
    ${MODALITIES.map((m) => html`<li><span class="swatch ${m}"></span>${t.modality[m]}</li>`)}
    <li><span class="key acute"></span>${t.acute}</li>
    <li><span class="key chronic"></span>${t.chronic}</li>
    <li><span class="key ratio"></span>${t.ratio}</li>
    ${layout.fitness
      ? html`<li><span class="key ctl"></span>${t.fitness}</li>
          <li><span class="key atl"></span>${t.fatigue}</li>
          <li><span class="key tsb"></span>${t.form}</li>`
      : nothing}
    ${layout.glucose ? html`<li><span class="dot"></span>${t.glucose(layout.glucose.unit)}</li>` : nothing}
  </ul>`;
}

import { LitElement, html, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { baseStyles } from '../../base/theme.js';
import { dateFormat, numberFormat } from '../../base/formats.js';
import { languageOf, pickStrings } from '../../base/strings.js';
import { localDate } from '../metrics/calendar.js';
import type { AcwrMethod } from '../metrics/acute-chronic.js';
import type { DecayVariant } from '../metrics/fitness-fatigue.js';
import { MODALITIES, type GlucoseReading, type TrainingSession } from '../model.js';
import { defaultGlucoseUnit, regionFor, type GlucoseUnit } from '../units.js';
import { listRecords } from '../storage/list-all.js';
import { TrainingStoreController } from '../store/store-controller.js';
import { renderSyncLine, SyncStatusController, syncStrings } from '../store/sync-status-view.js';
import { buildChartModel, CHART_PANELS, CHART_RANGES, type ChartDay, type ChartModel, type ChartPanel, type ChartRange } from './chart-model.js';
import { chartLayout, type ChartLayout, type Panel } from './chart-layout.js';
import { renderChartTable } from './chart-table.js';
import { glucoseNumber, glucoseValues, longDate } from './day-format.js';
import { loadChartStyles } from './load-chart-styles.js';
import { loadChartStrings, type LoadChartStrings } from './strings.js';

type State = { kind: 'loading' } | { kind: 'unavailable' } | { kind: 'ready'; sessions: TrainingSession[]; glucose: GlucoseReading[] };

const METHODS: readonly AcwrMethod[] = ['ewma', 'rolling', 'rolling-uncoupled'];
const VARIANTS: readonly DecayVariant[] = ['exponential', 'linear'];

/**
 * How training is landing: daily session load as bars coloured by modality, acute and chronic
 * load as lines, and beneath them their ratio against neutral bands ("lighter than your recent
 * month", "in line", "well above", "sharply above"), with "building your baseline" over the first
 * 28 days. Optional panels show monotony and strain, and fitness, fatigue and form; fasting
 * glucose readings, when there are any, are drawn over the load on their own axis. The method is
 * always named; the numbers are a guide, not a diagnosis.
 *
 * It reads sessions and glucose readings from its store and redraws when one is saved anywhere on
 * the page or in another tab. Move through the days with the arrow keys, the pointer or touch; a
 * tooltip shows each day's figures, a paragraph sums up the week for everyone, and the data can
 * be shown as a table.
 *
 * @summary Daily training load, acute and chronic load and their ratio, with the method named.
 * @tag load-chart
 *
 * @attr {string} store - The id of a `<training-store>` elsewhere on the page to read from.
 * @attr {'4w' | '12w' | '6m' | '1y' | 'all'} range - How far back to draw (12 weeks by default).
 * @attr {'ewma' | 'rolling' | 'rolling-uncoupled'} method - How acute and chronic load are averaged (exponentially weighted by default).
 * @attr {string} panels - Extra panels beneath the ratio, space-separated: `monotony` (monotony and strain), `fitness` (fitness, fatigue and form).
 * @attr {'exponential' | 'linear'} variant - How fitness and fatigue decay: `exponential` (1 − e^(−1/N), as GoldenCheetah; the default) or `linear` (1/N, as TrainingPeaks).
 * @attr {'mg/dL' | 'mmol/L'} glucose-unit - The unit fasting glucose is shown in; by default from the language's region.
 * @attr {string} date - The last day drawn (`YYYY-MM-DD`); today by default.
 * @attr {string} time-zone - The IANA zone "today" is read in; the browser's by default.
 * @attr {string} help-href - Where "What the numbers mean" links to.
 *
 * @csspart base - The figure around everything.
 * @csspart summary - The paragraph summing up the week.
 * @csspart sync - The line saying what waits to sync, with storage that syncs with a server.
 * @csspart plot - The chart.
 * @csspart tooltip - The figures of the day under the pointer or keyboard.
 * @csspart table - The data table.
 *
 * @cssprop --lw-load-chart-aerobic - Colour of aerobic bars.
 * @cssprop --lw-load-chart-resistance - Colour of resistance bars.
 * @cssprop --lw-load-chart-hiit - Colour of HIIT bars.
 * @cssprop --lw-load-chart-combined - Colour of combined bars.
 * @cssprop --lw-load-chart-other - Colour of other bars.
 * @cssprop --lw-load-chart-glucose - Colour of the fasting glucose dots.
 * @cssprop --lw-load-chart-tooltip-background - Background of the tooltip (the system's `Canvas` by default, so it reads on any page).
 * @cssprop --lw-load-chart-tooltip-color - Text colour of the tooltip (`CanvasText` by default).
 */
export class LoadChart extends LitElement {
  static override styles = [baseStyles, loadChartStyles];

  static override properties = {
    store: { type: String },
    range: { type: String, reflect: true },
    method: { type: String, reflect: true },
    panels: { type: String, reflect: true },
    variant: { type: String, reflect: true },
    glucoseUnit: { type: String, attribute: 'glucose-unit' },
    date: { type: String },
    timeZone: { type: String, attribute: 'time-zone' },
    helpHref: { type: String, attribute: 'help-href' },
    _state: { state: true, attribute: false },
    _width: { state: true, attribute: false },
    _focus: { state: true, attribute: false },
    _table: { state: true, attribute: false },
  };

  declare store: string | undefined;
  declare range: ChartRange;
  declare method: AcwrMethod;
  /** Extra panels, space-separated: `monotony`, `fitness`. */
  declare panels: string;
  declare variant: DecayVariant;
  /**
   * The unit fasting glucose is shown in.
   * @type {'mg/dL' | 'mmol/L' | undefined}
   */
  declare glucoseUnit: GlucoseUnit | undefined;
  declare date: string | undefined;
  declare timeZone: string | undefined;
  declare helpHref: string | undefined;
  declare private _state: State;
  declare private _width: number;
  /** The index of the day explored with the keyboard, pointer or touch, if any. */
  declare private _focus: number | undefined;
  declare private _table: boolean;

  private readonly _store = new TrainingStoreController(this, { onStoreChange: () => void this._load() });
  /** Changes waiting to sync, for storage that syncs with a server. */
  private readonly _sync = new SyncStatusController(this, this._store);
  private _loading = 0;
  private _model: ChartModel | undefined;
  private _layout: ChartLayout | undefined;
  private readonly _resize = new ResizeObserver(([entry]) => {
    const width = Math.round(entry?.contentRect.width ?? 0);
    if (width > 0 && width !== this._width) this._width = width;
  });

  constructor() {
    super();
    this.range = '12w';
    this.method = 'ewma';
    this.panels = '';
    this.variant = 'exponential';
    this._state = { kind: 'loading' };
    this._width = 600;
    this._table = false;
    this._store.onChange((change) => void this._load(change.collection));
  }

  /** The plot container being measured: its width comes from the layout, never from the chart. */
  private _measured: Element | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resize.disconnect();
    this._measured = null;
  }

  protected override updated(): void {
    const plot = this.renderRoot.querySelector('.plot');
    if (plot !== this._measured) {
      this._resize.disconnect();
      if (plot) this._resize.observe(plot);
      this._measured = plot;
    }
  }

  private get _today(): string {
    if (this.date && /^\d{4}-\d{2}-\d{2}$/.test(this.date)) return this.date;
    return localDate(Date.now(), this.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone);
  }

  private get _range(): ChartRange {
    return CHART_RANGES.includes(this.range) ? this.range : '12w';
  }

  private get _method(): AcwrMethod {
    return METHODS.includes(this.method) ? this.method : 'ewma';
  }

  private get _variant(): DecayVariant {
    return VARIANTS.includes(this.variant) ? this.variant : 'exponential';
  }

  private get _panels(): ChartPanel[] {
    const asked = (this.panels ?? '').split(/\s+/);
    return CHART_PANELS.filter((panel) => asked.includes(panel));
  }

  private get _glucoseUnit(): GlucoseUnit {
    if (this.glucoseUnit === 'mg/dL' || this.glucoseUnit === 'mmol/L') return this.glucoseUnit;
    return defaultGlucoseUnit(regionFor(languageOf(this)));
  }

  /**
   * Reads every session and reading: the averages depend on the whole history, not only the range
   * drawn. A change to one collection reads that one again and keeps the other.
   */
  private async _load(changed?: string): Promise<void> {
    const api = this._store.api;
    const call = ++this._loading;
    if (!api) return;
    const previous = this._state.kind === 'ready' ? this._state : undefined;
    try {
      await api.ready;
      const [sessions, glucose] = await Promise.all([
        previous && changed === 'glucose' ? previous.sessions : listRecords(api.adapter, 'sessions'),
        previous && changed === 'sessions' ? previous.glucose : listRecords(api.adapter, 'glucose'),
      ]);
      if (call === this._loading) this._state = { kind: 'ready', sessions, glucose };
    } catch (error) {
      if (call !== this._loading) return;
      this._state = { kind: 'unavailable' };
      this._store.reportError(error, 'list');
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const modelKeys = ['_state', 'range', 'method', 'variant', 'date', 'timeZone'];
    if (modelKeys.some((key) => changed.has(key as keyof LoadChart))) {
      this._model =
        this._state.kind === 'ready'
          ? buildChartModel(this._state.sessions, {
              range: this._range,
              method: this._method,
              variant: this._variant,
              today: this._today,
              glucose: this._state.glucose,
            })
          : undefined;
      if (this._focus !== undefined && this._focus >= (this._model?.days.length ?? 0)) this._focus = undefined;
    }
    if ([...modelKeys, '_width', 'panels', 'glucoseUnit'].some((key) => changed.has(key as keyof LoadChart))) {
      const model = this._model;
      // The first drawing reads the width the layout gives it, rather than drawing at a guess and
      // again when the ResizeObserver reports.
      if (model?.days.length && !this._layout && this._measured) {
        const width = Math.round(this._measured.getBoundingClientRect().width);
        if (width > 0) this._width = width;
      }
      this._layout = model?.days.length ? chartLayout(model, { width: this._width, panels: this._panels, glucoseUnit: this._glucoseUnit }) : undefined;
    }
  }

  private get _strings(): LoadChartStrings {
    return pickStrings(loadChartStrings, languageOf(this));
  }

  private _caption(t: LoadChartStrings): string {
    const fitness = this._panels.includes('fitness') ? t.captionFitness(t.variant[this._variant]) : '';
    return t.caption(t.method[this._method]) + fitness;
  }

  protected override render(): TemplateResult {
    const t = this._strings;
    const lang = languageOf(this);
    const model = this._model;
    const layout = this._layout;
    // The plot container is there in every state, so its width is known before the first drawing.
    const body =
      this._state.kind === 'loading'
        ? html`<div class="plot" part="plot"><p class="status" role="status">${t.loading}</p></div>`
        : this._state.kind === 'unavailable'
          ? html`<div class="plot" part="plot"><p class="status" role="alert">${t.unavailable}</p></div>`
          : !model || !layout
            ? html`<div class="plot" part="plot"><p class="status empty">${t.empty}</p></div>`
            : this._renderChart(model, layout, t, lang);
    return html`<figure part="base" aria-labelledby="title">
      <div class="head">
        <h2 class="title" id="title">${t.title}</h2>
        <div class="ranges" role="group" aria-label=${t.rangeGroup}>
          ${CHART_RANGES.map(
            (range) =>
              html`<button type="button" aria-pressed=${this._range === range} @click=${() => this._chooseRange(range)}>${t.range[range]}</button>`,
          )}
        </div>
      </div>
      ${renderSyncLine(this._sync, pickStrings(syncStrings, lang))} ${body}
      <figcaption>${this._caption(t)}</figcaption>
      <p class="note">
        ${t.note}
        ${this.helpHref ? html`<a href=${this.helpHref}>${t.noteLink}</a>` : nothing}
      </p>
    </figure>`;
  }

  private _chooseRange(range: ChartRange): void {
    this.range = range;
  }

  private _summary(model: ChartModel, t: LoadChartStrings, lang: string): string {
    const number = numberFormat(lang, { maximumFractionDigits: 0 });
    const week = number.format(model.weekLoad);
    const today = model.today;
    if (!today || today.baseline) return t.summaryBaseline(week, model.historyDays);
    if (today.ratio === null || today.band === null) return t.summaryNoRatio(week);
    const ratio = numberFormat(lang, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(today.ratio);
    return t.summary(week, ratio, t.method[model.method], t.band[today.band]);
  }

  private _renderChart(model: ChartModel, layout: ChartLayout, t: LoadChartStrings, lang: string): TemplateResult {
    const { width, height, left, right, mid, panels } = layout;
    const days = model.days;
    const whole = numberFormat(lang, { maximumFractionDigits: 0 });
    const tickDate = dateFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const [load, ratio] = panels as [Panel, Panel, ...Panel[]];
    const axisTop = panels[panels.length - 1]!.bottom;
    const focus = this._focus;
    const focusDay = focus === undefined ? undefined : days[focus];
    const titles: Partial<Record<Panel['kind'], string>> = {
      ratio: t.ratio,
      monotony: t.panelMonotony,
      strain: t.panelStrain,
      fitness: t.panelFitness,
    };
    const gridlines = (panel: Panel, format: (v: number) => string) =>
      svg`<g class="tick">${panel.ticks.map(
        (v) =>
          svg`<line x1=${left} x2=${right} y1=${panel.y(v)} y2=${panel.y(v)}></line><text x=${left - 6} y=${panel.y(v)} dy="0.32em" text-anchor="end">${format(v)}</text>`,
      )}</g>`;
    const decimal = numberFormat(lang, { maximumFractionDigits: 1 });
    return html`<p class="summary" part="summary" id="summary">${this._summary(model, t, lang)}</p>
      <div class="plot" part="plot">
        <svg
          width=${width}
          height=${height}
          viewBox="0 0 ${width} ${height}"
          role="group"
          aria-roledescription="chart"
          aria-label=${t.chartLabel}
          aria-describedby="summary hint"
          tabindex="0"
          @keydown=${(e: KeyboardEvent) => this._onKey(e, days.length)}
          @pointermove=${(e: PointerEvent) => this._onPointer(e, layout, days.length)}
          @pointerdown=${(e: PointerEvent) => this._onPointer(e, layout, days.length)}
          @pointerleave=${(e: PointerEvent) => e.pointerType !== 'touch' && (this._focus = undefined)}
          @blur=${() => (this._focus = undefined)}
        >
          ${panels.slice(1).map((panel) => svg`<text class="panel-title" x=${left} y=${panel.top - 9}>${titles[panel.kind]}</text>`)}
          ${gridlines(load, (v) => whole.format(v))}
          <g class="bars">${MODALITIES.map((m) => (layout.bars[m] ? svg`<path class="bar ${m}" data-modality=${m} d=${layout.bars[m]}></path>` : nothing))}</g>
          <path class="line acute" d=${layout.acute}></path>
          <path class="line chronic" d=${layout.chronic}></path>
          ${layout.glucose ? this._glucoseAxis(layout, load, t, lang) : nothing}
          ${layout.bands.map(
            ({ band, top, bottom }) =>
              svg`<rect class="band ${band}" data-band=${band} x=${left} width=${right - left} y=${top} height=${bottom - top}></rect>`,
          )}
          ${layout.baselineWidth > 0
            ? svg`<g class="baseline"><rect x=${left} width=${layout.baselineWidth} y=${ratio.top} height=${ratio.bottom - ratio.top}></rect><text x=${left + 6} y=${ratio.top + 16}>${t.baseline}</text></g>`
            : nothing}
          <path class="line ratio" d=${layout.ratio}></path>
          ${ratio.ticks.map((v) => svg`<text class="band-label" x=${left - 6} y=${ratio.y(v)} dy="0.32em" text-anchor="end">${v}</text>`)}
          ${panels.slice(2).map((panel) => this._panel(panel, layout, (v) => (panel.kind === 'monotony' ? decimal.format(v) : whole.format(v)), gridlines))}
          <g class="x-axis">
            ${layout.xTicks.map(
              ({ date, x }) =>
                svg`<text x=${x} y=${axisTop + 16} text-anchor="middle">${tickDate.format(date)}</text><line x1=${x} x2=${x} y1=${axisTop} y2=${axisTop + 4}></line>`,
            )}
          </g>
          ${focusDay ? svg`<line class="focus" x1=${mid(focus!)} x2=${mid(focus!)} y1=${load.top} y2=${axisTop}></line>` : nothing}
        </svg>
        ${focusDay ? this._tooltip(focusDay, mid(focus!), width, t, lang) : nothing}
        <p class="hint" id="hint">${t.keyboardHint}</p>
        <p class="detail visually-hidden" role="status" aria-live="polite">${focusDay ? this._detail(focusDay, t, lang) : ''}</p>
      </div>
      <ul class="legend">
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
      </ul>
      <button type="button" class="table-toggle" aria-expanded=${this._table} @click=${() => (this._table = !this._table)}>
        ${this._table ? t.hideTable : t.showTable}
      </button>
      ${this._table
        ? renderChartTable(model, t, { lang, panels: this._panels, glucoseUnit: this._glucoseUnit, label: this._caption(t) })
        : nothing}`;
  }

  /** An optional panel: its gridlines and its lines. */
  private _panel(
    panel: Panel,
    layout: ChartLayout,
    format: (v: number) => string,
    gridlines: (panel: Panel, format: (v: number) => string) => SVGTemplateResult,
  ): SVGTemplateResult {
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
    return svg`<g class="panel ${panel.kind}" data-panel=${panel.kind}>${gridlines(panel, format)}${lines}</g>`;
  }

  /** Fasting glucose: dots over the load, on an axis of their own at the right. */
  private _glucoseAxis(layout: ChartLayout, load: Panel, t: LoadChartStrings, lang: string): SVGTemplateResult {
    const glucose = layout.glucose!;
    const format = glucoseNumber(lang, glucose.unit);
    return svg`<g class="glucose" data-unit=${glucose.unit}>
      <title>${t.glucose(glucose.unit)}</title>
      ${glucose.ticks.map((v) => svg`<text x=${layout.right + 6} y=${glucose.y(v)} dy="0.32em">${format.format(v)}</text>`)}
      <text class="axis-unit" x=${layout.right + 6} y=${load.top - 4}>${glucose.unit}</text>
      <path class="dots" d=${glucose.dots}></path>
    </g>`;
  }

  /** The figures of one day, as they read in the tooltip and the table. */
  private _rows(day: ChartDay, t: LoadChartStrings, lang: string): [string, string][] {
    const whole = numberFormat(lang, { maximumFractionDigits: 0 });
    const two = numberFormat(lang, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
    const rows: [string, string][] = [
      [t.load, `${whole.format(day.load)} ${t.au} · ${t.sessionCount(day.sessions)}`],
      [t.acute, whole.format(day.acute)],
      [t.chronic, day.chronic === null ? '—' : whole.format(day.chronic)],
      [t.ratio, day.ratio === null ? (day.baseline ? t.baseline : '—') : `${two.format(day.ratio)} · ${t.band[day.band!]}`],
    ];
    const panels = this._panels;
    if (panels.includes('monotony')) {
      rows.push([t.monotony, day.monotony === null ? '—' : two.format(day.monotony)], [t.strain, day.strain === null ? '—' : whole.format(day.strain)]);
    }
    if (panels.includes('fitness')) rows.push([t.fitness, whole.format(day.ctl)], [t.fatigue, whole.format(day.atl)], [t.form, whole.format(day.tsb)]);
    if (day.glucose.length) rows.push([t.glucose(this._glucoseUnit), glucoseValues(day.glucose, this._glucoseUnit, lang)]);
    return rows;
  }

  /**
   * The floating figures of the focused day. Hidden from assistive technology: the same figures
   * are announced through the live detail line, and the tooltip would only repeat them.
   */
  private _tooltip(day: ChartDay, x: number, width: number, t: LoadChartStrings, lang: string): TemplateResult {
    const date = longDate(day.date, lang);
    // Beside the focus line, on whichever side has more room.
    const side = x > width / 2 ? 'start' : 'end';
    return html`<div class="tooltip ${side}" part="tooltip" aria-hidden="true" style=${styleMap({ left: `${x}px` })}>
      <strong>${date}</strong>
      <dl>${this._rows(day, t, lang).map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>
    </div>`;
  }

  /** The focused day in one sentence, for the live region. */
  private _detail(day: ChartDay, t: LoadChartStrings, lang: string): string {
    const date = longDate(day.date, lang);
    const whole = numberFormat(lang, { maximumFractionDigits: 0 });
    const two = numberFormat(lang, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
    const ratio = day.ratio === null ? null : two.format(day.ratio);
    let text = t.dayDetail(date, whole.format(day.load), day.sessions, ratio, day.band ? t.band[day.band] : day.baseline ? t.baseline : null);
    const panels = this._panels;
    if (panels.includes('monotony') && day.monotony !== null && day.strain !== null) text += t.detailMonotony(two.format(day.monotony), whole.format(day.strain));
    if (panels.includes('fitness')) text += t.detailFitness(whole.format(day.ctl), whole.format(day.atl), whole.format(day.tsb));
    if (day.glucose.length) text += t.detailGlucose(glucoseValues(day.glucose, this._glucoseUnit, lang), this._glucoseUnit);
    return text;
  }

  private _onKey(event: KeyboardEvent, count: number): void {
    const current = this._focus ?? count - 1;
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, PageUp: -7, PageDown: 7 };
    let next: number | undefined;
    if (event.key in moves) next = this._focus === undefined ? count - 1 : current + moves[event.key]!;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else if (event.key === 'Escape') next = undefined;
    else return;
    event.preventDefault();
    this._focus = next === undefined ? undefined : Math.min(Math.max(next, 0), count - 1);
  }

  /** The day under the pointer or finger; the SVG may be drawn narrower than laid out, so scale. */
  private _onPointer(event: PointerEvent, layout: ChartLayout, count: number): void {
    const box = (event.currentTarget as SVGSVGElement).getBoundingClientRect();
    const x = ((event.clientX - box.left) * layout.width) / (box.width || layout.width);
    const index = Math.floor((x - layout.left) / layout.step);
    this._focus = index >= 0 && index < count ? index : undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'load-chart': LoadChart;
  }
}

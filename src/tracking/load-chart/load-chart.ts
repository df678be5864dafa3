import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { baseStyles } from '../../base/theme.js';
import { numberFormat } from '../../base/formats.js';
import { pickStrings } from '../../base/strings.js';
import type { AcwrMethod } from '../metrics/acute-chronic.js';
import type { DecayVariant } from '../metrics/fitness-fatigue.js';
import type { GlucoseReading, TrainingSession } from '../model.js';
import { listRecords } from '../storage/list-all.js';
import type { StorageAdapter } from '../storage/types.js';
import { LocaleController } from '../store/locale-controller.js';
import { StoreQueryController, type QueryContext } from '../store/query-controller.js';
import { TrainingStoreController } from '../store/store-controller.js';
import { renderSyncLine, SyncStatusController, syncStrings } from '../store/sync-status-view.js';
import type { GlucoseUnit } from '../units.js';
import { buildChartModel, CHART_PANELS, CHART_RANGES, type ChartModel, type ChartPanel, type ChartRange } from './chart-model.js';
import { chartLayout, type ChartLayout } from './chart-layout.js';
import { renderLegend, renderMarks, renderTooltip } from './chart-plot.js';
import { renderChartTable } from './chart-table.js';
import { dayFigures, figureSentence, longDate, type FigureOptions } from './day-format.js';
import { loadChartStyles } from './load-chart-styles.js';
import { loadChartStrings, type LoadChartStrings } from './strings.js';

/** Everything the chart reads: the averages depend on the whole history, not only the range drawn. */
interface History {
  sessions: TrainingSession[];
  glucose: GlucoseReading[];
}

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
  declare private _width: number;
  /** The index of the day explored with the keyboard, pointer or touch, if any. */
  declare private _focus: number | undefined;
  declare private _table: boolean;

  private readonly _store = new TrainingStoreController(this);
  private readonly _locale = new LocaleController(this, loadChartStrings);
  private readonly _query = new StoreQueryController<History>(this, this._store, { read: readHistory });
  /** Changes waiting to sync, for storage that syncs with a server. */
  private readonly _sync = new SyncStatusController(this, this._store);
  /** The read the model was built from: a new read builds it again. */
  private _modelOf: unknown;
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
    this._width = 600;
    this._table = false;
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

  /** How the day's figures are written. */
  private get _figureOptions(): FigureOptions {
    return { lang: this._locale.lang, panels: this._panels, glucoseUnit: this._locale.glucoseUnit };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const state = this._query.state;
    const read = state !== this._modelOf;
    const modelKeys = ['range', 'method', 'variant', 'date', 'timeZone'];
    if (read || modelKeys.some((key) => changed.has(key as keyof LoadChart))) {
      this._modelOf = state;
      this._model =
        state.kind === 'ready'
          ? buildChartModel(state.value.sessions, {
              range: this._range,
              method: this._method,
              variant: this._variant,
              today: this._locale.today,
              glucose: state.value.glucose,
            })
          : undefined;
      if (this._focus !== undefined && this._focus >= (this._model?.days.length ?? 0)) this._focus = undefined;
    }
    if (read || [...modelKeys, '_width', 'panels', 'glucoseUnit'].some((key) => changed.has(key as keyof LoadChart))) {
      const model = this._model;
      // The first drawing reads the width the layout gives it, rather than drawing at a guess and
      // again when the ResizeObserver reports.
      if (model?.days.length && !this._layout && this._measured) {
        const width = Math.round(this._measured.getBoundingClientRect().width);
        if (width > 0) this._width = width;
      }
      this._layout = model?.days.length ? chartLayout(model, { width: this._width, panels: this._panels, glucoseUnit: this._locale.glucoseUnit }) : undefined;
    }
  }

  private _caption(t: LoadChartStrings): string {
    const fitness = this._panels.includes('fitness') ? t.captionFitness(t.variant[this._variant]) : '';
    return t.caption(t.method[this._method]) + fitness;
  }

  protected override render(): TemplateResult {
    const t = this._locale.strings;
    const lang = this._locale.lang;
    const model = this._model;
    const layout = this._layout;
    const state = this._query.state;
    // The plot container is there in every state, so its width is known before the first drawing.
    const body =
      state.kind === 'loading'
        ? html`<div class="plot" part="plot"><p class="status" role="status">${t.loading}</p></div>`
        : state.kind === 'unavailable'
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
    const { width, height, mid } = layout;
    const days = model.days;
    const focus = this._focus;
    const focusDay = focus === undefined ? undefined : days[focus];
    const figures = this._figureOptions;
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
          ${renderMarks(model, layout, t, lang, focus)}
        </svg>
        ${focusDay ? renderTooltip(focusDay, mid(focus!), width, t, figures) : nothing}
        <p class="hint" id="hint">${t.keyboardHint}</p>
        <p class="detail visually-hidden" role="status" aria-live="polite">
          ${focusDay ? figureSentence(longDate(focusDay.date, lang), dayFigures(focusDay, t, figures), t, figures.glucoseUnit) : ''}
        </p>
      </div>
      ${renderLegend(layout, t)}
      <button type="button" class="table-toggle" aria-expanded=${this._table} @click=${() => (this._table = !this._table)}>
        ${this._table ? t.hideTable : t.showTable}
      </button>
      ${this._table ? renderChartTable(model, t, { ...figures, label: this._caption(t) }) : nothing}`;
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

/** Reads every session and reading; a change to one collection reads that one again and keeps the other. */
async function readHistory(adapter: StorageAdapter, { previous, change }: QueryContext<History>): Promise<History> {
  const [sessions, glucose] = await Promise.all([
    previous && change?.collection === 'glucose' ? previous.sessions : listRecords(adapter, 'sessions'),
    previous && change?.collection === 'sessions' ? previous.glucose : listRecords(adapter, 'glucose'),
  ]);
  return { sessions, glucose };
}

declare global {
  interface HTMLElementTagNameMap {
    'load-chart': LoadChart;
  }
}

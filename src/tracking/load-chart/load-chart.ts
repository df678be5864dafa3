import { LitElement, html, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { scaleLinear } from 'd3-scale';
import { utcTicks } from 'd3-time';
import { line } from 'd3-shape';
import { max } from 'd3-array';
import { baseStyles } from '../../base/theme.js';
import { languageOf, pickStrings } from '../../base/strings.js';
import { addDays, localDate } from '../metrics/calendar.js';
import type { AcwrMethod } from '../metrics/acute-chronic.js';
import { MODALITIES, type TrainingSession } from '../model.js';
import { listRecords } from '../storage/list-all.js';
import { TrainingStoreController } from '../store/store-controller.js';
import { BANDS, buildChartModel, CHART_RANGES, type ChartDay, type ChartModel, type ChartRange } from './chart-model.js';
import { loadChartStyles } from './load-chart-styles.js';
import { loadChartStrings, type LoadChartStrings } from './strings.js';

type State = { kind: 'loading' } | { kind: 'unavailable' } | { kind: 'ready'; sessions: TrainingSession[] };

const HEIGHT = { load: 190, gap: 28, ratio: 120, axis: 24 } as const;
const MARGIN = { left: 44, right: 12, top: 10 } as const;
const METHODS: readonly AcwrMethod[] = ['ewma', 'rolling', 'rolling-uncoupled'];
const RATIO_TOP_MIN = 2;

/**
 * How training is landing: daily session load as bars coloured by modality, acute and chronic
 * load as lines, and beneath them their ratio against neutral bands ("lighter than your recent
 * month", "in line", "well above", "sharply above"), with "building your baseline" over the first
 * 28 days. The method is always named; the ratio is a guide, not a diagnosis.
 *
 * It reads sessions from its store and redraws when a session is saved anywhere on the page or in
 * another tab. Move through the days with the arrow keys, the pointer or touch; a paragraph sums up
 * the week for everyone, and the data can be shown as a table.
 *
 * @summary Daily training load, acute and chronic load and their ratio, with the method named.
 * @tag load-chart
 *
 * @attr {string} store - The id of a `<training-store>` elsewhere on the page to read from.
 * @attr {'4w' | '12w' | '6m' | '1y' | 'all'} range - How far back to draw (12 weeks by default).
 * @attr {'ewma' | 'rolling' | 'rolling-uncoupled'} method - How acute and chronic load are averaged (exponentially weighted by default).
 * @attr {string} date - The last day drawn (`YYYY-MM-DD`); today by default.
 * @attr {string} time-zone - The IANA zone "today" is read in; the browser's by default.
 * @attr {string} help-href - Where "What the numbers mean" links to.
 *
 * @csspart base - The figure around everything.
 * @csspart summary - The paragraph summing up the week.
 * @csspart plot - The chart.
 * @csspart table - The data table.
 *
 * @cssprop --lw-load-chart-aerobic - Colour of aerobic bars.
 * @cssprop --lw-load-chart-resistance - Colour of resistance bars.
 * @cssprop --lw-load-chart-hiit - Colour of HIIT bars.
 * @cssprop --lw-load-chart-combined - Colour of combined bars.
 * @cssprop --lw-load-chart-other - Colour of other bars.
 */
export class LoadChart extends LitElement {
  static override styles = [baseStyles, loadChartStyles];

  static override properties = {
    store: { type: String },
    range: { type: String, reflect: true },
    method: { type: String, reflect: true },
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
  declare date: string | undefined;
  declare timeZone: string | undefined;
  declare helpHref: string | undefined;
  declare private _state: State;
  declare private _width: number;
  /** The index of the day explored with the keyboard or pointer, if any. */
  declare private _focus: number | undefined;
  declare private _table: boolean;

  private readonly _store = new TrainingStoreController(this, { onStoreChange: () => void this._load() });
  private _loading = 0;
  private _model: ChartModel | undefined;
  private readonly _resize = new ResizeObserver(([entry]) => {
    const width = Math.round(entry?.contentRect.width ?? 0);
    if (width > 0 && width !== this._width) this._width = width;
  });

  constructor() {
    super();
    this.range = '12w';
    this.method = 'ewma';
    this._state = { kind: 'loading' };
    this._width = 600;
    this._table = false;
    this._store.onChange((change) => {
      if (change.collection === 'sessions') void this._load();
    });
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

  /** Reads every session: the averages depend on the whole history, not only the range drawn. */
  private async _load(): Promise<void> {
    const api = this._store.api;
    const call = ++this._loading;
    if (!api) return;
    try {
      await api.ready;
      const sessions = await listRecords(api.adapter, 'sessions');
      if (call === this._loading) this._state = { kind: 'ready', sessions };
    } catch (error) {
      if (call !== this._loading) return;
      this._state = { kind: 'unavailable' };
      this._store.reportError(error, 'list');
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (['_state', 'range', 'method', 'date', 'timeZone'].some((key) => changed.has(key as keyof LoadChart))) {
      this._model = this._state.kind === 'ready' ? buildChartModel(this._state.sessions, { range: this._range, method: this._method, today: this._today }) : undefined;
      if (this._focus !== undefined && this._focus >= (this._model?.days.length ?? 0)) this._focus = undefined;
    }
  }

  private get _strings(): LoadChartStrings {
    return pickStrings(loadChartStrings, languageOf(this));
  }

  protected override render(): TemplateResult {
    const t = this._strings;
    const lang = languageOf(this);
    const model = this._model;
    const body =
      this._state.kind === 'loading'
        ? html`<p class="status" role="status">${t.loading}</p>`
        : this._state.kind === 'unavailable'
          ? html`<p class="status" role="alert">${t.unavailable}</p>`
          : !model || model.days.length === 0
            ? html`<p class="status empty">${t.empty}</p>`
            : this._renderChart(model, t, lang);
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
      ${body}
      <figcaption>${t.caption(t.method[this._method])}</figcaption>
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
    const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    const week = number.format(model.weekLoad);
    const today = model.today;
    if (!today || today.baseline) return t.summaryBaseline(week, model.historyDays);
    if (today.ratio === null || today.band === null) return t.summaryNoRatio(week);
    const ratio = new Intl.NumberFormat(lang, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(today.ratio);
    return t.summary(week, ratio, t.method[model.method], t.band[today.band]);
  }

  private _renderChart(model: ChartModel, t: LoadChartStrings, lang: string): TemplateResult {
    const days = model.days;
    const width = Math.max(this._width, 280);
    const right = width - MARGIN.right;
    const loadBottom = MARGIN.top + HEIGHT.load;
    const ratioTop = loadBottom + HEIGHT.gap;
    const ratioBottom = ratioTop + HEIGHT.ratio;
    const height = ratioBottom + HEIGHT.axis;
    const start = new Date(`${days[0]!.date}T00:00:00Z`);
    const end = new Date(`${addDays(days[days.length - 1]!.date, 1)}T00:00:00Z`);
    // A linear scale over milliseconds with d3-time's UTC ticks: the same axis as scaleUtc, without
    // the d3-time-format it brings (Intl formats the dates).
    const x = scaleLinear().domain([start.getTime(), end.getTime()]).range([MARGIN.left, right]);
    const step = (right - MARGIN.left) / days.length;
    const loadMax = max(days, (d) => Math.max(d.load, d.acute, d.chronic ?? 0)) || 1;
    const y = scaleLinear().domain([0, loadMax]).nice(4).range([loadBottom, MARGIN.top]);
    const ratioMax = Math.max(RATIO_TOP_MIN, max(days, (d) => d.ratio ?? 0) ?? 0);
    const r = scaleLinear().domain([0, ratioMax]).range([ratioBottom, ratioTop]);
    const mid = (i: number) => MARGIN.left + (i + 0.5) * step;
    const acute = line<ChartDay>().x((_, i) => mid(i)).y((d) => y(d.acute))(days) ?? '';
    const chronic =
      line<ChartDay>()
        .defined((d) => d.chronic !== null)
        .x((_, i) => mid(i))
        .y((d) => y(d.chronic ?? 0))(days) ?? '';
    const ratio =
      line<ChartDay>()
        .defined((d) => d.ratio !== null)
        .x((_, i) => mid(i))
        .y((d) => r(d.ratio ?? 0))(days) ?? '';
    const barWidth = Math.max(step * 0.72, 1);
    const firstRatio = days.findIndex((d) => !d.baseline);
    const baselineEnd = firstRatio < 0 ? days.length : firstRatio;
    const dateFormat = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const ticks = utcTicks(start, end, Math.max(2, Math.floor((right - MARGIN.left) / 90)));
    const focus = this._focus;
    const focusDay = focus === undefined ? undefined : days[focus];
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
          @pointermove=${(e: PointerEvent) => this._onPointer(e, step, days.length)}
          @pointerdown=${(e: PointerEvent) => this._onPointer(e, step, days.length)}
          @pointerleave=${() => (this._focus = undefined)}
          @blur=${() => (this._focus = undefined)}
        >
          ${y.ticks(4).map(
            (v) =>
              svg`<g class="tick"><line x1=${MARGIN.left} x2=${right} y1=${y(v)} y2=${y(v)}></line><text x=${MARGIN.left - 6} y=${y(v)} dy="0.32em" text-anchor="end">${v}</text></g>`,
          )}
          <g class="bars">${days.map((d, i) => this._bar(d, i, step, barWidth, y))}</g>
          <path class="line acute" d=${acute}></path>
          <path class="line chronic" d=${chronic}></path>
          ${BANDS.map(({ band, from, to }) => {
            const top = r(Math.min(to, ratioMax));
            const bottom = r(Math.min(from, ratioMax));
            return bottom > top ? svg`<rect class="band ${band}" data-band=${band} x=${MARGIN.left} width=${right - MARGIN.left} y=${top} height=${bottom - top}></rect>` : nothing;
          })}
          ${baselineEnd > 0
            ? svg`<g class="baseline"><rect x=${MARGIN.left} width=${baselineEnd * step} y=${ratioTop} height=${HEIGHT.ratio}></rect><text x=${MARGIN.left + 6} y=${ratioTop + 16}>${t.baseline}</text></g>`
            : nothing}
          <path class="line ratio" d=${ratio}></path>
          ${[0.8, 1.3, 1.5].map((v) => svg`<text class="band-label" x=${MARGIN.left - 6} y=${r(v)} dy="0.32em" text-anchor="end">${v}</text>`)}
          <g class="x-axis">
            ${ticks.map(
              (tick) =>
                svg`<text x=${x(tick)} y=${ratioBottom + 16} text-anchor="middle">${dateFormat.format(tick)}</text><line x1=${x(tick)} x2=${x(tick)} y1=${ratioBottom} y2=${ratioBottom + 4}></line>`,
            )}
          </g>
          ${focusDay ? svg`<line class="focus" x1=${mid(focus!)} x2=${mid(focus!)} y1=${MARGIN.top} y2=${ratioBottom}></line>` : nothing}
        </svg>
        <p class="hint" id="hint">${t.keyboardHint}</p>
        <p class="detail" role="status" aria-live="polite">${focusDay ? this._detail(focusDay, t, lang) : ''}</p>
      </div>
      <ul class="legend">
        ${MODALITIES.map((m) => html`<li><span class="swatch ${m}"></span>${t.modality[m]}</li>`)}
        <li><span class="key acute"></span>${t.acute}</li>
        <li><span class="key chronic"></span>${t.chronic}</li>
        <li><span class="key ratio"></span>${t.ratio}</li>
      </ul>
      <button type="button" class="table-toggle" aria-expanded=${this._table} @click=${() => (this._table = !this._table)}>
        ${this._table ? t.hideTable : t.showTable}
      </button>
      ${this._table ? this._renderTable(model, t, lang) : nothing}`;
  }

  /** One day's bar, stacked by modality in a fixed order. */
  private _bar(day: ChartDay, i: number, step: number, width: number, y: (v: number) => number): SVGTemplateResult | typeof nothing {
    if (day.load <= 0) return nothing;
    const x = MARGIN.left + i * step + (step - width) / 2;
    let base = 0;
    return svg`<g class="day" data-date=${day.date} data-load=${day.load}>${MODALITIES.map((m) => {
      const load = day.byModality[m] ?? 0;
      if (!load) return nothing;
      const top = y(base + load);
      const bottom = y(base);
      base += load;
      return svg`<rect class="bar ${m}" data-modality=${m} x=${x} width=${width} y=${top} height=${Math.max(bottom - top, 0)}></rect>`;
    })}</g>`;
  }

  private _detail(day: ChartDay, t: LoadChartStrings, lang: string): string {
    const date = new Intl.DateTimeFormat(lang, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${day.date}T00:00:00Z`),
    );
    const load = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(day.load);
    const ratio = day.ratio === null ? null : new Intl.NumberFormat(lang, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(day.ratio);
    return t.dayDetail(date, load, day.sessions, ratio, day.band ? t.band[day.band] : day.baseline ? t.baseline : null);
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

  private _onPointer(event: PointerEvent, step: number, count: number): void {
    const svgBox = (event.currentTarget as SVGSVGElement).getBoundingClientRect();
    const index = Math.floor((event.clientX - svgBox.left - MARGIN.left) / step);
    this._focus = index >= 0 && index < count ? index : undefined;
  }

  private _renderTable(model: ChartModel, t: LoadChartStrings, lang: string): TemplateResult {
    const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    const two = new Intl.NumberFormat(lang, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
    const dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
    // The table scrolls within a fixed height: a named, focusable region, so keyboards can scroll it.
    return html`<div class="table-wrap" role="region" aria-label=${t.caption(t.method[model.method])} tabindex="0">
      <table part="table">
        <caption>${t.caption(t.method[model.method])}</caption>
        <thead>
          <tr>
            <th scope="col">${t.date}</th>
            <th scope="col">${t.load} (${t.au})</th>
            <th scope="col">${t.sessions}</th>
            <th scope="col">${t.acute}</th>
            <th scope="col">${t.chronic}</th>
            <th scope="col">${t.ratio}</th>
          </tr>
        </thead>
        <tbody>
          ${[...model.days].reverse().map(
            (d) => html`<tr>
              <th scope="row">${dateFormat.format(new Date(`${d.date}T00:00:00Z`))}</th>
              <td>${number.format(d.load)}</td>
              <td>${d.sessions}</td>
              <td>${number.format(d.acute)}</td>
              <td>${d.chronic === null ? '—' : number.format(d.chronic)}</td>
              <td>${d.ratio === null ? (d.baseline ? t.baseline : '—') : `${two.format(d.ratio)} (${t.band[d.band!]})`}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'load-chart': LoadChart;
  }
}

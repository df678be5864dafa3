import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { cssProps } from '../../base/css-props.js';
import { baseStyles } from '../../base/theme.js';
import { dateFormat, numberFormat } from '../../base/formats.js';
import { pickStrings } from '../../base/strings.js';
import { addDays, localDate, type CalendarDate } from '../metrics/calendar.js';
import { GUIDELINE_SOURCES, weeklyGuidelines, type WeeklyGuidelines } from '../metrics/guidelines.js';
import { listRecords } from '../storage/list-all.js';
import type { StorageAdapter } from '../storage/types.js';
import { TrainingStoreController } from '../store/store-controller.js';
import { LocaleController } from '../store/locale-controller.js';
import { StoreQueryController } from '../store/query-controller.js';
import { renderSyncLine, SyncStatusController, syncStrings } from '../store/sync-status-view.js';
import { weeklySummaryStrings, type WeeklySummaryStrings } from './strings.js';
import { localeFirstDay, weekdayNumber, weekStartOf } from './week.js';
import { weeklySummaryStyles } from './weekly-summary-styles.js';

/** The week shown, as read from the store. */
interface Week {
  week: WeeklyGuidelines;
  /** Sessions logged in the week. */
  sessions: number;
}

/**
 * This week's training against the published activity targets for type 2 diabetes: minutes of
 * aerobic-type activity against 150, resistance training on 2–3 non-consecutive days, the longest
 * run of days without activity against "no more than 2", and whether the week combined both kinds,
 * each with the position statements it comes from (ADA 2016, ACSM 2022). Plain and encouraging;
 * it reports, it does not advise.
 *
 * It reads sessions from its store (`store="id"`, the `<training-store>` around it, or the page
 * default) and updates as sessions are saved anywhere on the page or in another tab.
 *
 * @summary This week against the published activity targets for type 2 diabetes, with sources.
 * @tag weekly-summary
 *
 * @attr {string} store - The id of a `<training-store>` elsewhere on the page to read from.
 * @attr {string} week-start - The first day of the week (`monday` … `sunday`); the locale's by default.
 * @attr {string} date - A date (`YYYY-MM-DD`) in the week to show; today by default.
 * @attr {string} time-zone - The IANA zone "today" is read in; the browser's by default.
 *
 * @csspart base - The bordered box.
 * @csspart target - Each of the four targets.
 * @csspart bar - The progress bars.
 * @csspart sources - The line citing the position statements.
 * @csspart sync - The line saying what waits to sync, with storage that syncs with a server.
 *
 * @cssprop --lw-weekly-summary-bar-color - Fill of the progress bars (default: the accent).
 * @cssprop --lw-weekly-summary-track-color - Track of the progress bars.
 * @cssprop --lw-weekly-summary-padding - Padding inside the box.
 */
export class WeeklySummary extends LitElement {
  static override styles = [baseStyles, weeklySummaryStyles];

  static override properties = {
    store: { type: String },
    weekStart: { type: String, attribute: 'week-start' },
    date: { type: String },
    timeZone: { type: String, attribute: 'time-zone' },
  };

  declare store: string | undefined;
  declare weekStart: string | undefined;
  declare date: string | undefined;
  declare timeZone: string | undefined;

  private readonly _store = new TrainingStoreController(this);
  private readonly _locale = new LocaleController(this, weeklySummaryStrings);
  /** The week's sessions, read again when a session changes or the week shown does. */
  private readonly _query = new StoreQueryController<Week>(this, this._store, { read: (adapter) => this._read(adapter), collections: ['sessions'] });
  /** Changes waiting to sync, for storage that syncs with a server. */
  private readonly _sync = new SyncStatusController(this, this._store);

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('weekStart') || changed.has('date') || changed.has('timeZone')) void this._query.refresh();
  }

  /** The first and last day of the week shown, and today (the last day that has happened). */
  private _week(): { start: CalendarDate; end: CalendarDate; today: CalendarDate } {
    const today = this._locale.today;
    const firstDay = weekdayNumber(this.weekStart) ?? localeFirstDay(this._locale.lang);
    const start = weekStartOf(today, firstDay);
    return { start, end: addDays(start, 6), today };
  }

  /** Reads the week's sessions (a day either side, for sessions logged in other zones) and sums them up. */
  private async _read(adapter: StorageAdapter): Promise<Week> {
    const { start, end, today } = this._week();
    const sessions = await listRecords(adapter, 'sessions', {
      from: `${addDays(start, -1)}T00:00:00Z`,
      to: `${addDays(end, 2)}T00:00:00Z`,
    });
    // Days after today have not happened: they are not yet days without activity.
    const week = weeklyGuidelines(sessions, { weekStart: start, through: today });
    const inWeek = sessions.filter((s) => {
      const day = localDate(s.startedAt, s.timeZone);
      return day >= start && day <= end;
    }).length;
    return { week, sessions: inWeek };
  }

  protected override render(): TemplateResult {
    const t = this._locale.strings;
    const lang = this._locale.lang;
    const { start, end } = this._week();
    const range = dateFormat(lang, { day: 'numeric', month: 'long', timeZone: 'UTC' }).formatRange(
      new Date(`${start}T00:00:00Z`),
      new Date(`${end}T00:00:00Z`),
    );
    const state = this._query.state;
    return html`<section class="summary" part="base" aria-labelledby="title">
      <div>
        <h2 class="title" id="title">${t.title}</h2>
        <p class="range">${range}</p>
      </div>
      ${renderSyncLine(this._sync, pickStrings(syncStrings, lang))}
      ${state.kind === 'loading'
        ? html`<p class="loading" role="status">${t.loading}</p>`
        : state.kind === 'unavailable'
          ? html`<p class="loading" role="alert">${t.unavailable}</p>`
          : this._renderWeek(state.value.week, state.value.sessions, t, lang)}
      <p class="sources" part="sources">
        ${t.sourcesIntro}
        <a href="https://doi.org/${GUIDELINE_SOURCES.ada2016.doi}" title=${GUIDELINE_SOURCES.ada2016.citation}>ADA position statement (Colberg et al., Diabetes Care 2016)</a>
        ·
        <a href="https://doi.org/${GUIDELINE_SOURCES.acsm2022.doi}" title=${GUIDELINE_SOURCES.acsm2022.citation}>ACSM consensus statement (Kanaley et al., MSSE 2022)</a>
      </p>
      <p class="disclaimer">${t.disclaimer}</p>
    </section>`;
  }

  private _renderWeek(week: WeeklyGuidelines, sessions: number, t: WeeklySummaryStrings, lang: string): TemplateResult {
    const number = numberFormat(lang, { maximumFractionDigits: 0 });
    const { aerobic, resistance, rest } = week;
    return html`${sessions === 0 ? html`<p class="empty">${t.empty}</p>` : nothing}
      <ul>
        ${this._target(
          'aerobic',
          t.aerobicLabel,
          aerobic.met,
          t.aerobicValue(number.format(aerobic.minutes), number.format(aerobic.target)),
          t.aerobicHint,
          aerobic.minutes / aerobic.target,
          t,
        )}
        ${this._target(
          'resistance',
          t.resistanceLabel,
          resistance.met,
          t.resistanceValue(resistance.days.length),
          resistance.nonConsecutive ? t.resistanceHint : t.consecutiveNote,
          resistance.days.length / resistance.target.min,
          t,
        )}
        ${this._target('rest', t.restLabel, rest.met, t.restValue(rest.longestRunWithoutActivity), t.restHint(rest.limit), undefined, t)}
        ${this._target('both', t.bothLabel, week.combinedBoth, week.combinedBoth ? t.bothYes : t.bothNo, undefined, undefined, t)}
      </ul>`;
  }

  private _target(
    id: string,
    label: string,
    met: boolean,
    value: string,
    hint: string | undefined,
    fill: number | undefined,
    t: WeeklySummaryStrings,
  ): TemplateResult {
    return html`<li class="target" part="target" data-target=${id}>
      <div class="target-head">
        <span class="label">${label}</span>
        <span class="status ${met ? 'met' : ''}">${met ? t.reached : t.notYet}</span>
      </div>
      <p class="value">${value}</p>
      ${fill === undefined
        ? nothing
        : html`<div class="bar" part="bar" aria-hidden="true"><span ${cssProps({ '--_fill': String(Math.min(Math.max(fill, 0), 1)) })}></span></div>`}
      ${hint ? html`<p class="hint">${hint}</p>` : nothing}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'weekly-summary': WeeklySummary;
  }
}

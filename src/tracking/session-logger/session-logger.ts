import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { baseStyles } from '../../base/theme.js';
import { pickStrings } from '../../base/strings.js';
import type { TrainingSession } from '../model.js';
import type { GlucoseUnit } from '../units.js';
import type { ImportReport } from '../storage/transfer/import.js';
import type { TrainingStoreApi } from '../store/context.js';
import { LocaleController } from '../store/locale-controller.js';
import { TrainingStoreController } from '../store/store-controller.js';
import { renderSyncStatus, SyncStatusController, syncStrings } from '../store/sync-status-view.js';
import { emptyForm, hasInput, logAgainValues, parseForm, sessionToValues, type FieldErrors, type FormValues } from './form-model.js';
import { FormStateController } from './form-state.js';
import type { LiveSession } from './session-list-controller.js';
import { DraftController } from './draft-controller.js';
import { SessionListController } from './session-list-controller.js';
import { SaveController } from './save-controller.js';
import { DataPanelController, renderDataPanel } from './data-panel.js';
import { renderForm } from './form-view.js';
import { renderConflict } from './conflict-view.js';
import { renderSessionList } from './session-list-view.js';
import { sessionLabel, versionLine } from './session-text.js';
import { sessionLoggerStrings } from './strings.js';
import { sessionLoggerStyles } from './session-logger-styles.js';

// The events it fires, declared on HTMLElementEventMap for every importer of the element.
import './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'session-logger': SessionLogger;
  }
}

/**
 * Logs a training session the way people train: the kind of session, when, how long and how hard
 * (session RPE, CR-10), with heart rate, exercises, notes, how the person feels and a glucose
 * reading as optional sections folded until wanted. The session load (RPE × minutes) is shown as
 * they type.
 *
 * Every invalid field gets a message next to it (tied with `aria-describedby`), and a summary on
 * submit moves focus to the first problem; nothing is saved while anything is invalid. What the
 * person typed is never lost: not on a validation error, not when storage fails (a message and a
 * Retry button), not on a reload (an unfinished entry is kept as a draft in localStorage under
 * `loadwise-draft:<namespace>:session-logger[:<id>]`). A session changed in another tab while it
 * was being edited shows both versions and lets the person choose.
 *
 * Below the form: the recent sessions (10, then "Show more"), each editable in place, deletable
 * with Undo for 10 seconds, and loggable again with today's date; then export (JSON, CSV) and
 * import with a report.
 *
 * It uses the `<training-store>` named by `store`, else the one around it, else the page-default
 * store (localStorage). Notes and exercise names are shown as text, never markup.
 *
 * @summary Logs a training session: modality, when, how long, how hard, and how the person feels.
 * @tag session-logger
 *
 * @attr {string} store - The id of the `<training-store>` to use, instead of the one around the element.
 * @attr {'metric' | 'imperial'} units - Loads in kg (`metric`) or lb (`imperial`); by default from the language's region. Storage keeps kg.
 * @attr {'mg/dL' | 'mmol/L'} glucose-unit - The unit glucose is typed in; by default from the language's region. Storage keeps mg/dL.
 * @attr {string} time-zone - The IANA time zone dates and times are typed in; the browser's by default.
 * @attr {string} lang - The language of the element's words (`en`, `es`); inherited from the page.
 *
 * @event {CustomEvent<SessionSaveDetail>} session-save - Before a session is written. Cancelable: `preventDefault()` vetoes the save (the entry is kept); replace `detail.record` to enrich it.
 * @event {CustomEvent<SessionSavedDetail>} session-saved - A session was written.
 * @event {CustomEvent<SessionDeletedDetail>} session-deleted - A session was deleted (Undo is offered for 10 seconds).
 * @event {CustomEvent<SessionRestoredDetail>} session-restored - A deleted session was brought back with Undo.
 * @event {CustomEvent<GlucoseSavedDetail>} glucose-saved - A glucose reading entered with a session was written.
 *
 * @csspart base - The box around everything.
 * @csspart form - The form.
 * @csspart error-summary - The list of problems shown on submit.
 * @csspart load - The live session load.
 * @csspart submit - The save button.
 * @csspart list - The list of recent sessions.
 * @csspart row - Each recent session.
 * @csspart data - The export and import controls.
 *
 * @cssprop --lw-accent - Accent colour of buttons and focus rings.
 * @cssprop --lw-font - Font (default: inherited from the page).
 * @cssprop --lw-color - Text colour (default: inherited from the page).
 * @cssprop --lw-surface - Background of the box.
 * @cssprop --lw-surface-raised - Background of sections and hovered controls.
 * @cssprop --lw-border-color - Borders.
 * @cssprop --lw-error-color - Colour of error messages and invalid fields.
 * @cssprop --lw-radius - Corner radius.
 * @cssprop --lw-space - Base spacing.
 * @cssprop --lw-focus-color - Focus ring colour.
 * @cssprop --lw-color-scheme - `light` or `dark` for native controls (default: the page's `color-scheme`).
 */
export class SessionLogger extends LitElement {
  static override styles = [baseStyles, sessionLoggerStyles];

  static override properties = {
    units: { type: String, reflect: true },
    glucoseUnit: { type: String, attribute: 'glucose-unit', reflect: true },
    timeZone: { type: String, attribute: 'time-zone' },
  };

  /**
   * Loads in kg or lb; by default from the language's region.
   * @type {'metric' | 'imperial' | undefined}
   */
  declare units: 'metric' | 'imperial' | undefined;
  /**
   * The glucose unit; by default from the language's region.
   * @type {'mg/dL' | 'mmol/L' | undefined}
   */
  declare glucoseUnit: GlucoseUnit | undefined;
  /** The IANA time zone dates and times are typed in; the browser's by default. */
  declare timeZone: string | undefined;

  readonly #store = new TrainingStoreController(this, { onStoreChange: (api) => this.#onStore(api) });
  /** Changes waiting to sync, conflicts and refusals, for storage that syncs with a server. */
  readonly #sync = new SyncStatusController(this, this.#store);
  readonly #locale = new LocaleController(this, sessionLoggerStrings);
  readonly #draft = new DraftController(this, this.#store);
  readonly #list = new SessionListController(this, this.#store, {
    onRemoved: (item) => {
      if (this.#saver.editing?.id === item.id) this.#resetForm();
      this.#form.focus('undo');
    },
  });
  readonly #saver = new SaveController(this, this.#store, {
    onSaved: () => this.#resetForm(),
    onConflict: () => this.#form.focus('conflict-title'),
    onTakeTheirs: (current) => (current ? this.#edit(current) : this.#resetForm()),
  });
  readonly #data = new DataPanelController(this, this.#store);
  readonly #form = new FormStateController(this, emptyForm(this.#zone), {
    parse: (values) => {
      const l = this.#locale;
      return parseForm(values, l.strings, { timeZone: this.#zone, weightUnit: l.weightUnit, glucoseUnit: l.glucoseUnit, lang: l.lang });
    },
    onChange: (values) => {
      this.#saver.changed();
      this.#draft.save(values, this.#saver.editing);
    },
  });
  /** The store whose draft was looked for: each store's once. */
  #draftChecked: TrainingStoreApi | undefined;
  /** Work `updateComplete` waits for, besides the list's reads. */
  readonly #pending = new Set<Promise<unknown>>();

  /**
   * The form's values as typed (strings, a copy). Setting it fills the form (a site prefilling
   * an entry, say) and keeps it as the draft.
   * @type {FormValues}
   */
  get values(): FormValues {
    return structuredClone(this.#form.values);
  }
  set values(values: FormValues) {
    this.#form.change(structuredClone(values));
    this.#form.openSectionsWithValues();
  }

  /** Resolves once the element has rendered, its list has loaded and a save or an import is done. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    for (;;) {
      await Promise.all([this.#list.settled(), ...this.#pending]);
      if (!this.#pending.size && !this.isUpdatePending) return result;
      result = await super.getUpdateComplete();
    }
  }

  /** Keeps `updateComplete` waiting for `promise` (a save, a removal, an import, a draft's edit). */
  #track<T>(promise: Promise<T>): Promise<T> {
    this.#pending.add(promise);
    void promise.finally(() => this.#pending.delete(promise)).catch(() => undefined);
    return promise;
  }

  /** The zone dates and times are read in: a session being edited keeps the zone it was logged in. */
  get #zone(): string {
    return this.#saver.editing?.record.timeZone || this.#locale.zone;
  }

  #onStore(api: TrainingStoreApi | undefined): void {
    if (!api || this.#draftChecked === api) return;
    this.#draftChecked = api;
    if (hasInput(this.#form.values)) return;
    const draft = this.#draft.restore();
    if (!draft) return;
    this.#form.replace(draft.values);
    void this.#track(draft.editing.then((editing) => editing && (this.#saver.editing = editing)));
    this.#form.openSectionsWithValues();
  }

  // -------------------------------------------------------------------------------------------
  // Editing values

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A zone set after construction: date the empty form on its clocks.
    if (changed.has('timeZone') && !this.#saver.editing && !hasInput(this.#form.values)) this.#form.replace(emptyForm(this.#zone));
  }

  #resetForm(): void {
    // The edit ends first: the fresh form is a new session, dated now on this page's clocks, not
    // in the zone of the session just edited (the form is read in the page's zone from here on).
    this.#saver.editing = undefined;
    this.#form.reset(emptyForm(this.#zone));
    this.#draft.clear();
  }

  #edit(item: LiveSession): void {
    this.#saver.editing = item;
    this.#saver.clearStatus();
    this.#form.load(sessionToValues(item.record, this.#locale.weightUnit));
    this.#draft.save(this.#form.values, item);
  }

  #logAgain(item: LiveSession): void {
    this.#saver.editing = undefined;
    this.#form.change(logAgainValues(item.record, this.#locale.weightUnit, this.#locale.zone));
    this.#form.load(this.#form.values);
  }

  // -------------------------------------------------------------------------------------------
  // Public API

  /** Validates and saves what is in the form; resolves when done (saved, refused or failed). */
  async save(): Promise<void> {
    await this.#track(this.#save());
  }

  async #save(): Promise<void> {
    if (this.#saver.status.kind === 'saving') return;
    const { session, glucose } = this.#form.check();
    if (session) await this.#saver.save({ session, glucose });
  }

  /** The store's data as a JSON export (every collection) or a sessions CSV, as the export buttons download it. */
  exportText(format: 'json' | 'csv'): Promise<string> {
    return this.#data.exportText(format);
  }

  /** Imports a JSON export or a sessions CSV into the store; the report is shown and returned. */
  importFile(file: Blob): Promise<ImportReport | undefined> {
    return this.#track(this.#data.importFile(file));
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  protected override render(): TemplateResult {
    const { lang, strings: t } = this.#locale;
    const list = this.#list;
    return html`<div class="logger" part="base">
      ${renderForm({
        ...this.#form.fieldsView(t.optional),
        t,
        lang,
        weightUnit: this.#locale.weightUnit,
        glucoseUnit: this.#locale.glucoseUnit,
        editing: !!this.#saver.editing,
        draftRestored: this.#draft.restored,
        status: this.#saver.status,
        onSubmit: (e) => {
          e.preventDefault();
          void this.#track(this.#save());
        },
        onReset: () => this.#resetForm(),
        onDiscardDraft: () => {
          this.#resetForm();
          this.#form.focus('modality');
        },
        onRetry: () => void this.#track(this.#save()),
      })}
      ${renderConflict({
        conflict: this.#saver.conflict,
        t,
        lang,
        onKeepMine: () => void this.#track(this.#saver.keepMine()),
        onTakeTheirs: () => this.#saver.takeTheirs(),
      })}
      ${renderSessionList({
        t,
        lang,
        items: list.items,
        hasMore: list.hasMore,
        undoable: list.undoable,
        sync: renderSyncStatus(
          this.#sync,
          pickStrings(syncStrings, lang),
          (collection, id, record) => {
            const session = collection === 'sessions' ? ((record as TrainingSession | undefined) ?? list.items.find((item) => item.id === id)?.record) : undefined;
            return session && sessionLabel(session, t, lang);
          },
          (collection, record) => (collection === 'sessions' ? versionLine(record as TrainingSession, t, lang) : ''),
        ),
        onShowMore: () => void list.showMore(),
        onUndo: () => void this.#track(list.restore()),
        onLogAgain: (item) => this.#logAgain(item),
        onEdit: (item) => this.#edit(item),
        onRemove: (item) => void this.#track(list.remove(item)),
      })}
      ${renderDataPanel({
        t,
        result: this.#data.result,
        onExport: (format) => void this.#data.download(format),
        onFile: async (event) => {
          const input = event.target as HTMLInputElement;
          const file = input.files?.[0];
          if (file) await this.importFile(file);
          input.value = '';
        },
      })}
    </div>`;
  }
}

export type { FieldErrors, FormValues };

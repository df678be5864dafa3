import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { baseStyles } from '../../base/theme.js';
import { emit } from '../../base/events.js';
import { languageOf, pickStrings } from '../../base/strings.js';
import { GLUCOSE_CONTEXTS, MODALITIES, SESSION_SCHEMA_VERSION, newGlucoseReading, newSession, type GlucoseReading, type TrainingSession } from '../model.js';
import { defaultGlucoseUnit, defaultWeightUnit, regionFor, type GlucoseUnit, type WeightUnit } from '../units.js';
import type { StoredOf } from '../storage/types.js';
import type { StorageError } from '../storage/errors.js';
import type { ImportReport } from '../storage/transfer/import.js';
import { TrainingStoreController } from '../store/store-controller.js';
import { renderSyncStatus, SyncStatusController, syncStrings } from '../store/sync-status-view.js';
import type { TrainingStoreApi } from '../store/context.js';
import {
  STRENGTH_MODALITIES,
  WELLNESS_KEYS,
  deserializeDraft,
  emptyExercise,
  emptyForm,
  emptySet,
  hasInput,
  logAgainValues,
  parseForm,
  serializeDraft,
  sessionLoad,
  sessionToValues,
  type FieldErrors,
  type FormValues,
  type ParsedForm,
} from './form-model.js';
import { sessionLoggerStrings, type SessionLoggerStrings } from './strings.js';
import { sessionLoggerStyles } from './session-logger-styles.js';

export interface SessionSaveDetail {
  /** The record about to be written. A listener may replace it (`detail.record = {...}`) to enrich it. */
  record: TrainingSession;
  /** The glucose reading entered with it, if any; replaceable too. */
  glucose: GlucoseReading | undefined;
  /** Whether this saves changes to a stored session (rather than a new one). */
  editing: boolean;
}
export interface SessionSavedDetail {
  record: TrainingSession;
  stored: StoredOf<'sessions'>;
  /** `true` for a new session, `false` for changes to one. */
  created: boolean;
}
export interface SessionDeletedDetail {
  id: string;
  /** The session as it was before removal. */
  record: TrainingSession;
  /** The tombstone now stored. */
  stored: StoredOf<'sessions'>;
}
export interface SessionRestoredDetail {
  record: TrainingSession;
  stored: StoredOf<'sessions'>;
}
export interface GlucoseSavedDetail {
  reading: GlucoseReading;
  stored: StoredOf<'glucose'>;
}

declare global {
  interface HTMLElementTagNameMap {
    'session-logger': SessionLogger;
  }
  interface HTMLElementEventMap {
    'session-save': CustomEvent<SessionSaveDetail>;
    'session-saved': CustomEvent<SessionSavedDetail>;
    'session-deleted': CustomEvent<SessionDeletedDetail>;
    'session-restored': CustomEvent<SessionRestoredDetail>;
    'glucose-saved': CustomEvent<GlucoseSavedDetail>;
  }
}

type Live = Extract<StoredOf<'sessions'>, { deleted: false }>;
type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; glucose: boolean }
  | { kind: 'failed'; code: keyof SessionLoggerStrings['failed'] }
  | { kind: 'vetoed' }
  | { kind: 'no-store' };

/** One submission: the same records and idempotency key on every retry, until the values change. */
interface Attempt {
  key: string;
  record: TrainingSession;
  glucose: GlucoseReading | undefined;
}

const PAGE = 10;
const UNDO_MS = 10_000;

const errorCode = (error: unknown): string => (error as Partial<StorageError> | null)?.code ?? 'other';

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
    _values: { state: true, attribute: false },
    _visible: { state: true, attribute: false },
    _summary: { state: true, attribute: false },
    _status: { state: true, attribute: false },
    _editing: { state: true, attribute: false },
    _draftRestored: { state: true, attribute: false },
    _conflict: { state: true, attribute: false },
    _items: { state: true, attribute: false },
    _nextCursor: { state: true, attribute: false },
    _undo: { state: true, attribute: false },
    _transfer: { state: true, attribute: false },
    _open: { state: true, attribute: false },
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

  declare private _values: FormValues;
  /** Fields whose message is shown: touched and left, or all of them after a submit. */
  declare private _visible: ReadonlySet<string>;
  /** Whether the error summary is shown (after a submit with problems). */
  declare private _summary: boolean;
  declare private _status: Status;
  declare private _editing: Live | undefined;
  declare private _draftRestored: boolean;
  declare private _conflict: { mine: TrainingSession; current: StoredOf<'sessions'> | undefined } | undefined;
  declare private _items: Live[];
  declare private _nextCursor: string | null;
  declare private _undo: { record: TrainingSession; stored: StoredOf<'sessions'> } | undefined;
  declare private _transfer: { report?: ImportReport; error?: string } | undefined;
  declare private _open: ReadonlySet<string>;

  private readonly _store = new TrainingStoreController(this, { onStoreChange: (api) => this._onStore(api) });
  /** Changes waiting to sync, conflicts and refusals, for storage that syncs with a server. */
  private readonly _sync = new SyncStatusController(this, this._store);
  private _attempt: Attempt | undefined;
  private _undoTimer: ReturnType<typeof setTimeout> | undefined;
  private _parsed: ParsedForm = { errors: {} };
  private _draftChecked: TrainingStoreApi | undefined;
  private _listing = 0;
  /** Where focus goes after the next render. */
  private _focusAfterUpdate: string | undefined;
  /** Work `updateComplete` waits for. */
  private readonly _pending = new Set<Promise<unknown>>();

  constructor() {
    super();
    this._values = emptyForm(this._zone);
    this._visible = new Set();
    this._summary = false;
    this._status = { kind: 'idle' };
    this._editing = undefined;
    this._draftRestored = false;
    this._conflict = undefined;
    this._items = [];
    this._nextCursor = null;
    this._undo = undefined;
    this._transfer = undefined;
    this._open = new Set();
    this._store.onChange((change) => {
      if (change.collection === 'sessions') void this._loadList();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._undoTimer);
  }

  /**
   * The form's values as typed (strings, a copy). Setting it fills the form (a site prefilling
   * an entry, say) and keeps it as the draft.
   * @type {FormValues}
   */
  get values(): FormValues {
    return structuredClone(this._values);
  }
  set values(values: FormValues) {
    this._setValues(structuredClone(values));
    this._openSectionsWithValues();
  }

  /** Resolves once the element has rendered and its list has loaded. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this._pending.size) {
      await Promise.all([...this._pending]);
      result = await super.getUpdateComplete();
    }
    return result;
  }

  /** Keeps `updateComplete` waiting for `promise` (a list load, a save, an import). */
  private _track<T>(promise: Promise<T>): Promise<T> {
    this._pending.add(promise);
    void promise.finally(() => this._pending.delete(promise)).catch(() => undefined);
    return promise;
  }

  // -------------------------------------------------------------------------------------------
  // Settings

  private get _lang(): string {
    return languageOf(this);
  }

  private get _t(): SessionLoggerStrings {
    return pickStrings(sessionLoggerStrings, this._lang);
  }

  private get _region(): string | undefined {
    return regionFor(this._lang);
  }

  private get _weightUnit(): WeightUnit {
    if (this.units) return this.units === 'imperial' ? 'lb' : 'kg';
    return defaultWeightUnit(this._region);
  }

  private get _glucoseUnit(): GlucoseUnit {
    if (this.glucoseUnit === 'mg/dL' || this.glucoseUnit === 'mmol/L') return this.glucoseUnit;
    return defaultGlucoseUnit(this._region);
  }

  /** The zone dates and times are read in: a session being edited keeps the zone it was logged in. */
  private get _zone(): string {
    return this._editing?.record.timeZone || this.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  // -------------------------------------------------------------------------------------------
  // Store, draft, list

  private _onStore(api: TrainingStoreApi | undefined): void {
    if (api && this._draftChecked !== api) {
      this._draftChecked = api;
      this._restoreDraft();
    }
    void this._loadList();
  }

  private get _draftKey(): string {
    const ns = this._store.api?.namespace ?? 'default';
    return `loadwise-draft:${ns}:session-logger${this.id ? `:${this.id}` : ''}`;
  }

  private _restoreDraft(): void {
    if (hasInput(this._values)) return;
    let text: string | null;
    try {
      text = localStorage.getItem(this._draftKey);
    } catch {
      return;
    }
    const draft = deserializeDraft(text);
    if (!draft || !hasInput(draft.values)) return;
    this._values = draft.values;
    const editing = draft.editing;
    if (editing) {
      // Still an edit of that session, at the revision the draft started from: if it changed
      // since, saving meets the conflict and the person chooses, rather than a duplicate.
      const task = (async () => {
        const stored = await this._store.api?.adapter.get('sessions', editing.id);
        if (stored && !stored.deleted) this._editing = { ...stored, rev: editing.rev };
      })().catch(() => undefined);
      void this._track(task);
    }
    this._draftRestored = true;
    this._openSectionsWithValues();
  }

  private _saveDraft(): void {
    try {
      if (!hasInput(this._values)) localStorage.removeItem(this._draftKey);
      else {
        const editing = this._editing ? { id: this._editing.id, rev: this._editing.rev } : undefined;
        localStorage.setItem(this._draftKey, serializeDraft({ values: this._values, savedAt: new Date().toISOString(), ...(editing ? { editing } : {}) }));
      }
    } catch {
      // A draft is a convenience: storage full or blocked loses only the draft, never the form.
    }
  }

  private _clearDraft(): void {
    try {
      localStorage.removeItem(this._draftKey);
    } catch {
      // Nothing to clear.
    }
    this._draftRestored = false;
  }

  private _loadList(more = false): Promise<void> {
    const api = this._store.api;
    const run = ++this._listing;
    if (!api) {
      this._items = [];
      this._nextCursor = null;
      return Promise.resolve();
    }
    const task = (async () => {
      try {
        await api.ready;
        const page = more
          ? await api.adapter.list('sessions', { order: 'desc', limit: PAGE, cursor: this._nextCursor ?? undefined })
          : await api.adapter.list('sessions', { order: 'desc', limit: Math.max(PAGE, this._items.length) });
        if (run !== this._listing || this._store.api !== api) return;
        const live = page.items.filter((item): item is Live => !item.deleted);
        this._items = more ? [...this._items, ...live] : live;
        this._nextCursor = page.nextCursor;
      } catch (error) {
        if (this._store.api === api) this._store.reportError(error, 'list');
      }
    })();
    return this._track(task);
  }

  // -------------------------------------------------------------------------------------------
  // Editing values

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A zone set after construction: date the empty form on its clocks.
    if (changed.has('timeZone') && !this._editing && !hasInput(this._values)) this._values = emptyForm(this._zone);
    this._parsed = this._parse();
    if (this._summary && Object.keys(this._parsed.errors).length === 0) this._summary = false;
  }

  private _parse(): ParsedForm {
    return parseForm(this._values, this._t, { timeZone: this._zone, weightUnit: this._weightUnit, glucoseUnit: this._glucoseUnit, lang: this._lang });
  }

  protected override updated(): void {
    const target = this._focusAfterUpdate;
    if (target === undefined) return;
    this._focusAfterUpdate = undefined;
    this._focusField(target);
  }

  private _focusField(field: string): void {
    const root = this.renderRoot as ShadowRoot;
    let el: HTMLElement | null;
    if (field === 'modality' || field === 'rpe') {
      el = root.querySelector<HTMLInputElement>(`input[name="${field}"]:checked`) ?? root.querySelector<HTMLInputElement>(`input[name="${field}"]`);
    } else el = root.getElementById(field);
    el?.closest('details')?.setAttribute('open', '');
    el?.focus();
  }

  private _setValues(values: FormValues): void {
    this._values = values;
    this._attempt = undefined;
    if (this._status.kind !== 'saving') this._status = { kind: 'idle' };
    this._saveDraft();
  }

  private _set(field: string, value: string): void {
    const values = structuredClone(this._values);
    const ex = /^ex-(\d+)-(?:name|set-(\d+)-(reps|load|rir))$/.exec(field);
    if (ex) {
      const exercise = values.exercises[Number(ex[1])];
      if (!exercise) return;
      if (ex[2] === undefined) exercise.name = value;
      else {
        const set = exercise.sets[Number(ex[2])];
        if (set) set[ex[3] as 'reps' | 'load' | 'rir'] = value;
      }
    } else if (field in values && field !== 'exercises') {
      (values as unknown as Record<string, string>)[field] = value;
    } else return;
    this._setValues(values);
  }

  private readonly _onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const field = target.dataset.field ?? target.name;
    if (!field || target.type === 'file') return;
    if (target instanceof HTMLInputElement && target.type === 'radio' && !target.checked) return;
    this._set(field, target.value);
    // A radio group has no "leaving" worth waiting for: choosing is done.
    if (target.type === 'radio' || target.tagName === 'SELECT') this._show(field);
  };

  private readonly _onFocusOut = (event: FocusEvent): void => {
    const target = event.target as HTMLElement;
    const field = target.dataset.field ?? (target as HTMLInputElement).name;
    if (!field || (target as HTMLInputElement).type === 'radio') return;
    const value = (target as HTMLInputElement).value ?? '';
    // Leaving an empty field untouched is not an error yet; submitting is.
    if (value.trim() === '' && !this._visible.has(field) && field !== 'date' && field !== 'time') return;
    this._show(field);
  };

  private _show(field: string): void {
    if (this._visible.has(field)) return;
    this._visible = new Set([...this._visible, field]);
  }

  private _errorFor(field: string): string | undefined {
    return this._visible.has(field) ? this._parsed.errors[field] : undefined;
  }

  private _changeExercises(change: (exercises: FormValues['exercises']) => void): void {
    const values = structuredClone(this._values);
    change(values.exercises);
    this._setValues(values);
  }

  private _openSectionsWithValues(): void {
    const v = this._values;
    const open = new Set(this._open);
    if (v.avgHr || v.maxHr) open.add('hr');
    if (v.exercises.length) open.add('exercises');
    if (v.notes) open.add('notes');
    if (WELLNESS_KEYS.some((k) => v[k])) open.add('feel');
    if (v.glucose || v.glucoseContext) open.add('glucose');
    this._open = open;
  }

  private _resetForm(): void {
    this._values = emptyForm(this._zone);
    this._visible = new Set();
    this._summary = false;
    this._editing = undefined;
    this._attempt = undefined;
    this._open = new Set();
    this._clearDraft();
  }

  // -------------------------------------------------------------------------------------------
  // Saving

  private readonly _onSubmit = (event: Event): void => {
    event.preventDefault();
    void this._track(this._save());
  };

  /** Validates and saves what is in the form; resolves when done (saved, refused or failed). */
  async save(): Promise<void> {
    await this._track(this._save());
  }

  private async _save(): Promise<void> {
    if (this._status.kind === 'saving') return;
    // Parsed now, not at the last render: a change and a submit can come in one task.
    const parsed = this._parse();
    const fields = Object.keys(parsed.errors);
    if (fields.length || !parsed.session) {
      this._visible = new Set([...this._visible, ...fields]);
      this._summary = true;
      this._open = new Set([...this._open, ...fields.map((f) => this._sectionOf(f)).filter((s): s is string => !!s)]);
      this._focusAfterUpdate = fields[0];
      return;
    }
    this._summary = false;
    const editing = this._editing;
    if (!this._attempt) {
      const now = new Date();
      const record: TrainingSession = editing
        ? { ...parsed.session, id: editing.id, schemaVersion: SESSION_SCHEMA_VERSION, createdAt: editing.record.createdAt, updatedAt: now.toISOString() }
        : newSession(parsed.session, now);
      this._attempt = { key: crypto.randomUUID(), record, glucose: parsed.glucose ? newGlucoseReading(parsed.glucose, now) : undefined };
    }
    const attempt = this._attempt;
    const detail: SessionSaveDetail = { record: attempt.record, glucose: attempt.glucose, editing: !!editing };
    if (!emit(this, 'session-save', detail, { cancelable: true })) {
      this._status = { kind: 'vetoed' };
      return;
    }
    const api = this._store.api;
    if (!api) {
      this._status = { kind: 'no-store' };
      return;
    }
    this._status = { kind: 'saving' };
    const expectedRev = editing ? editing.rev : null;
    try {
      const stored = await api.adapter.put('sessions', detail.record, { expectedRev, idempotencyKey: attempt.key });
      let glucoseStored: StoredOf<'glucose'> | undefined;
      if (detail.glucose) {
        glucoseStored = await api.adapter.put('glucose', detail.glucose, { expectedRev: null, idempotencyKey: `${attempt.key}:glucose` });
      }
      this._attempt = undefined;
      this._resetForm();
      this._status = { kind: 'saved', glucose: !!glucoseStored };
      if (!stored.deleted) emit(this, 'session-saved', { record: stored.record, stored, created: !editing });
      if (glucoseStored && !glucoseStored.deleted) emit(this, 'glucose-saved', { reading: glucoseStored.record, stored: glucoseStored });
    } catch (error) {
      const code = errorCode(error);
      if (code === 'conflict' && editing) {
        this._status = { kind: 'idle' };
        this._conflict = { mine: detail.record, current: (error as { current?: StoredOf<'sessions'> }).current };
        this._focusAfterUpdate = 'conflict-title';
        return;
      }
      this._status = { kind: 'failed', code: code in this._t.failed ? (code as keyof SessionLoggerStrings['failed']) : 'other' };
      this._store.reportError(error, 'put');
    }
  }

  private _sectionOf(field: string): string | undefined {
    if (field === 'avgHr' || field === 'maxHr') return 'hr';
    if (field.startsWith('ex-')) return 'exercises';
    if (field === 'notes') return 'notes';
    if (field === 'glucose' || field === 'glucoseContext') return 'glucose';
    return undefined;
  }

  private async _keepMine(): Promise<void> {
    const conflict = this._conflict;
    const api = this._store.api;
    if (!conflict || !api) return;
    const current = conflict.current;
    const record = { ...conflict.mine, updatedAt: new Date().toISOString() };
    this._conflict = undefined;
    this._editing = current && !current.deleted ? current : undefined;
    this._attempt = undefined;
    try {
      const stored = await api.adapter.put('sessions', record, { expectedRev: current?.rev ?? null, idempotencyKey: crypto.randomUUID() });
      this._resetForm();
      this._status = { kind: 'saved', glucose: false };
      if (!stored.deleted) emit(this, 'session-saved', { record: stored.record, stored, created: false });
    } catch (error) {
      const code = errorCode(error);
      if (code === 'conflict') {
        this._conflict = { mine: conflict.mine, current: (error as { current?: StoredOf<'sessions'> }).current };
        return;
      }
      this._status = { kind: 'failed', code: code in this._t.failed ? (code as keyof SessionLoggerStrings['failed']) : 'other' };
      this._store.reportError(error, 'put');
    }
  }

  private _takeTheirs(): void {
    const current = this._conflict?.current;
    this._conflict = undefined;
    if (current && !current.deleted) this._edit(current);
    else this._resetForm();
  }

  // -------------------------------------------------------------------------------------------
  // The list

  private _edit(item: Live): void {
    this._editing = item;
    this._values = sessionToValues(item.record, this._weightUnit);
    this._visible = new Set();
    this._summary = false;
    this._attempt = undefined;
    this._status = { kind: 'idle' };
    this._openSectionsWithValues();
    this._saveDraft();
    this._focusAfterUpdate = 'modality';
  }

  private _logAgain(item: Live): void {
    this._editing = undefined;
    this._setValues(logAgainValues(item.record, this._weightUnit, this.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone));
    this._visible = new Set();
    this._summary = false;
    this._openSectionsWithValues();
    this._focusAfterUpdate = 'modality';
  }

  private async _remove(item: Live): Promise<void> {
    const api = this._store.api;
    if (!api) return;
    try {
      const stored = await api.adapter.remove('sessions', item.id, { expectedRev: item.rev, idempotencyKey: crypto.randomUUID() });
      if (this._editing?.id === item.id) this._resetForm();
      this._undo = { record: item.record, stored };
      clearTimeout(this._undoTimer);
      this._undoTimer = setTimeout(() => (this._undo = undefined), UNDO_MS);
      this._focusAfterUpdate = 'undo';
      emit(this, 'session-deleted', { id: item.id, record: item.record, stored });
    } catch (error) {
      this._store.reportError(error, 'remove');
      void this._loadList();
    }
  }

  private async _restore(): Promise<void> {
    const undo = this._undo;
    const api = this._store.api;
    if (!undo || !api) return;
    clearTimeout(this._undoTimer);
    this._undo = undefined;
    try {
      const stored = await api.adapter.put('sessions', undo.record, { expectedRev: undo.stored.rev, idempotencyKey: crypto.randomUUID() });
      if (!stored.deleted) emit(this, 'session-restored', { record: stored.record, stored });
    } catch (error) {
      this._store.reportError(error, 'put');
    }
  }

  // -------------------------------------------------------------------------------------------
  // Export and import

  /** The store's data as a JSON export (every collection) or a sessions CSV, as the export buttons download it. */
  async exportText(format: 'json' | 'csv'): Promise<string> {
    const api = this._store.api;
    if (!api) throw new Error('No store to export from.');
    // Loaded on demand: most visits log a session and never export.
    if (format === 'json') return (await import('../storage/transfer/export-json.js')).exportJsonText(api.adapter, { space: 2 });
    return (await import('../storage/transfer/export-csv.js')).exportCsv(api.adapter, { bom: true });
  }

  private async _export(format: 'json' | 'csv'): Promise<void> {
    if (!this._store.api) return;
    try {
      const text = await this.exportText(format);
      const blob = new Blob([text], { type: format === 'json' ? 'application/json' : 'text/csv' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `training-sessions.${format}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 0);
    } catch (error) {
      this._store.reportError(error, 'export');
    }
  }

  /** Imports a JSON export or a sessions CSV into the store; the report is shown and returned. */
  async importFile(file: Blob): Promise<ImportReport | undefined> {
    const api = this._store.api;
    if (!api) return undefined;
    try {
      const report = await this._track(import('../storage/transfer/import.js').then(({ importData }) => importData(api.adapter, file)));
      this._transfer = { report };
      return report;
    } catch (error) {
      this._transfer = { error: (error as Error).message };
      return undefined;
    }
  }

  private readonly _onFile = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) await this.importFile(file);
    input.value = '';
  };

  // -------------------------------------------------------------------------------------------
  // Rendering

  private _describedBy(field: string, hint?: boolean): string | typeof nothing {
    const ids = [hint ? `${field}-hint` : '', this._errorFor(field) ? `${field}-error` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private _message(field: string): TemplateResult | typeof nothing {
    const error = this._errorFor(field);
    return error ? html`<p class="error" id="${field}-error">${error}</p>` : nothing;
  }

  private _textField(field: string, label: string, opts: { hint?: string; inputmode?: string; type?: string; value?: string; autocomplete?: string } = {}): TemplateResult {
    const error = this._errorFor(field);
    const value = opts.value ?? ((this._values as unknown as Record<string, string>)[field] ?? '');
    return html`<div class="field ${error ? 'invalid' : ''}">
      <label for=${field}>${label}</label>
      ${opts.hint ? html`<p class="hint" id="${field}-hint">${opts.hint}</p>` : nothing}
      <input
        id=${field}
        data-field=${field}
        type=${opts.type ?? 'text'}
        inputmode=${opts.inputmode ?? nothing}
        autocomplete="off"
        .value=${value}
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${this._describedBy(field, !!opts.hint)}
      />
      ${this._message(field)}
    </div>`;
  }

  private _select(field: string, label: string, options: [string, string][], value: string): TemplateResult {
    const error = this._errorFor(field);
    return html`<div class="field ${error ? 'invalid' : ''}">
      <label for=${field}>${label}</label>
      <select id=${field} data-field=${field} aria-invalid=${error ? 'true' : nothing} aria-describedby=${this._describedBy(field)}>
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
      </select>
      ${this._message(field)}
    </div>`;
  }

  private _section(id: string, title: string, content: TemplateResult): TemplateResult {
    return html`<details
      class="section"
      ?open=${this._open.has(id)}
      @toggle=${(e: Event) => {
        const open = new Set(this._open);
        if ((e.currentTarget as HTMLDetailsElement).open) open.add(id);
        else open.delete(id);
        this._open = open;
      }}
    >
      <summary>${title} <span class="optional">(${this._t.optional})</span></summary>
      <div class="section-body">${content}</div>
    </details>`;
  }

  protected override render(): TemplateResult {
    const t = this._t;
    return html`<div class="logger" part="base">
      ${this._renderForm(t)} ${this._renderConflict(t)} ${this._renderList(t)} ${this._renderData(t)}
    </div>`;
  }

  private _renderForm(t: SessionLoggerStrings): TemplateResult {
    const v = this._values;
    const nf = new Intl.NumberFormat(this._lang, { maximumFractionDigits: 1 });
    const load = sessionLoad(v);
    const errors = Object.entries(this._parsed.errors);
    const saving = this._status.kind === 'saving';
    return html`<form part="form" novalidate @submit=${this._onSubmit} @input=${this._onInput} @change=${this._onInput} @focusout=${this._onFocusOut}>
      <h2 class="title">${t.title}</h2>
      ${this._draftRestored
        ? html`<div class="notice" role="status">
            <p>${t.draftRestored}</p>
            <button type="button" class="secondary" @click=${() => { this._resetForm(); this._focusAfterUpdate = 'modality'; }}>${t.discardDraft}</button>
          </div>`
        : nothing}
      ${this._summary && errors.length
        ? html`<div class="summary" part="error-summary" id="error-summary">
            <p class="summary-title">${t.errorSummary(errors.length)}</p>
            <ul>
              ${errors.map(
                ([field, message]) => html`<li>
                  <a href="#${field}" @click=${(e: Event) => { e.preventDefault(); this._focusField(field); }}>${message}</a>
                </li>`,
              )}
            </ul>
          </div>`
        : nothing}

      <fieldset class="choices modality ${this._errorFor('modality') ? 'invalid' : ''}" aria-describedby=${this._describedBy('modality')}>
        <legend>${t.modality}</legend>
        <div class="options">
          ${MODALITIES.map(
            (m) => html`<label class="choice" for="modality-${m}">
              <input type="radio" id="modality-${m}" name="modality" value=${m} .checked=${v.modality === m} aria-invalid=${this._errorFor('modality') ? 'true' : nothing} />
              <span>${t.modalities[m]}</span>
            </label>`,
          )}
        </div>
        ${this._message('modality')}
      </fieldset>

      <div class="row">
        ${this._textField('date', t.date, { type: 'date' })} ${this._textField('time', t.time, { type: 'time' })}
        ${this._textField('duration', `${t.duration} (${t.durationUnit})`, { inputmode: 'decimal' })}
      </div>

      <fieldset class="choices rpe ${this._errorFor('rpe') ? 'invalid' : ''}" aria-describedby=${this._describedBy('rpe', true)}>
        <legend>${t.rpe}</legend>
        <p class="hint" id="rpe-hint">${t.rpeHint}</p>
        <div class="options rpe-options">
          ${Array.from({ length: 11 }, (_, n) => {
            const anchor = t.rpeAnchors[n];
            return html`<label class="choice" for="rpe-${n}">
              <input type="radio" id="rpe-${n}" name="rpe" value=${String(n)} .checked=${v.rpe === String(n)} aria-invalid=${this._errorFor('rpe') ? 'true' : nothing} />
              <span class="rpe-number">${nf.format(n)}</span> ${anchor ? html`<span class="anchor">${anchor}</span>` : nothing}
            </label>`;
          })}
        </div>
        ${this._message('rpe')}
      </fieldset>

      <p class="load" part="load" aria-live="polite" id="load">
        <span class="load-label">${t.load}:</span> ${load === undefined ? t.loadEmpty : t.loadValue(nf.format(load))}
      </p>

      ${this._section(
        'hr',
        t.heartRate,
        html`<div class="row">
          ${this._textField('avgHr', `${t.avgHr} (${t.bpm})`, { inputmode: 'numeric' })}
          ${this._textField('maxHr', `${t.maxHr} (${t.bpm})`, { inputmode: 'numeric' })}
        </div>`,
      )}
      ${STRENGTH_MODALITIES.includes(v.modality as never) ? this._section('exercises', t.exercises, this._renderExercises(t)) : nothing}
      ${this._section(
        'feel',
        t.feel,
        html`<p class="hint">${t.feelHint}</p>
          <div class="row">
            ${WELLNESS_KEYS.map((key) =>
              this._select(key, t.wellness[key], [['', t.notRated], ...[1, 2, 3, 4, 5].map((n): [string, string] => [String(n), nf.format(n)])], v[key]),
            )}
          </div>`,
      )}
      ${this._section(
        'notes',
        t.notes,
        html`<div class="field ${this._errorFor('notes') ? 'invalid' : ''}">
          <label for="notes">${t.notes}</label>
          <textarea id="notes" data-field="notes" rows="3" .value=${v.notes} aria-invalid=${this._errorFor('notes') ? 'true' : nothing} aria-describedby=${this._describedBy('notes')}></textarea>
          ${this._message('notes')}
        </div>`,
      )}
      ${this._section(
        'glucose',
        t.glucose,
        html`<div class="row">
          ${this._textField('glucose', t.glucoseValue(this._glucoseUnit), { inputmode: 'decimal' })}
          ${this._select('glucoseContext', t.glucoseContext, [['', '—'], ...GLUCOSE_CONTEXTS.map((c): [string, string] => [c, t.glucoseContexts[c]])], v.glucoseContext)}
        </div>`,
      )}

      <div class="actions">
        <button type="submit" part="submit" class="primary" aria-disabled=${saving ? 'true' : nothing}>${saving ? t.saving : this._editing ? t.saveChanges : t.save}</button>
        ${this._editing
          ? html`<button type="button" class="secondary" @click=${() => this._resetForm()}>${t.cancelEdit}</button>`
          : hasInput(v)
            ? html`<button type="button" class="secondary" @click=${() => this._resetForm()}>${t.clear}</button>`
            : nothing}
      </div>
      <div class="status" role="status">${this._renderStatusText(t)}</div>
      ${this._status.kind === 'failed'
        ? html`<div class="failure" role="alert">
            <p>${t.failed[this._status.code]}</p>
            <button type="button" class="secondary" id="retry" @click=${() => void this._track(this._save())}>${t.retry}</button>
          </div>`
        : nothing}
    </form>`;
  }

  private _renderStatusText(t: SessionLoggerStrings): string {
    switch (this._status.kind) {
      case 'saved':
        return this._status.glucose ? t.savedGlucose : t.saved;
      case 'vetoed':
        return t.vetoed;
      case 'no-store':
        return t.noStore;
      case 'saving':
        return t.saving;
      default:
        return '';
    }
  }

  private _renderExercises(t: SessionLoggerStrings): TemplateResult {
    const unit = this._weightUnit;
    return html`${this._values.exercises.map(
        (exercise, i) => html`<fieldset class="exercise">
          <legend>${t.exercise(i + 1)}</legend>
          ${this._textField(`ex-${i}-name`, t.exerciseName, { value: exercise.name })}
          ${exercise.sets.map(
            (set, j) => html`<fieldset class="set">
              <legend>${t.set(j + 1)}</legend>
              <div class="row set-row">
                ${this._textField(`ex-${i}-set-${j}-reps`, t.reps, { inputmode: 'numeric', value: set.reps })}
                ${this._textField(`ex-${i}-set-${j}-load`, t.loadWeight(unit), { inputmode: 'decimal', value: set.load })}
                ${this._textField(`ex-${i}-set-${j}-rir`, t.rir, { inputmode: 'numeric', value: set.rir })}
                <button type="button" class="secondary small" aria-label=${t.removeSet(j + 1)} @click=${() => this._changeExercises((list) => list[i]!.sets.splice(j, 1))}>×</button>
              </div>
            </fieldset>`,
          )}
          <div class="actions">
            <button type="button" class="secondary" @click=${() => this._changeExercises((list) => list[i]!.sets.push({ ...(list[i]!.sets.at(-1) ?? emptySet()) }))}>${t.addSet}</button>
            <button type="button" class="secondary" @click=${() => this._changeExercises((list) => list.splice(i, 1))}>${t.removeExercise(i + 1)}</button>
          </div>
        </fieldset>`,
      )}
      <button type="button" class="secondary" id="add-exercise" @click=${() => {
        this._changeExercises((list) => list.push(emptyExercise()));
        this._focusAfterUpdate = `ex-${this._values.exercises.length - 1}-name`;
      }}>${t.addExercise}</button>`;
  }

  /** A record named for the sync status: a session by its date and kind, from the status or the list. */
  private _describe(collection: string, id: string, record: unknown): string | undefined {
    if (collection !== 'sessions') return undefined;
    const session = (record as TrainingSession | undefined) ?? this._items.find((item) => item.id === id)?.record;
    return session ? this._summaryOf(session).label : undefined;
  }

  /** A version of a session in one line: what differs between two devices' copies shows. */
  private _versionLine(record: TrainingSession, t: SessionLoggerStrings): string {
    const nf = new Intl.NumberFormat(this._lang, { maximumFractionDigits: 1 });
    const parts = [t.modalities[record.modality], t.minutes(nf.format(record.durationMin)), t.rpeShort(nf.format(record.rpe))];
    if (record.notes) parts.push(`“${record.notes}”`);
    return parts.join(' · ');
  }

  private _summaryOf(record: TrainingSession): { date: string; label: string } {
    const date = new Intl.DateTimeFormat(this._lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: record.timeZone }).format(new Date(record.startedAt));
    return { date, label: this._t.rowSummary(date, this._t.modalities[record.modality]) };
  }

  private _renderVersion(title: string, record: TrainingSession | undefined, t: SessionLoggerStrings): TemplateResult {
    const nf = new Intl.NumberFormat(this._lang, { maximumFractionDigits: 1 });
    return html`<div class="version">
      <h4>${title}</h4>
      ${record
        ? html`<ul>
            <li>${this._summaryOf(record).date} · ${t.modalities[record.modality]}</li>
            <li>${t.minutes(nf.format(record.durationMin))} · ${t.rpeShort(nf.format(record.rpe))} · ${t.loadShort(nf.format(record.rpe * record.durationMin))}</li>
            ${record.notes ? html`<li class="notes">${record.notes}</li>` : nothing}
          </ul>`
        : html`<p>${t.conflictRemoved}</p>`}
    </div>`;
  }

  private _renderConflict(t: SessionLoggerStrings): TemplateResult | typeof nothing {
    const conflict = this._conflict;
    if (!conflict) return nothing;
    const theirs = conflict.current && !conflict.current.deleted ? conflict.current.record : undefined;
    return html`<section class="conflict" aria-labelledby="conflict-title">
      <h3 id="conflict-title" tabindex="-1">${t.conflictTitle}</h3>
      <p>${t.conflictIntro}</p>
      <div class="versions">${this._renderVersion(t.yourVersion, conflict.mine, t)} ${this._renderVersion(t.theirVersion, theirs, t)}</div>
      <div class="actions">
        <button type="button" class="primary" id="keep-mine" @click=${() => void this._track(this._keepMine())}>${t.keepMine}</button>
        <button type="button" class="secondary" id="take-theirs" @click=${() => this._takeTheirs()}>${t.takeTheirs}</button>
      </div>
    </section>`;
  }

  private _renderList(t: SessionLoggerStrings): TemplateResult {
    const nf = new Intl.NumberFormat(this._lang, { maximumFractionDigits: 1 });
    return html`<section class="recent" aria-labelledby="recent-title">
      <h3 id="recent-title">${t.recent}</h3>
      ${renderSyncStatus(
        this._sync,
        pickStrings(syncStrings, this._lang),
        (collection, id, record) => this._describe(collection, id, record),
        (collection, record) => (collection === 'sessions' ? this._versionLine(record as TrainingSession, t) : ''),
      )}
      <div role="status" class="undo-status">
        ${this._undo
          ? html`<span>${t.deleted}</span> <button type="button" class="secondary" id="undo" @click=${() => void this._track(this._restore())}>${t.undo}</button>`
          : nothing}
      </div>
      ${this._items.length === 0
        ? html`<p class="empty">${t.noSessions}</p>`
        : html`<ul class="list" part="list">
            ${this._items.map((item) => {
              const s = item.record;
              const { date, label } = this._summaryOf(s);
              return html`<li class="row-item" part="row" data-id=${item.id}>
                <div class="row-text">
                  <span class="row-date">${date}</span>
                  <span class="row-modality">${t.modalities[s.modality]}</span>
                  <span>${t.minutes(nf.format(s.durationMin))}</span>
                  <span>${t.rpeShort(nf.format(s.rpe))}</span>
                  <span>${t.loadShort(nf.format(s.rpe * s.durationMin))}</span>
                </div>
                <div class="row-actions">
                  <button type="button" class="secondary small" data-action="again" aria-label=${t.logAgainItem(label)} @click=${() => this._logAgain(item)}>${t.logAgain}</button>
                  <button type="button" class="secondary small" data-action="edit" aria-label=${t.edit(label)} @click=${() => this._edit(item)}>${t.editShort}</button>
                  <button type="button" class="secondary small" data-action="delete" aria-label=${t.remove(label)} @click=${() => void this._track(this._remove(item))}>${t.removeShort}</button>
                </div>
              </li>`;
            })}
          </ul>`}
      ${this._nextCursor ? html`<button type="button" class="secondary" id="show-more" @click=${() => void this._loadList(true)}>${t.showMore}</button>` : nothing}
    </section>`;
  }

  private _renderData(t: SessionLoggerStrings): TemplateResult {
    const report = this._transfer?.report;
    const problems = report ? [...report.rejected.map((r) => r.message), ...report.conflicts.map((c) => c.message), ...(report.error ? [report.error.message] : [])] : [];
    return html`<section class="data" part="data" aria-labelledby="data-title">
      <h3 id="data-title">${t.dataTitle}</h3>
      <div class="actions">
        <button type="button" class="secondary" id="export-json" @click=${() => void this._export('json')}>${t.exportJson}</button>
        <button type="button" class="secondary" id="export-csv" @click=${() => void this._export('csv')}>${t.exportCsv}</button>
        <label class="file-label" for="import">${t.importFile}</label>
        <input type="file" id="import" accept=".json,.csv,application/json,text/csv" @change=${this._onFile} />
      </div>
      <div role="status" class="import-report">
        ${report
          ? html`<p>${t.importReport(report.added, report.unchanged, report.conflicts.length, report.rejected.length)}</p>
              ${problems.length ? html`<ul>${problems.slice(0, 10).map((m) => html`<li>${m}</li>`)}</ul>` : nothing}`
          : this._transfer?.error
            ? html`<p class="error">${t.importFailed(this._transfer.error)}</p>`
            : nothing}
      </div>
    </section>`;
  }
}

export type { FieldErrors, FormValues };

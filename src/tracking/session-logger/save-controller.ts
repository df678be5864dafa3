import type { ReactiveControllerHost } from 'lit';
import { emit } from '../../base/events.js';
import { SESSION_SCHEMA_VERSION, newGlucoseReading, newSession, type GlucoseReading, type TrainingSession } from '../model.js';
import type { StorageError } from '../storage/errors.js';
import type { StoredOf } from '../storage/types.js';
import type { TrainingStoreApi } from '../store/context.js';
import type { TrainingStoreController } from '../store/store-controller.js';
import type { SessionSaveDetail } from './events.js';
import type { LiveSession } from './session-list-controller.js';
import type { ParsedForm } from './form-model.js';

/** Where the last save stands, as the form shows it. */
export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; glucose: boolean }
  /** The storage error's code (`quota`, `offline`…): the form words it, or says "other". */
  | { kind: 'failed'; code: string }
  /** A `session-save` listener called `preventDefault()`. */
  | { kind: 'vetoed' }
  | { kind: 'no-store' };

/** Mine (as the form would save it) and theirs (as stored now; `undefined` or a tombstone when removed). */
export interface SaveConflict {
  mine: TrainingSession;
  current: StoredOf<'sessions'> | undefined;
}

export interface SaveOptions {
  /** The session was written: the host empties the form. */
  onSaved: () => void;
  /** A save met a newer version of the session being edited: the host moves focus to the choice. */
  onConflict: () => void;
  /** "Take the other version": the host loads it into the form, or empties the form when it is gone. */
  onTakeTheirs: (current: LiveSession | undefined) => void;
}

/** One submission: the same records and idempotency key on every retry, until the values change. */
interface Attempt {
  key: string;
  record: TrainingSession;
  glucose: GlucoseReading | undefined;
}

type Host = ReactiveControllerHost & HTMLElement;

const errorCode = (error: unknown): string => (error as Partial<StorageError> | null)?.code ?? 'other';

/**
 * Writes what the form holds. A save is an attempt: its records and idempotency key stay the same
 * on every retry until the values change, so a reply lost on the way back never makes a second
 * session. Before writing, the host fires the cancelable `session-save`: a listener may veto the
 * save (the entry is kept) or replace the records to enrich them.
 *
 * An edit is written over the revision it started from. If the session changed meanwhile (another
 * tab, another device), the conflict is kept for the person to choose: keep mine (written over
 * theirs) or take theirs (loaded into the form). Any other failure is reported as a `put`
 * storage-error and shown, with the entry kept for a retry.
 */
export class SaveController {
  readonly #host: Host;
  readonly #store: TrainingStoreController;
  readonly #options: SaveOptions;
  #status: SaveStatus = { kind: 'idle' };
  #conflict: SaveConflict | undefined;
  #editing: LiveSession | undefined;
  #attempt: Attempt | undefined;

  constructor(host: Host, store: TrainingStoreController, options: SaveOptions) {
    this.#host = host;
    this.#store = store;
    this.#options = options;
  }

  get status(): SaveStatus {
    return this.#status;
  }

  /** The choice waiting for the person, if a save met a newer version. */
  get conflict(): SaveConflict | undefined {
    return this.#conflict;
  }

  /** The stored session the form edits (its revision is what a save writes over); `undefined` for a new one. */
  get editing(): LiveSession | undefined {
    return this.#editing;
  }
  set editing(session: LiveSession | undefined) {
    this.#editing = session;
    this.#attempt = undefined;
    this.#host.requestUpdate();
  }

  /** The values changed: the next save is a new attempt, and an earlier result no longer shows. */
  changed(): void {
    this.#attempt = undefined;
    if (this.#status.kind !== 'saving') this.#set({ kind: 'idle' });
  }

  /** Forgets the status too: the form was loaded afresh (an edit started). */
  clearStatus(): void {
    this.#set({ kind: 'idle' });
  }

  /** Writes a valid form's session (and reading); resolves when done (saved, vetoed or failed). */
  async save(parsed: Required<Pick<ParsedForm, 'session'>> & Pick<ParsedForm, 'glucose'>): Promise<void> {
    const editing = this.#editing;
    if (!this.#attempt) {
      const now = new Date();
      const record: TrainingSession = editing
        ? { ...parsed.session, id: editing.id, schemaVersion: SESSION_SCHEMA_VERSION, createdAt: editing.record.createdAt, updatedAt: now.toISOString() }
        : newSession(parsed.session, now);
      this.#attempt = { key: crypto.randomUUID(), record, glucose: parsed.glucose ? newGlucoseReading(parsed.glucose, now) : undefined };
    }
    const attempt = this.#attempt;
    const detail: SessionSaveDetail = { record: attempt.record, glucose: attempt.glucose, editing: !!editing };
    if (!emit(this.#host, 'session-save', detail, { cancelable: true })) return this.#set({ kind: 'vetoed' });
    const api = this.#store.api;
    if (!api) return this.#set({ kind: 'no-store' });
    this.#set({ kind: 'saving' });
    // Only an edit can meet a newer version of itself; for a new session a conflict is a plain failure.
    const onConflict = editing
      ? () => {
          this.#status = { kind: 'idle' };
          this.#options.onConflict();
        }
      : undefined;
    await this.#write(api, detail, attempt.key, editing ? editing.rev : null, !editing, onConflict);
  }

  /** "Keep mine": writes the form's version over the one stored now. */
  async keepMine(): Promise<void> {
    const conflict = this.#conflict;
    const api = this.#store.api;
    if (!conflict || !api) return;
    const current = conflict.current;
    const record = { ...conflict.mine, updatedAt: new Date().toISOString() };
    this.#conflict = undefined;
    this.editing = current && !current.deleted ? current : undefined;
    // A newer version again: the choice is offered again, with that one.
    await this.#write(api, { record, glucose: undefined }, crypto.randomUUID(), current?.rev ?? null, false, () => {});
  }

  /** "Take the other version": drops mine and hands theirs to the form. */
  takeTheirs(): void {
    const current = this.#conflict?.current;
    this.#conflict = undefined;
    this.#options.onTakeTheirs(current && !current.deleted ? current : undefined);
  }

  async #write(
    api: TrainingStoreApi,
    { record, glucose }: Pick<SessionSaveDetail, 'record' | 'glucose'>,
    key: string,
    expectedRev: string | null,
    created: boolean,
    /** Called when the write meets a newer version and the choice is offered; without it, that is a failure. */
    onConflict: (() => void) | undefined,
  ): Promise<void> {
    try {
      const stored = await api.adapter.put('sessions', record, { expectedRev, idempotencyKey: key });
      const glucoseStored = glucose ? await api.adapter.put('glucose', glucose, { expectedRev: null, idempotencyKey: `${key}:glucose` }) : undefined;
      this.#attempt = undefined;
      this.#options.onSaved();
      this.#set({ kind: 'saved', glucose: !!glucoseStored });
      if (!stored.deleted) emit(this.#host, 'session-saved', { record: stored.record, stored, created });
      if (glucoseStored && !glucoseStored.deleted) emit(this.#host, 'glucose-saved', { reading: glucoseStored.record, stored: glucoseStored });
    } catch (error) {
      const code = errorCode(error);
      if (code === 'conflict' && onConflict) {
        this.#conflict = { mine: record, current: (error as { current?: StoredOf<'sessions'> }).current };
        onConflict();
        return this.#host.requestUpdate();
      }
      this.#set({ kind: 'failed', code });
      this.#store.reportError(error, 'put');
    }
  }

  #set(status: SaveStatus): void {
    this.#status = status;
    this.#host.requestUpdate();
  }
}

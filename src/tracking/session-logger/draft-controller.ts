import type { ReactiveControllerHost } from 'lit';
import type { TrainingStoreController } from '../store/store-controller.js';
import { deserializeDraft, hasInput, serializeDraft, type FormValues } from './form-model.js';
import type { LiveSession } from './session-list-controller.js';

/** A draft brought back: its values at once, and the session it edits once that is read. */
export interface RestoredDraft {
  values: FormValues;
  /**
   * The session the draft was editing, at the revision the draft started from; `undefined` when
   * it was a new entry, or the session is gone.
   */
  editing: Promise<LiveSession | undefined>;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Keeps an unfinished entry in localStorage, so a reload never loses what a person typed. The
 * key is `loadwise-draft:<namespace>:session-logger[:<id>]`: one draft per store namespace, and
 * one per logger where a page has several (told apart by their `id`).
 *
 * A draft is a convenience: storage that is full or blocked loses only the draft, never the form.
 */
export class DraftController {
  readonly #host: Host;
  readonly #store: TrainingStoreController;
  #restored = false;

  constructor(host: Host, store: TrainingStoreController) {
    this.#host = host;
    this.#store = store;
  }

  /** Whether the form holds a draft brought back from an earlier visit (the notice shows). */
  get restored(): boolean {
    return this.#restored;
  }

  /** Where the draft is kept, for the store in use. */
  get key(): string {
    const ns = this.#store.api?.namespace ?? 'default';
    return `loadwise-draft:${ns}:session-logger${this.#host.id ? `:${this.#host.id}` : ''}`;
  }

  /** Reads the draft back; `undefined` when there is none worth restoring. */
  restore(): RestoredDraft | undefined {
    let text: string | null;
    try {
      text = localStorage.getItem(this.key);
    } catch {
      return undefined;
    }
    const draft = deserializeDraft(text);
    if (!draft || !hasInput(draft.values)) return undefined;
    const editing = draft.editing;
    this.#set(true);
    return {
      values: draft.values,
      // Still an edit of that session, at the revision the draft started from: if it changed
      // since, saving meets the conflict and the person chooses, rather than a duplicate.
      editing: editing
        ? (async () => {
            const stored = await this.#store.api?.adapter.get('sessions', editing.id);
            return stored && !stored.deleted ? { ...stored, rev: editing.rev } : undefined;
          })().catch(() => undefined)
        : Promise.resolve(undefined),
    };
  }

  /** Keeps `values` (and the session they edit) as the draft; an empty form keeps none. */
  save(values: FormValues, editing: { id: string; rev: string } | undefined): void {
    try {
      if (!hasInput(values)) localStorage.removeItem(this.key);
      else {
        const draft = { values, savedAt: new Date().toISOString(), ...(editing ? { editing: { id: editing.id, rev: editing.rev } } : {}) };
        localStorage.setItem(this.key, serializeDraft(draft));
      }
    } catch {
      // A draft is a convenience: storage full or blocked loses only the draft, never the form.
    }
  }

  /** Forgets the draft: the entry was saved, or the person cleared it. */
  clear(): void {
    try {
      localStorage.removeItem(this.key);
    } catch {
      // Nothing to clear.
    }
    this.#set(false);
  }

  #set(restored: boolean): void {
    this.#restored = restored;
    this.#host.requestUpdate();
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../../base/events.js';
import type { TrainingSession } from '../model.js';
import type { StorageAdapter, StoredOf } from '../storage/types.js';
import { StoreQueryController } from '../store/query-controller.js';
import type { TrainingStoreController } from '../store/store-controller.js';

/** A stored session that is not a tombstone: one the list shows and the form may edit. */
export type LiveSession = Extract<StoredOf<'sessions'>, { deleted: false }>;

/** The sessions shown, newest first, and where the next page starts (`null` when there is none). */
export interface SessionPage {
  items: LiveSession[];
  nextCursor: string | null;
}

export interface SessionListOptions {
  /** A session was removed: the host lets go of it if it was being edited, and moves focus to Undo. */
  onRemoved?: (item: LiveSession) => void;
}

/** How many sessions a page shows. */
export const PAGE = 10;
/** How long Undo is offered after a removal. */
export const UNDO_MS = 10_000;

type Host = ReactiveControllerHost & HTMLElement;

/** The session last removed, as it was and as its tombstone: what Undo writes back, over what. */
interface Removed {
  record: TrainingSession;
  stored: StoredOf<'sessions'>;
}

const live = (items: readonly StoredOf<'sessions'>[]): LiveSession[] => items.filter((item): item is LiveSession => !item.deleted);

/**
 * The recent sessions below the form: the newest page, more on "Show more", kept current as
 * sessions change anywhere (this tab, another, the server). A removal fires `session-deleted`
 * and offers Undo for 10 seconds; Undo writes the session back and fires `session-restored`.
 *
 * Reading is the store query's job (waiting for the store, dropping overtaken reads, reporting a
 * failed read once as a `list` error and keeping the last good page); this controller adds the
 * paging and the removal.
 */
export class SessionListController implements ReactiveController {
  readonly #host: Host;
  readonly #store: TrainingStoreController;
  readonly #options: SessionListOptions;
  readonly #query: StoreQueryController<SessionPage>;
  #undo: Removed | undefined;
  #undoTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: Host, store: TrainingStoreController, options: SessionListOptions = {}) {
    this.#host = host;
    this.#store = store;
    this.#options = options;
    this.#query = new StoreQueryController<SessionPage>(host, store, {
      // As many as are shown already, so a change never shortens a list the person paged through.
      read: (adapter) => this.#page(adapter, Math.max(PAGE, this.items.length)),
      collections: ['sessions'],
    });
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#undoTimer);
  }

  /** The sessions shown, newest first: the last page read, kept over a failed read. */
  get items(): LiveSession[] {
    return this.#query.value?.items ?? [];
  }

  /** Whether there are older sessions to show. */
  get hasMore(): boolean {
    return !!this.#query.value?.nextCursor;
  }

  /** Whether Undo is offered (a session was removed less than 10 seconds ago). */
  get undoable(): boolean {
    return !!this.#undo;
  }

  /** Reads the next page and adds it below the sessions shown. */
  showMore(): Promise<void> {
    const cursor = this.#query.value?.nextCursor ?? undefined;
    return this.#query.run(async (adapter) => {
      const page = await this.#page(adapter, PAGE, cursor);
      return { items: [...this.items, ...page.items], nextCursor: page.nextCursor };
    });
  }

  /** Resolves once no read is on its way: for the host's `updateComplete`. */
  settled(): Promise<void> {
    return this.#query.settled();
  }

  async #page(adapter: StorageAdapter, limit: number, cursor?: string): Promise<SessionPage> {
    const page = await adapter.list('sessions', { order: 'desc', limit, ...(cursor ? { cursor } : {}) });
    return { items: live(page.items), nextCursor: page.nextCursor };
  }

  /** Removes `item` (a tombstone at its revision) and offers Undo. */
  async remove(item: LiveSession): Promise<void> {
    const api = this.#store.api;
    if (!api) return;
    try {
      const stored = await api.adapter.remove('sessions', item.id, { expectedRev: item.rev, idempotencyKey: crypto.randomUUID() });
      this.#setUndo({ record: item.record, stored });
      clearTimeout(this.#undoTimer);
      this.#undoTimer = setTimeout(() => this.#setUndo(undefined), UNDO_MS);
      this.#options.onRemoved?.(item);
      emit(this.#host, 'session-deleted', { id: item.id, record: item.record, stored });
    } catch (error) {
      this.#store.reportError(error, 'remove');
      // The list may be behind the store (the session changed or went elsewhere): read it again.
      void this.#query.refresh();
    }
  }

  /** Undo: writes the removed session back over its tombstone. */
  async restore(): Promise<void> {
    const undo = this.#undo;
    const api = this.#store.api;
    if (!undo || !api) return;
    clearTimeout(this.#undoTimer);
    this.#setUndo(undefined);
    try {
      const stored = await api.adapter.put('sessions', undo.record, { expectedRev: undo.stored.rev, idempotencyKey: crypto.randomUUID() });
      if (!stored.deleted) emit(this.#host, 'session-restored', { record: stored.record, stored });
    } catch (error) {
      this.#store.reportError(error, 'put');
    }
  }

  #setUndo(undo: Removed | undefined): void {
    this.#undo = undo;
    this.#host.requestUpdate();
  }
}

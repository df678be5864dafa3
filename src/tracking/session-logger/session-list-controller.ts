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
  private readonly _host: Host;
  private readonly _store: TrainingStoreController;
  private readonly _options: SessionListOptions;
  private readonly _query: StoreQueryController<SessionPage>;
  private _undo: { record: TrainingSession; stored: StoredOf<'sessions'> } | undefined;
  private _undoTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly _pending = new Set<Promise<unknown>>();

  constructor(host: Host, store: TrainingStoreController, options: SessionListOptions = {}) {
    this._host = host;
    this._store = store;
    this._options = options;
    this._query = new StoreQueryController<SessionPage>(host, store, {
      // As many as are shown already, so a change never shortens a list the person paged through.
      read: (adapter) => this._page(adapter, Math.max(PAGE, this.items.length)),
      collections: ['sessions'],
    });
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this._undoTimer);
  }

  /** The sessions shown, newest first: the last page read, kept over a failed read. */
  get items(): LiveSession[] {
    return this._query.value?.items ?? [];
  }

  /** Whether there are older sessions to show. */
  get hasMore(): boolean {
    return !!this._query.value?.nextCursor;
  }

  /** Whether Undo is offered (a session was removed less than 10 seconds ago). */
  get undoable(): boolean {
    return !!this._undo;
  }

  /** Reads the next page and adds it below the sessions shown. */
  showMore(): Promise<void> {
    const cursor = this._query.value?.nextCursor ?? undefined;
    return this._query.run(async (adapter) => {
      const page = await this._page(adapter, PAGE, cursor);
      return { items: [...this.items, ...page.items], nextCursor: page.nextCursor };
    });
  }

  /** Removes `item` (a tombstone at its revision) and offers Undo. */
  remove(item: LiveSession): Promise<void> {
    return this._track(this._remove(item));
  }

  /** Undo: writes the removed session back over its tombstone. */
  restore(): Promise<void> {
    return this._track(this._restore());
  }

  /** Resolves once no read, removal or restore is on its way: for the host's `updateComplete`. */
  async settled(): Promise<void> {
    await this._query.settled();
    while (this._pending.size) await Promise.all([...this._pending]);
  }

  private async _page(adapter: StorageAdapter, limit: number, cursor?: string): Promise<SessionPage> {
    const page = await adapter.list('sessions', { order: 'desc', limit, ...(cursor ? { cursor } : {}) });
    return { items: live(page.items), nextCursor: page.nextCursor };
  }

  private async _remove(item: LiveSession): Promise<void> {
    const api = this._store.api;
    if (!api) return;
    try {
      const stored = await api.adapter.remove('sessions', item.id, { expectedRev: item.rev, idempotencyKey: crypto.randomUUID() });
      this._setUndo({ record: item.record, stored });
      clearTimeout(this._undoTimer);
      this._undoTimer = setTimeout(() => this._setUndo(undefined), UNDO_MS);
      this._options.onRemoved?.(item);
      emit(this._host, 'session-deleted', { id: item.id, record: item.record, stored });
    } catch (error) {
      this._store.reportError(error, 'remove');
      // The list may be behind the store (the session changed or went elsewhere): read it again.
      void this._query.refresh();
    }
  }

  private async _restore(): Promise<void> {
    const undo = this._undo;
    const api = this._store.api;
    if (!undo || !api) return;
    clearTimeout(this._undoTimer);
    this._setUndo(undefined);
    try {
      const stored = await api.adapter.put('sessions', undo.record, { expectedRev: undo.stored.rev, idempotencyKey: crypto.randomUUID() });
      if (!stored.deleted) emit(this._host, 'session-restored', { record: stored.record, stored });
    } catch (error) {
      this._store.reportError(error, 'put');
    }
  }

  private _setUndo(undo: SessionListController['_undo']): void {
    this._undo = undo;
    this._host.requestUpdate();
  }

  private _track(task: Promise<void>): Promise<void> {
    this._pending.add(task);
    void task.finally(() => this._pending.delete(task));
    return task;
  }
}

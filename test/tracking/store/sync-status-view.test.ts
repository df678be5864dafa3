/**
 * The sync status view on its own: what a person sees of syncing (changes waiting and why,
 * conflicts with both versions, refused changes with the server's reason) and the choices they
 * make, drawn by `renderSyncStatus` / `renderSyncLine` from a `SyncStatusController`.
 *
 * The adapter is a real `SyncingAdapter`: a `MemoryAdapter` whose status the test sets, as a
 * server round would, and which settles conflicts and forgets refusals as `RestAdapter` does.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { MemoryAdapter } from '../../../src/tracking/storage/memory.js';
import type { SyncConflict, SyncFailure, SyncingAdapter, SyncStatus } from '../../../src/tracking/storage/sync.js';
import type { CollectionName, Stored } from '../../../src/tracking/storage/types.js';
import type { TrainingStoreApi } from '../../../src/tracking/store/context.js';
import { syncApiOf } from '../../../src/tracking/store/sync-api.js';
import { renderSyncLine, renderSyncStatus, SyncStatusController, syncStrings } from '../../../src/tracking/store/sync-status-view.js';

class ScriptedSyncAdapter extends MemoryAdapter implements SyncingAdapter {
  syncStatus: SyncStatus = { state: 'idle', pending: 0, conflicts: [], failures: [] };
  readonly chosen: string[] = [];
  private readonly statusListeners = new Set<(status: SyncStatus) => void>();

  /** What a sync round would report. */
  report(status: Partial<SyncStatus>): void {
    this.syncStatus = { ...this.syncStatus, ...status };
    for (const listener of this.statusListeners) listener(this.syncStatus);
  }

  onSyncStatus(listener: (status: SyncStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  resolveConflict(collection: CollectionName, id: string, keep: 'local' | 'remote'): Promise<void> {
    this.chosen.push(`${collection}/${id}:${keep}`);
    this.report({ conflicts: this.syncStatus.conflicts.filter((c) => c.id !== id) });
    return Promise.resolve();
  }

  dismissFailure(key: string): Promise<void> {
    this.chosen.push(`dismiss:${key}`);
    this.report({ failures: this.syncStatus.failures.filter((f) => f.key !== key) });
    return Promise.resolve();
  }

  syncNow(): Promise<void> {
    return Promise.resolve();
  }
}

const apiOf = (adapter: MemoryAdapter): TrainingStoreApi => ({
  adapter,
  ready: adapter.open(),
  store: undefined,
  namespace: undefined,
  reportError: (error) => {
    throw error;
  },
  sync: syncApiOf(adapter),
});

/** A host as the tracking elements are: the controller follows its store's api; it draws the full status or the line. */
class SyncViewProbe extends LitElement {
  static override properties = { api: { attribute: false }, lineOnly: { attribute: false } };
  api: TrainingStoreApi | undefined;
  lineOnly = false;
  readonly sync = new SyncStatusController(this, this);

  protected override render() {
    const t = syncStrings.en;
    if (this.lineOnly) return renderSyncLine(this.sync, t);
    return renderSyncStatus(
      this.sync,
      t,
      (_collection, id, record) => (record ? `The ${(record as { modality: string }).modality} session` : `Session ${id.slice(0, 4)}`),
      (_collection, record) => `${(record as { durationMin: number }).durationMin} min`,
    );
  }
}
customElements.define('sync-view-probe', SyncViewProbe);

const text = (el: Element) => ((el.shadowRoot ?? el).textContent ?? '').replace(/\s+/g, ' ').trim();
const settle = async (el: SyncViewProbe) => {
  // The sync API hands the first status over once the adapter is known to sync (a microtask).
  await new Promise((resolve) => setTimeout(resolve, 0));
  await el.updateComplete;
};

const stored = (id: string, durationMin: number): Stored<unknown> => ({ id, rev: '1-a', deleted: false, record: { id, modality: 'aerobic', durationMin } });
const conflict: SyncConflict = { collection: 'sessions', id: 'c0ffee00', local: stored('c0ffee00', 30), remote: stored('c0ffee00', 45) };
const removedThere: SyncConflict = { collection: 'sessions', id: 'dead0000', local: stored('dead0000', 20), remote: { id: 'dead0000', rev: '2-b', deleted: true, deletedAt: '2026-03-01T00:00:00.000Z' } };
const refusal: SyncFailure = { key: 'sync/failed/000000000001', collection: 'sessions', id: 'bad00000', op: 'put', status: 422, message: 'rpe must be between 0 and 10', issues: [] };

describe('the sync status view', () => {
  let adapter: ScriptedSyncAdapter;
  beforeEach(() => {
    adapter = new ScriptedSyncAdapter({ namespace: `sync-view-${crypto.randomUUID().slice(0, 8)}` });
  });
  afterEach(() => adapter.close());

  it('shows nothing for storage that does not sync, nor while everything is in step', async () => {
    const local = new MemoryAdapter({ namespace: `sync-view-${crypto.randomUUID().slice(0, 8)}` });
    const el = await fixture<SyncViewProbe>(html`<sync-view-probe .api=${apiOf(local)}></sync-view-probe>`);
    await settle(el);
    expect(el.sync.status).to.equal(undefined);
    expect(text(el)).to.equal('');
    await local.close();

    el.api = apiOf(adapter);
    await settle(el);
    expect(el.sync.status?.state).to.equal('idle');
    expect(text(el)).to.equal('');
    expect(el.shadowRoot!.querySelector('.sync')).to.equal(null);
  });

  it('says how many changes wait, and why, as the status changes', async () => {
    const el = await fixture<SyncViewProbe>(html`<sync-view-probe .api=${apiOf(adapter)}></sync-view-probe>`);
    await settle(el);
    const line = () => el.shadowRoot!.querySelector('[role="status"]')?.textContent;
    adapter.report({ state: 'syncing', pending: 1 });
    await el.updateComplete;
    expect(line()).to.equal('1 change saved on this device, syncing…');
    adapter.report({ state: 'offline', pending: 3 });
    await el.updateComplete;
    expect(line()).to.equal('3 changes saved on this device; they will sync when you are back online.');
    adapter.report({ state: 'retrying' });
    await el.updateComplete;
    expect(line()).to.equal('3 changes saved on this device; the server is not answering, trying again shortly.');
    adapter.report({ state: 'unauthorized' });
    await el.updateComplete;
    expect(line()).to.equal('Sign in again to sync 3 changes saved on this device.');
    adapter.report({ state: 'idle', pending: 0 });
    await el.updateComplete;
    expect(text(el)).to.equal('');
  });

  it('shows a conflict with both versions, and sends the person’s choice to the adapter', async () => {
    const el = await fixture<SyncViewProbe>(html`<sync-view-probe .api=${apiOf(adapter)}></sync-view-probe>`);
    await settle(el);
    adapter.report({ conflicts: [conflict, removedThere] });
    await el.updateComplete;
    const groups = [...el.shadowRoot!.querySelectorAll('[role="group"]')];
    expect(groups.map((g) => g.getAttribute('aria-label'))).to.deep.equal(['Changed on another device too', 'Changed on another device too']);
    const versions = (group: Element) => [...group.querySelectorAll('dt, dd')].map((e) => e.textContent);
    expect(text(groups[0]!.querySelector('p')!)).to.equal('The aerobic session was changed here and on another device. Which version should be kept?');
    expect(versions(groups[0]!)).to.deep.equal(['This device', '30 min', 'The other device', '45 min']);
    expect([...groups[0]!.querySelectorAll('button')].map((b) => b.textContent)).to.deep.equal(['Keep this device’s', 'Keep the other device’s']);
    // Removed on the other device: that side says so.
    expect(versions(groups[1]!)).to.deep.equal(['This device', '20 min', 'The other device', 'Removed']);

    groups[0]!.querySelector<HTMLButtonElement>('[data-keep="remote"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    expect(adapter.chosen).to.deep.equal(['sessions/c0ffee00:remote']);
    expect(el.shadowRoot!.querySelectorAll('[role="group"]')).to.have.length(1);
  });

  it('shows a refused change with the server’s reason until it is dismissed', async () => {
    const el = await fixture<SyncViewProbe>(html`<sync-view-probe .api=${apiOf(adapter)}></sync-view-probe>`);
    await settle(el);
    adapter.report({ failures: [refusal] });
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(text(alert)).to.equal('Session bad0 was not synced: rpe must be between 0 and 10 Dismiss');
    alert.querySelector('button')!.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    expect(adapter.chosen).to.deep.equal([`dismiss:${refusal.key}`]);
    expect(text(el)).to.equal('');
  });

  it('gives elements that only read just the waiting line, never the choices', async () => {
    const el = await fixture<SyncViewProbe>(html`<sync-view-probe .lineOnly=${true} .api=${apiOf(adapter)}></sync-view-probe>`);
    await settle(el);
    adapter.report({ state: 'offline', pending: 2, conflicts: [conflict], failures: [refusal] });
    await el.updateComplete;
    expect(text(el)).to.equal('2 changes saved on this device; they will sync when you are back online.');
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
  });

  it('stops following a store once the host leaves the page, and follows the new store on return', async () => {
    const el = await fixture<SyncViewProbe>(html`<sync-view-probe .api=${apiOf(adapter)}></sync-view-probe>`);
    await settle(el);
    const parent = el.parentElement!;
    el.remove();
    adapter.report({ pending: 4 });
    expect(el.sync.status?.pending).to.equal(0);
    parent.append(el);
    el.requestUpdate();
    await el.updateComplete;
    expect(el.sync.status?.pending).to.equal(4);
    expect(text(el)).to.equal('4 changes saved on this device, syncing…');
  });
});

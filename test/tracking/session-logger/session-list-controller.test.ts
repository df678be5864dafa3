import { expect, waitUntil } from '@open-wc/testing';
import { PAGE, SessionListController, type LiveSession } from '../../../src/tracking/session-logger/session-list-controller.js';
import { newSession, type TrainingSession } from '../../../src/tracking/model.js';
import { MemoryAdapter } from '../../../src/tracking/storage/memory.js';
import { UnavailableError } from '../../../src/tracking/storage/errors.js';
import type { StorageAdapter } from '../../../src/tracking/storage/types.js';
import { hosted } from './controller-host.js';

const session = (day: number): TrainingSession =>
  newSession({ modality: 'aerobic', startedAt: new Date(Date.UTC(2026, 9, day, 17)).toISOString(), timeZone: 'Europe/Paris', durationMin: 30 + day, rpe: 5 });

async function seed(adapter: StorageAdapter, days: number[]): Promise<TrainingSession[]> {
  const records = days.map(session);
  for (const r of records) await adapter.put('sessions', r, { expectedRev: null });
  return records;
}

/** A memory adapter whose listing fails while `down`, as a store that went away would. */
class FlakyAdapter extends MemoryAdapter {
  down = false;
  override list: MemoryAdapter['list'] = (collection, options) => {
    if (this.down) return Promise.reject(new UnavailableError());
    return super.list(collection, options);
  };
}

const durations = (items: readonly LiveSession[]) => items.map((i) => i.record.durationMin);

describe('SessionListController', () => {
  it('shows the newest page first, newest on top', async () => {
    const adapter = new MemoryAdapter({ namespace: `t${crypto.randomUUID().slice(0, 8)}` });
    await seed(adapter, Array.from({ length: 12 }, (_, i) => i + 1));
    const { controller: list } = await hosted((h) => new SessionListController(h, h.store), { adapter });
    await waitUntil(() => list.items.length > 0, 'the first page');
    await list.settled();
    expect(list.items).to.have.length(PAGE);
    expect(durations(list.items).slice(0, 2)).to.deep.equal([42, 41]);
    expect(list.hasMore).to.equal(true);
  });

  it('pages, and a change read afterwards keeps as many rows as were shown', async () => {
    const { controller: list, adapter } = await hosted((h) => new SessionListController(h, h.store));
    await seed(adapter, Array.from({ length: 12 }, (_, i) => i + 1));
    await waitUntil(() => list.items.length === PAGE, 'the first page');
    await list.settled();
    await list.showMore();
    expect(list.items).to.have.length(12);
    expect(list.hasMore).to.equal(false);
    await seed(adapter, [20]);
    await waitUntil(() => durations(list.items)[0] === 50, 'the new session on top');
    expect(list.items).to.have.length(12);
    expect(list.hasMore).to.equal(true);
  });

  it('removes with Undo: session-deleted, then session-restored, and the row comes back', async () => {
    const removed: string[] = [];
    const { host, controller: list, adapter } = await hosted((h) => new SessionListController(h, h.store, { onRemoved: (item) => removed.push(item.id) }));
    const [record] = await seed(adapter, [3]);
    await waitUntil(() => list.items.length === 1, 'the session');
    const events: string[] = [];
    host.addEventListener('session-deleted', (e) => events.push(`deleted ${e.detail.id}`));
    host.addEventListener('session-restored', (e) => events.push(`restored ${e.detail.record.id}`));

    await list.remove(list.items[0]!);
    expect(list.undoable).to.equal(true);
    expect(removed).to.deep.equal([record!.id]);
    await waitUntil(() => list.items.length === 0, 'the row gone');
    await list.restore();
    expect(list.undoable).to.equal(false);
    await waitUntil(() => list.items.length === 1, 'the row back');
    expect(events).to.deep.equal([`deleted ${record!.id}`, `restored ${record!.id}`]);
  });

  it('reports a failed read once, as a list error, and keeps the rows it had', async () => {
    const adapter = new FlakyAdapter({ namespace: `t${crypto.randomUUID().slice(0, 8)}` });
    await seed(adapter, [1, 2]);
    const { controller: list, errors } = await hosted((h) => new SessionListController(h, h.store), { adapter });
    await waitUntil(() => list.items.length === 2, 'the sessions');
    await list.settled();
    adapter.down = true;
    await list.showMore().catch(() => undefined);
    await list.settled();
    expect(errors).to.deep.equal(['unavailable:list']);
    expect(list.items).to.have.length(2);
  });
});

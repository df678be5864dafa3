import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../../../../src/tracking/storage/memory.js';
import { place } from '../../../../../src/tracking/storage/transfer/import/place.js';
import type { TrainingSession } from '../../../../../src/tracking/model.js';
import { session } from '../fixtures.js';

const asRow = (s: TrainingSession, rev?: string) => ({ kind: 'record' as const, id: s.id, record: { ...s }, ignore: [], ...(rev ? { rev } : {}) });

describe('placing an imported row', () => {
  let adapter: MemoryAdapter;
  beforeEach(async () => {
    adapter = new MemoryAdapter({ namespace: `place-${crypto.randomUUID().slice(0, 8)}` });
    await adapter.open();
  });
  afterEach(() => adapter.close());

  it('writes a new record, then finds it unchanged', async () => {
    const s = session(0);
    expect(await place(adapter, 'sessions', asRow(s))).to.deep.equal({ bucket: 'added' });
    expect(await adapter.get('sessions', s.id)).to.deep.include({ deleted: false, record: s });
    expect(await place(adapter, 'sessions', asRow(s))).to.deep.equal({ bucket: 'unchanged' });
  });

  it('never writes over what is stored, and says why', async () => {
    const s = session(1);
    const stored = await adapter.put('sessions', s, { expectedRev: null });
    const edited = { ...s, rpe: 9 };
    expect(await place(adapter, 'sessions', asRow(edited, stored.rev))).to.deep.equal({ bucket: 'conflict', reason: 'edited', storedRev: stored.rev });
    expect(await place(adapter, 'sessions', asRow(edited, 'another'))).to.deep.equal({ bucket: 'conflict', reason: 'different', storedRev: stored.rev });
    expect(await place(adapter, 'sessions', { kind: 'tombstone', id: s.id, rev: 'x' })).to.deep.equal({
      bucket: 'conflict',
      reason: 'removed-in-file',
      storedRev: stored.rev,
    });
    expect(await adapter.get('sessions', s.id)).to.deep.include({ deleted: false, record: s });
  });

  it('does not bring back a removed record; a removal of an unknown one is nothing to do', async () => {
    const s = session(2);
    const stored = await adapter.put('sessions', s, { expectedRev: null });
    const removed = await adapter.remove('sessions', s.id, { expectedRev: stored.rev });
    expect(await place(adapter, 'sessions', asRow(s))).to.deep.include({ bucket: 'conflict', reason: 'removed-here' });
    expect(await place(adapter, 'sessions', { kind: 'tombstone', id: s.id, rev: removed.rev })).to.deep.equal({ bucket: 'unchanged' });
    expect(await place(adapter, 'sessions', { kind: 'tombstone', id: crypto.randomUUID(), rev: 'r' })).to.deep.equal({ bucket: 'unchanged' });
  });
});

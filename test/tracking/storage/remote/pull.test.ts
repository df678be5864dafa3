import { expect } from '@open-wc/testing';
import { defaultCollections } from '../../../../src/tracking/storage/collections.js';
import { recordKey } from '../../../../src/tracking/storage/envelope.js';
import { conflictKey, enqueueWrites, serverRevKey, SyncLedger } from '../../../../src/tracking/storage/remote/outbox.js';
import { checkRemote, localCopy, serverSide, takeChange } from '../../../../src/tracking/storage/remote/pull.js';
import type { Stored } from '../../../../src/tracking/storage/types.js';
import { session } from '../conformance.js';

const spec = defaultCollections.sessions as Parameters<typeof checkRemote>[0];
const fromServer = (overrides = {}): Stored<unknown> => {
  const record = session('2026-01-05T06:30:00.000Z', overrides);
  return { id: record.id, rev: '5-server', deleted: false, record };
};

describe('pulling a change from the server', () => {
  it('takes a valid record under a new local revision, and notes the server revision', () => {
    const remote = fromServer();
    const taken = takeChange(new SyncLedger(), new Set(), spec, 'sessions', remote, { id: remote.id, rev: '2-local', deleted: false, record: {} });
    expect(taken.applied).to.deep.include({ id: remote.id, deleted: false, record: (remote as { record: unknown }).record });
    expect(taken.applied!.rev).to.match(/^3-/);
    expect(taken.writes.map(([key]) => key)).to.deep.equal([recordKey('sessions', remote.id), serverRevKey('sessions', remote.id)]);
    expect(taken.writes[1]![1]).to.equal('5-server');
  });

  it('keeps both versions when this device changed the record too', () => {
    const remote = fromServer();
    const ledger = new SyncLedger();
    const [key, entry] = enqueueWrites({ lastSeq: 0, counter: 0 }, 'sessions', remote)[0]!;
    ledger.file(key, entry);
    const local = { ...remote, rev: '1-local' };
    const taken = takeChange(ledger, ledger.waitingRecords(), spec, 'sessions', remote, local);
    expect(taken.applied).to.equal(undefined);
    expect(taken.writes).to.deep.equal([
      [key, undefined],
      [conflictKey('sessions', remote.id), { collection: 'sessions', id: remote.id, local, remote }],
    ]);
  });

  it('keeps a record that does not read as a refusal, named by field', () => {
    const remote = fromServer({ rpe: 42 });
    const taken = takeChange(new SyncLedger(), new Set(), spec, 'sessions', remote, undefined);
    expect(taken.applied).to.equal(undefined);
    const [key, failure] = taken.writes[0]!;
    expect(key).to.equal(`sync/failed/pull-sessions-${remote.id}`);
    expect(failure).to.deep.include({ status: 200, op: 'put', message: 'The server sent a sessions record that does not read.' });
    expect((failure as { issues: { path: string }[] }).issues.map((i) => i.path)).to.deep.equal(['rpe']);
    expect(checkRemote(spec, { ...remote, record: [] } as Stored<unknown>)).to.deep.equal({ issues: [{ path: 'record', message: 'must be an object' }] });
  });

  it('copies a removal once, and takes the server side of a conflict', () => {
    const gone: Stored<unknown> = { id: 'x', rev: '3-s', deleted: true, deletedAt: '2026-01-06T00:00:00.000Z' };
    expect(localCopy(gone, { id: 'x', rev: '1-l', deleted: false, record: {} })).to.deep.include({ deleted: true, deletedAt: gone.deletedAt });
    expect(localCopy(gone, { ...gone, rev: '2-l' })).to.equal(undefined);
    // No server version: taking its side removes this device's copy, if it has one.
    expect(serverSide('x', undefined, { id: 'x', rev: '1-l', deleted: false, record: {} })).to.deep.include({ id: 'x', deleted: true });
    expect(serverSide('x', undefined, undefined)).to.equal(undefined);
    const remote = fromServer();
    expect(serverSide(remote.id, remote, undefined)).to.deep.include({ deleted: false, record: (remote as { record: unknown }).record });
  });
});

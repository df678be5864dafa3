import { expect } from '@open-wc/testing';
import { conflictKey, enqueueWrites, serverRevKey, SyncLedger, type OutboxEntry } from '../../../../src/tracking/storage/remote/outbox.js';
import { settle } from '../../../../src/tracking/storage/remote/push.js';
import type { Stored } from '../../../../src/tracking/storage/types.js';
import { session } from '../conformance.js';

function queued() {
  const record = session('2026-01-05T06:30:00.000Z');
  const stored: Stored<unknown> = { id: record.id, rev: '1-l', deleted: false, record };
  const ledger = new SyncLedger();
  const [key, entry] = enqueueWrites({ lastSeq: 0, counter: 0 }, 'sessions', stored)[0]!;
  ledger.file(key, entry);
  return { ledger, key, entry: entry as OutboxEntry, stored };
}
const noLocal = () => Promise.resolve(undefined);

describe('settling a sent change', () => {
  it('takes it out of the outbox and notes the server revision', async () => {
    const { ledger, key, entry, stored } = queued();
    expect(await settle(ledger, key, entry, { kind: 'ok', value: { ...stored, rev: '9-s' } }, noLocal)).to.deep.equal([
      [key, undefined],
      [serverRevKey('sessions', entry.id), '9-s'],
    ]);
  });

  it('keeps both versions of a conflict with this device’s one', async () => {
    const { ledger, key, entry, stored } = queued();
    const remote = { ...stored, rev: '4-s' };
    const writes = await settle(ledger, key, entry, { kind: 'conflict', current: remote }, () => Promise.resolve(stored));
    expect(writes).to.deep.equal([
      [key, undefined],
      [key, undefined],
      [conflictKey('sessions', entry.id), { collection: 'sessions', id: entry.id, local: stored, remote }],
    ]);
  });

  it('keeps a refusal with the server’s reason, under the entry’s number', async () => {
    const { ledger, key, entry } = queued();
    const issues = [{ path: 'rpe', message: 'must be between 0 and 10' }];
    const [failedKey, failure] = (await settle(ledger, key, entry, { kind: 'rejected', status: 422, message: 'Invalid record', issues, type: undefined }, noLocal))[1]!;
    expect(failedKey).to.equal(key.replace('sync/outbox/', 'sync/failed/'));
    expect(failure).to.deep.equal({ key: failedKey, collection: 'sessions', id: entry.id, op: 'put', status: 422, message: 'Invalid record', issues });
  });
});

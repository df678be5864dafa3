import { expect } from '@open-wc/testing';
import { recordKey } from '../../../../src/tracking/storage/envelope.js';
import { conflictKey, enqueueWrites, LEDGER_PREFIXES, META, readMeta, SyncLedger, type OutboxEntry } from '../../../../src/tracking/storage/remote/outbox.js';
import type { Stored } from '../../../../src/tracking/storage/types.js';
import { session } from '../conformance.js';

const stored = (): Stored<unknown> => {
  const record = session('2026-01-05T06:30:00.000Z');
  return { id: record.id, rev: '1-a', deleted: false, record };
};

describe('the outbox and the sync ledger', () => {
  it('reads the meta entry, or starts a fresh one', () => {
    expect(readMeta(undefined)).to.deep.equal({ lastSeq: 0, counter: 0 });
    expect(readMeta({ lastSeq: 7, counter: 3 })).to.deep.equal({ lastSeq: 7, counter: 3 });
    expect(readMeta({ lastSeq: 'x' })).to.deep.equal({ lastSeq: 0, counter: 0 });
  });

  it('queues a change with a fresh idempotency key, ordered by a counter that sorts as text', () => {
    const s = stored();
    const writes = enqueueWrites({ lastSeq: 4, counter: 9 }, 'sessions', s);
    const [key, entry] = writes[0]!;
    const [metaKey, meta] = writes[1]!;
    const [nextKey] = enqueueWrites({ lastSeq: 4, counter: 10 }, 'sessions', s)[0]!;
    expect(key < nextKey, `${key} sorts before ${nextKey}`).to.equal(true);
    expect(entry).to.deep.include({ collection: 'sessions', id: s.id, op: 'put', record: (s as { record: unknown }).record });
    expect((entry as OutboxEntry).key).to.match(/^[0-9a-f-]{36}$/);
    expect([metaKey, meta]).to.deep.equal([META, { lastSeq: 4, counter: 10 }]);
    const [, removal] = enqueueWrites({ lastSeq: 0, counter: 0 }, 'sessions', { id: s.id, rev: '2-b', deleted: true, deletedAt: '2026-01-06T00:00:00.000Z' })[0]!;
    expect(removal).to.deep.include({ op: 'delete' }).and.not.to.have.property('record');
  });

  it('files each entry where the status shows it, and finds the oldest change to send', () => {
    const ledger = new SyncLedger();
    const s = stored();
    const [later, entry] = enqueueWrites({ lastSeq: 0, counter: 1 }, 'sessions', s)[0]!;
    const [earlier, first] = enqueueWrites({ lastSeq: 0, counter: 0 }, 'sessions', s)[0]!;
    expect(ledger.file(later, entry)).to.equal(true);
    expect(ledger.file(earlier, first)).to.equal(true);
    expect(ledger.file(META, { lastSeq: 1, counter: 2 })).to.equal(false);
    expect(ledger.outbox.size).to.equal(2);
    expect(ledger.nextToSend()).to.equal(earlier);
    expect(ledger.waitingRecords()).to.deep.equal(new Set([recordKey('sessions', s.id)]));
    expect(ledger.dropWaiting('sessions', s.id)).to.have.deep.members([
      [earlier, undefined],
      [later, undefined],
    ]);
    expect(ledger.dropWaiting('sessions', 'other')).to.deep.equal([]);
    expect(ledger.file(earlier, undefined)).to.equal(true);
    expect(ledger.nextToSend()).to.equal(later);
  });

  it('says whether a reload changed what the status shows', () => {
    const ledger = new SyncLedger();
    const conflict = [conflictKey('sessions', 'x'), { collection: 'sessions', id: 'x', local: undefined, remote: undefined }] as [string, unknown];
    expect(LEDGER_PREFIXES.some((p) => conflict[0].startsWith(p))).to.equal(true);
    expect(ledger.reload([[conflict]])).to.equal(true);
    expect(ledger.conflicts.size).to.equal(1);
    expect(ledger.reload([[conflict]])).to.equal(false);
    expect(ledger.reload([])).to.equal(true);
    expect(ledger.conflicts.size).to.equal(0);
  });
});

import { expect } from '@open-wc/testing';
import { IDEMPOTENCY_KEEP, pruneIdempotency, readIdempotency, type IdempotencyRecord } from '../../../src/tracking/storage/idempotency.js';

const record = (i: number): IdempotencyRecord => ({ collection: 'sessions', id: `s${i}`, rev: '1-a', at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString() });

describe('idempotency records', () => {
  it('reads a record stored as an object or as JSON text, and nothing else', () => {
    expect(readIdempotency(record(1))).to.deep.equal(record(1));
    expect(readIdempotency(JSON.stringify(record(1)))).to.deep.equal(record(1));
    for (const raw of [undefined, null, 'not json', '42', 7]) expect(readIdempotency(raw), String(raw)).to.equal(undefined);
  });

  it('keeps the newest ones and deletes the oldest beyond the limit', () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i): [string, IdempotencyRecord] => [`k${i}`, record(i)]);
    expect(pruneIdempotency(keys(IDEMPOTENCY_KEEP))).to.deep.equal([]);
    // Oldest last in the input: the order they are read in does not matter.
    const drop = pruneIdempotency(keys(IDEMPOTENCY_KEEP + 3).reverse());
    expect(drop).to.deep.equal([
      ['k0', undefined],
      ['k1', undefined],
      ['k2', undefined],
    ]);
  });
});

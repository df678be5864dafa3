import { expect } from '@open-wc/testing';
import { compareIndexed, decodeCursor, encodeCursor, lowerBound, pageOf, upperBound, type Indexed } from '../../../src/tracking/storage/ordered-index.js';
import { StorageError } from '../../../src/tracking/storage/errors.js';

const T0 = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
/** An index entry at day `day`, with id `id`. */
const entry = (day: number, id: string): Indexed => ({ time: T0 + day * DAY, stored: { id, rev: '1-a', deleted: false, record: { id } } });
const at = (day: number) => new Date(T0 + day * DAY).toISOString();
const ids = (items: { id: string }[]) => items.map((s) => s.id);

// Two records on day 1, to show the id breaking the tie.
const all = [entry(2, 'c'), entry(0, 'a'), entry(1, 'b2'), entry(1, 'b1'), entry(3, 'd')].sort(compareIndexed);

describe('the ordered index', () => {
  it('sorts by time, then by id', () => {
    expect(all.map((e) => e.stored.id)).to.deep.equal(['a', 'b1', 'b2', 'c', 'd']);
  });

  it('finds the first entry at or after, and the first after, a (time, id)', () => {
    expect(lowerBound(all, T0 + DAY, '')).to.equal(1);
    expect(lowerBound(all, T0 + DAY, 'b2')).to.equal(2);
    expect(upperBound(all, T0 + DAY, 'b2')).to.equal(3);
    expect(upperBound(all, T0 + DAY, 'b1')).to.equal(2);
    expect(lowerBound(all, -Infinity, '')).to.equal(0);
    expect(lowerBound(all, Infinity, '')).to.equal(all.length);
    expect(lowerBound([], T0, 'a')).to.equal(0);
  });

  it('round-trips a cursor, and refuses one it did not give out', () => {
    expect(decodeCursor(encodeCursor(T0, 'b1'))).to.deep.equal([T0, 'b1']);
    for (const bad of ['nope', btoa('{"a":1}'), btoa('[1]'), '']) {
      expect(() => decodeCursor(bad), bad).to.throw(StorageError, 'The list cursor is not one this adapter gave out.');
    }
  });

  it('pages forwards and backwards through a range, with a cursor to the next page', () => {
    const first = pageOf(all, { limit: 2 });
    expect(ids(first.items)).to.deep.equal(['a', 'b1']);
    const second = pageOf(all, { limit: 2, cursor: first.nextCursor! });
    expect(ids(second.items)).to.deep.equal(['b2', 'c']);
    const last = pageOf(all, { limit: 2, cursor: second.nextCursor! });
    expect(ids(last.items)).to.deep.equal(['d']);
    expect(last.nextCursor).to.equal(null);

    const desc = pageOf(all, { order: 'desc', limit: 3 });
    expect(ids(desc.items)).to.deep.equal(['d', 'c', 'b2']);
    expect(ids(pageOf(all, { order: 'desc', limit: 3, cursor: desc.nextCursor! }).items)).to.deep.equal(['b1', 'a']);

    // from is inclusive, to exclusive.
    expect(ids(pageOf(all, { from: at(1), to: at(3) }).items)).to.deep.equal(['b1', 'b2', 'c']);
  });

  it('keeps the page size between 1 and 1000, 100 by default', () => {
    const many = Array.from({ length: 1200 }, (_, i) => entry(i, `r${String(i).padStart(4, '0')}`));
    expect(pageOf(many, {}).items).to.have.length(100);
    expect(pageOf(many, { limit: 5000 }).items).to.have.length(1000);
    expect(pageOf(many, { limit: 0 }).items).to.have.length(1);
  });
});

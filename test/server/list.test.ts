/** Lists in pages: cursors, date ranges, both orders, tombstones, and the parameters checked. */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Api } from './api.js';
import { reading, session } from './fixtures.js';
import { databaseKinds, someone, useServer } from './harness.js';

interface Item {
  id: string;
  deleted: boolean;
  record?: { startedAt: string };
}

/** Every page of a list, checking each page's size and that the last one says so. */
async function allPages(api: Api, collection: string, query: Record<string, string | number | boolean>): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let cursor: string | undefined;
  for (let pages = 1; ; pages++) {
    const reply = await api.list(collection, { ...query, ...(cursor ? { cursor } : {}) });
    assert.equal(reply.status, 200);
    assert.ok(reply.body.items.length <= Number(query.limit ?? 100));
    items.push(...reply.body.items);
    if (reply.body.nextCursor === null) return { items, pages };
    assert.equal(typeof reply.body.nextCursor, 'string');
    cursor = reply.body.nextCursor;
  }
}

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

for (const kind of databaseKinds) {
  describe(`lists (${kind})`, () => {
    const t = useServer(kind);
    const user = someone();
    /** 23 sessions 7 hours apart, three pairs starting at the same instant (ordered by id). */
    const sessions = Array.from({ length: 23 }, (_, i) =>
      session({ startedAt: new Date(Date.UTC(2026, 10, 1, 6) + (i - (i % 8 === 1 ? 1 : 0)) * 7 * 3600_000).toISOString() }),
    );
    const byTime = [...sessions].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || (a.id < b.id ? -1 : 1));
    let api: Api;

    before(async () => {
      api = await t.as(user);
      for (const record of sessions) assert.equal((await api.put('sessions', record, { create: true })).status, 201);
      assert.equal((await api.put('glucose', reading(), { create: true })).status, 201);
    });

    it('gives every record once across pages, oldest first, ties by id', async () => {
      for (const limit of [1, 4, 23, 100]) {
        const { items, pages } = await allPages(api, 'sessions', { limit });
        assert.deepEqual(ids(items), ids(byTime), `limit ${limit}`);
        assert.equal(pages, Math.max(1, Math.ceil(23 / limit)));
      }
      const whole = await api.list('sessions');
      assert.equal(whole.body.items.length, 23);
      assert.equal(whole.body.nextCursor, null);
      assert.deepEqual(whole.body.items[0], { id: byTime[0]!.id, rev: whole.body.items[0].rev, deleted: false, record: byTime[0] });
    });

    it('gives them newest first with order=desc', async () => {
      const { items } = await allPages(api, 'sessions', { limit: 5, order: 'desc' });
      assert.deepEqual(ids(items), ids([...byTime].reverse()));
    });

    it('limits to a date range on startedAt, from inclusive, to exclusive, in both orders', async () => {
      const from = byTime[5]!.startedAt;
      const to = byTime[17]!.startedAt;
      const inRange = byTime.filter((s) => Date.parse(s.startedAt) >= Date.parse(from) && Date.parse(s.startedAt) < Date.parse(to));
      assert.ok(inRange.length >= 10);
      const asc = await allPages(api, 'sessions', { from, to, limit: 3 });
      assert.deepEqual(ids(asc.items), ids(inRange));
      const desc = await allPages(api, 'sessions', { from, to, limit: 3, order: 'desc' });
      assert.deepEqual(ids(desc.items), ids([...inRange].reverse()));
      // Instants with an offset are the same instants.
      const offset = await allPages(api, 'sessions', { from: from.replace('Z', '+00:00'), to, limit: 50 });
      assert.deepEqual(ids(offset.items), ids(inRange));
      const none = await api.list('sessions', { from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z' });
      assert.deepEqual(none.body, { items: [], nextCursor: null });
    });

    it('misses nothing and repeats nothing when records are added or removed between pages', async () => {
      const first = await api.list('sessions', { limit: 10 });
      const seen = first.body.items.map((i: Item) => i.id);
      // Before the cursor, after it, and one removed after it.
      const early = session({ startedAt: '2026-10-01T00:00:00.000Z' });
      const late = session({ startedAt: '2027-01-01T00:00:00.000Z' });
      await api.put('sessions', early, { create: true });
      await api.put('sessions', late, { create: true });
      const gone = byTime[15]!;
      const current = await api.get('sessions', gone.id);
      await api.remove('sessions', gone.id, { rev: current.body.rev });
      const rest = await allPages(api, 'sessions', { limit: 10, cursor: first.body.nextCursor });
      const all = [...seen, ...ids(rest.items)];
      assert.equal(new Set(all).size, all.length, 'no duplicates');
      const expected = [...byTime.filter((s) => s !== gone).map((s) => s.id), late.id];
      assert.deepEqual(all, expected);
      // Put things back for the next tests.
      await api.put('sessions', gone, { rev: (await api.get('sessions', gone.id)).body.rev });
      for (const s of [early, late]) await api.remove('sessions', s.id, { rev: (await api.get('sessions', s.id)).body.rev });
    });

    it('leaves tombstones out unless includeDeleted=true', async () => {
      const removed = byTime.slice(0, 3);
      for (const s of removed) await api.remove('sessions', s.id, { rev: (await api.get('sessions', s.id)).body.rev });
      const live = await allPages(api, 'sessions', { limit: 7 });
      assert.deepEqual(ids(live.items), ids(byTime.slice(3)));

      const everything = await allPages(api, 'sessions', { limit: 7, includeDeleted: true });
      assert.equal(new Set(ids(everything.items)).size, everything.items.length);
      const tombstones = everything.items.filter((i) => i.deleted);
      // The three just removed, and the two removed in the test before.
      assert.equal(tombstones.length, 5);
      for (const s of removed) assert.ok(tombstones.some((i) => i.id === s.id));
      for (const tomb of tombstones) assert.equal(tomb.record, undefined);
      assert.equal(everything.items.length - tombstones.length, 20);
      const explicitFalse = await allPages(api, 'sessions', { includeDeleted: false });
      assert.equal(explicitFalse.items.length, 20);
    });

    it('keeps each collection to itself', async () => {
      const glucose = await api.list('glucose');
      assert.equal(glucose.body.items.length, 1);
      assert.ok('measuredAt' in glucose.body.items[0].record);
    });

    it('answers 400 naming each parameter it cannot use', async () => {
      const cases: [Record<string, string>, string][] = [
        [{ limit: '0' }, 'limit'],
        [{ limit: '1001' }, 'limit'],
        [{ limit: 'ten' }, 'limit'],
        [{ limit: '2.5' }, 'limit'],
        [{ order: 'sideways' }, 'order'],
        [{ from: 'yesterday' }, 'from'],
        [{ to: '2026-11-20' }, 'to'],
        [{ includeDeleted: 'yes' }, 'includeDeleted'],
        [{ cursor: 'not-a-cursor' }, 'cursor'],
        [{ page: '2' }, 'page'],
      ];
      for (const [query, name] of cases) {
        const reply = await api.list('sessions', query);
        assert.equal(reply.status, 400, JSON.stringify(query));
        assert.equal(reply.headers.get('Content-Type'), 'application/problem+json');
        assert.deepEqual(
          reply.body.errors.map((e: { path: string }) => e.path),
          [name],
          JSON.stringify(query),
        );
        assert.match(reply.body.detail, new RegExp(name));
      }
      const twice = await api.request('GET', '/v1/sessions?limit=2&limit=3');
      assert.equal(twice.status, 400);
      assert.equal(twice.body.errors[0].path, 'limit');

      const ascCursor = (await api.list('sessions', { limit: 2 })).body.nextCursor;
      const mixed = await api.list('sessions', { limit: 2, order: 'desc', cursor: ascCursor });
      assert.equal(mixed.status, 400);
      assert.equal(mixed.body.errors[0].path, 'cursor');
      assert.equal((await api.list('sessions', { limit: 1000 })).status, 200);
    });
  });
}

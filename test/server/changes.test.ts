/** The changes feed: what changed since a sequence number, in commit order, with nothing skipped. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Api } from './api.js';
import { reading, session } from './fixtures.js';
import { databaseKinds, someone, useServer } from './harness.js';

interface Change {
  seq: number;
  collection: string;
  stored: { id: string; rev: string; deleted: boolean };
}

/** Follows the feed from `since` until it says there is no more. */
async function drain(api: Api, since: number, limit?: number): Promise<{ changes: Change[]; last: number }> {
  const changes: Change[] = [];
  let last = since;
  for (;;) {
    const reply = await api.changes(last, limit);
    assert.equal(reply.status, 200);
    changes.push(...reply.body.changes);
    last = reply.body.last;
    if (!reply.body.hasMore) return { changes, last };
  }
}

for (const kind of databaseKinds) {
  describe(`changes feed (${kind})`, () => {
    const t = useServer(kind);

    it('starts empty at 0', async () => {
      const api = await t.as(someone());
      const reply = await api.changes();
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.body, { changes: [], last: 0, hasMore: false });
    });

    it('lists each changed record once, as it is now, in the order of its latest change, tombstones included', async () => {
      const api = await t.as(someone());
      const a = session();
      const b = reading();
      const c = session();
      const aCreated = await api.put('sessions', a, { create: true });
      const bCreated = await api.put('glucose', b, { create: true });
      await api.put('sessions', c, { create: true });
      const aUpdated = await api.put('sessions', { ...a, rpe: 9 }, { rev: aCreated.body.rev });
      const bRemoved = await api.remove('glucose', b.id, { rev: bCreated.body.rev });

      const { body } = await api.changes(0);
      assert.equal(body.hasMore, false);
      assert.deepEqual(
        body.changes.map((ch: Change) => [ch.collection, ch.stored.id]),
        [
          ['sessions', c.id],
          ['sessions', a.id],
          ['glucose', b.id],
        ],
      );
      const seqs = body.changes.map((ch: Change) => ch.seq);
      assert.deepEqual(seqs, [...seqs].sort((x, y) => x - y));
      assert.equal(new Set(seqs).size, seqs.length);
      assert.equal(body.last, seqs.at(-1));
      assert.deepEqual(body.changes[1].stored, aUpdated.body);
      assert.deepEqual(body.changes[2].stored, bRemoved.body);
      assert.equal(body.changes[2].stored.deleted, true);

      // Nothing new since the last change seen.
      assert.deepEqual((await api.changes(body.last)).body, { changes: [], last: body.last, hasMore: false });
      // From the middle: only what changed after.
      const after = await api.changes(body.changes[0].seq);
      assert.deepEqual(
        after.body.changes.map((ch: Change) => ch.stored.id),
        [a.id, b.id],
      );
    });

    it('pages with limit and hasMore, continuing from last', async () => {
      const api = await t.as(someone());
      const written: string[] = [];
      for (let i = 0; i < 7; i++) {
        const s = session();
        await api.put('sessions', s, { create: true });
        written.push(s.id);
      }
      const first = await api.changes(0, 3);
      assert.equal(first.body.changes.length, 3);
      assert.equal(first.body.hasMore, true);
      assert.equal(first.body.last, first.body.changes[2].seq);
      const all = await drain(api, 0, 3);
      assert.deepEqual(
        all.changes.map((ch) => ch.stored.id),
        written,
      );
      const last = await api.changes(all.last, 3);
      assert.deepEqual(last.body, { changes: [], last: all.last, hasMore: false });
    });

    it('answers 400 naming since or limit when they cannot be used', async () => {
      const api = await t.as(someone());
      await api.put('sessions', session(), { create: true });
      for (const [query, name] of [
        ['since=-1', 'since'],
        ['since=abc', 'since'],
        ['limit=0', 'limit'],
        ['limit=1001', 'limit'],
        ['after=3', 'after'],
      ]) {
        const reply = await api.request('GET', `/v1/changes?${query}`);
        assert.equal(reply.status, 400, query);
        assert.equal(reply.body.errors[0].path, name, query);
      }
      // A client that has seen more than this server has made: its data was reset.
      const ahead = await api.changes(1000);
      assert.equal(ahead.status, 400);
      assert.equal(ahead.body.type, 'urn:loadwise:problem:since-ahead');
      assert.equal(ahead.body.errors[0].path, 'since');
    });

    it('misses nothing while many clients of one user write at once', async () => {
      const user = someone();
      const clients = await Promise.all(Array.from({ length: 12 }, () => t.as(user)));
      const reader = await t.as(user);
      const perClient = 15;
      const written = new Set<string>();
      let writing = true;
      const writers = Promise.all(
        clients.map(async (api) => {
          for (let i = 0; i < perClient; i++) {
            const s = session({ startedAt: new Date(Date.UTC(2026, 0, 1) + Math.random() * 3e10).toISOString() });
            const reply = await api.put('sessions', s, { create: true });
            assert.equal(reply.status, 201);
            written.add(s.id);
            // Some updates and removals too, so records move to later changes.
            if (i % 5 === 4) await api.put('sessions', { ...s, rpe: 3 }, { rev: reply.body.rev });
            if (i % 7 === 6) await api.remove('sessions', s.id, { rev: (await api.get('sessions', s.id)).body.rev });
          }
        }),
      ).finally(() => (writing = false));

      // A device following the feed as it goes, in small pages.
      const seen = new Map<string, Change>();
      const seqs: number[] = [];
      let last = 0;
      const follow = async () => {
        for (;;) {
          const { body } = await reader.changes(last, 7);
          for (const change of body.changes) {
            seqs.push(change.seq);
            seen.set(change.stored.id, change);
          }
          last = body.last;
          if (!body.hasMore) return;
        }
      };
      while (writing) await follow();
      await writers;
      await follow();

      for (let i = 1; i < seqs.length; i++) assert.ok(seqs[i]! > seqs[i - 1]!, 'sequence numbers only increase');
      assert.equal(written.size, clients.length * perClient);
      assert.deepEqual(new Set(seen.keys()), written, 'every record written was seen');
      // And what the follower holds is what the server holds.
      const everything = await reader.list('sessions', { includeDeleted: true, limit: 1000 });
      for (const stored of everything.body.items) assert.deepEqual(seen.get(stored.id)?.stored, stored);
    });
  });
}

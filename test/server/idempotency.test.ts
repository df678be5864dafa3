/** Idempotency keys: a retried write is answered as the first time and never writes twice. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startServer } from '../../server/index.js';
import { Api } from './api.js';
import { reading, session } from './fixtures.js';
import { databaseKinds, someone, useServer } from './harness.js';

for (const kind of databaseKinds) {
  describe(`idempotency keys (${kind})`, () => {
    const t = useServer(kind);

    it('replays the first reply to the same request with the same key: status, ETag, body', async () => {
      const api = await t.as(someone());
      const record = session();
      const key = randomUUID();
      const first = await api.put('sessions', record, { create: true, key });
      const again = await api.put('sessions', record, { create: true, key });
      assert.equal(first.status, 201);
      assert.equal(again.status, 201);
      assert.deepEqual(again.body, first.body);
      assert.equal(again.headers.get('ETag'), first.headers.get('ETag'));
      assert.equal(again.headers.get('Location'), first.headers.get('Location'));
      assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
      assert.equal(first.headers.get('Idempotent-Replayed'), null);
      // Written once.
      const { body } = await api.changes(0);
      assert.equal(body.changes.length, 1);
      assert.equal(body.changes[0].stored.rev, first.body.rev);
    });

    it('replays an update’s reply even after the record has moved on', async () => {
      const api = await t.as(someone());
      const record = session();
      const created = await api.put('sessions', record, { create: true });
      const key = randomUUID();
      const update = await api.put('sessions', { ...record, rpe: 8 }, { rev: created.body.rev, key });
      const later = await api.put('sessions', { ...record, rpe: 9 }, { rev: update.body.rev });
      const retry = await api.put('sessions', { ...record, rpe: 8 }, { rev: created.body.rev, key });
      assert.equal(retry.status, 200);
      assert.deepEqual(retry.body, update.body);
      assert.deepEqual((await api.get('sessions', record.id)).body, later.body);
    });

    it('replays removals', async () => {
      const api = await t.as(someone());
      const record = reading();
      const created = await api.put('glucose', record, { create: true });
      const key = randomUUID();
      const removed = await api.remove('glucose', record.id, { rev: created.body.rev, key });
      const again = await api.remove('glucose', record.id, { rev: created.body.rev, key });
      assert.equal(again.status, 200);
      assert.deepEqual(again.body, removed.body);
      assert.equal(again.headers.get('ETag'), removed.headers.get('ETag'));
    });

    it('refuses the same key for a different request with 422, writing nothing', async () => {
      const api = await t.as(someone());
      const record = session();
      const key = randomUUID();
      const first = await api.put('sessions', record, { create: true, key });
      const otherBody = await api.put('sessions', { ...record, rpe: 1 }, { rev: first.body.rev, key });
      assert.equal(otherBody.status, 422);
      assert.equal(otherBody.headers.get('Content-Type'), 'application/problem+json');
      assert.equal(otherBody.body.type, 'urn:loadwise:problem:idempotency-key-reused');
      const otherRecord = session();
      const otherTarget = await api.put('sessions', otherRecord, { create: true, key });
      assert.equal(otherTarget.status, 422);
      const otherMethod = await api.remove('sessions', record.id, { rev: first.body.rev, key });
      assert.equal(otherMethod.status, 422);
      assert.deepEqual((await api.get('sessions', record.id)).body, first.body);
      assert.equal((await api.get('sessions', otherRecord.id)).status, 404);
    });

    it('keeps keys per user: another user’s same key is a new request', async () => {
      const alice = await t.as(someone('alice'));
      const bob = await t.as(someone('bob'));
      const key = randomUUID();
      const record = session();
      assert.equal((await alice.put('sessions', record, { create: true, key })).status, 201);
      const bobs = await bob.put('sessions', record, { create: true, key });
      assert.equal(bobs.status, 201);
      assert.equal(bobs.headers.get('Idempotent-Replayed'), null);
    });

    it('requires a key on every write (400 problem), and a usable one', async () => {
      const api = await t.as(someone());
      const record = session();
      const put = await api.put('sessions', record, { create: true, key: null });
      assert.equal(put.status, 400);
      assert.equal(put.body.type, 'urn:loadwise:problem:idempotency-key-missing');
      assert.equal((await api.get('sessions', record.id)).status, 404);
      const created = await api.put('sessions', record, { create: true });
      const remove = await api.remove('sessions', record.id, { rev: created.body.rev, key: null });
      assert.equal(remove.status, 400);
      assert.equal(remove.body.type, 'urn:loadwise:problem:idempotency-key-missing');
      const tooLong = await api.put('sessions', session(), { create: true, key: 'k'.repeat(256) });
      assert.equal(tooLong.status, 400);
      // The IETF draft's quoted form is the same key as the bare one.
      const quoted = session();
      const bare = await api.put('sessions', quoted, { create: true, key: 'same-key-1' });
      const replay = await api.put('sessions', quoted, { create: true, key: null, headers: { 'Idempotency-Key': '"same-key-1"' } });
      assert.deepEqual(replay.body, bare.body);
    });

    it('writes once when the same request arrives several times at once', async () => {
      const api = await t.as(someone());
      const record = session();
      const key = randomUUID();
      const replies = await Promise.all(Array.from({ length: 6 }, () => api.put('sessions', record, { create: true, key })));
      for (const reply of replies) {
        assert.equal(reply.status, 201);
        assert.deepEqual(reply.body, replies[0]!.body);
      }
      assert.equal(replies.filter((r) => r.headers.get('Idempotent-Replayed') === null).length, 1);
    });

    it('answers a retry after the reply to a committed write was lost', async () => {
      // A second server on the same database, dropping the connection after every commit.
      const dropping = await startServer({ port: 0, database: t.db.database, faults: { dropAfterCommitRate: 1 } });
      try {
        const user = someone();
        const flaky = new Api(dropping.url, await dropping.signToken(user));
        const record = session();
        const key = randomUUID();
        await assert.rejects(flaky.put('sessions', record, { create: true, key }), 'the reply never arrives');

        // It was written all the same.
        const stored = await flaky.get('sessions', record.id);
        assert.equal(stored.status, 200);
        // The retry (a replay, so nothing new is committed and the reply gets through) says what
        // the lost reply would have said; a retry without the key would have been a conflict.
        const retry = await flaky.put('sessions', record, { create: true, key });
        assert.equal(retry.status, 201);
        assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
        assert.deepEqual(retry.body, stored.body);
        assert.equal(retry.headers.get('ETag'), stored.headers.get('ETag'));
        assert.equal((await flaky.put('sessions', record, { create: true })).status, 412);

        // The same for a removal, retried through the healthy server.
        const removeKey = randomUUID();
        await assert.rejects(flaky.remove('sessions', record.id, { rev: stored.body.rev, key: removeKey }));
        const healthy = await t.as(user);
        const removed = await healthy.remove('sessions', record.id, { rev: stored.body.rev, key: removeKey });
        assert.equal(removed.status, 200);
        assert.equal(removed.body.deleted, true);
        assert.equal(removed.headers.get('Idempotent-Replayed'), 'true');
        assert.equal((await healthy.changes(0)).body.changes.length, 1);
      } finally {
        await dropping.close();
      }
    });
  });
}

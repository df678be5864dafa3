/** Reading and writing one record: revisions as ETags, preconditions, tombstones, validation. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { reading, revOf, session } from './fixtures.js';
import { databaseKinds, someone, useServer } from './harness.js';

for (const kind of databaseKinds) {
  describe(`records (${kind})`, () => {
    const t = useServer(kind);

    it('creates with If-None-Match: *, answering 201 with the Stored record, its ETag and Location', async () => {
      const api = await t.as(someone());
      const record = session();
      const created = await api.put('sessions', record, { create: true });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('Content-Type'), 'application/json');
      assert.deepEqual(created.body, { id: record.id, rev: created.body.rev, deleted: false, record });
      assert.equal(created.headers.get('ETag'), `"${created.body.rev}"`);
      assert.equal(created.headers.get('Location'), `/v1/sessions/${record.id}`);
      assert.equal(created.headers.get('Cache-Control'), 'no-store');

      const read = await api.get('sessions', record.id);
      assert.equal(read.status, 200);
      assert.deepEqual(read.body, created.body);
      assert.equal(read.headers.get('ETag'), created.headers.get('ETag'));
    });

    it('updates with If-Match and the current revision, giving a new revision', async () => {
      const api = await t.as(someone());
      const record = session();
      const created = await api.put('sessions', record, { create: true });
      const changed = { ...record, durationMin: 50, notes: 'Felt strong' };
      const updated = await api.put('sessions', changed, { rev: revOf(created.headers.get('ETag')) });
      assert.equal(updated.status, 200);
      assert.notEqual(updated.body.rev, created.body.rev);
      assert.deepEqual(updated.body.record, changed);
      assert.equal(updated.headers.get('ETag'), `"${updated.body.rev}"`);
      assert.equal(updated.headers.get('Location'), null);
      assert.deepEqual((await api.get('sessions', record.id)).body, updated.body);
    });

    it('refuses a stale revision with 412 and the current record, changing nothing', async () => {
      const api = await t.as(someone());
      const record = session();
      const first = await api.put('sessions', record, { create: true });
      const second = await api.put('sessions', { ...record, rpe: 7 }, { rev: first.body.rev });
      const stale = await api.put('sessions', { ...record, rpe: 2 }, { rev: first.body.rev });
      assert.equal(stale.status, 412);
      assert.equal(stale.headers.get('Content-Type'), 'application/problem+json');
      assert.equal(stale.body.status, 412);
      assert.equal(stale.body.type, 'urn:loadwise:problem:conflict');
      assert.deepEqual(stale.body.current, second.body);
      assert.deepEqual((await api.get('sessions', record.id)).body, second.body);
    });

    it('refuses to create over an existing record (412 with it) and to update one that is not there (412, current null)', async () => {
      const api = await t.as(someone());
      const record = session();
      const created = await api.put('sessions', record, { create: true });
      const again = await api.put('sessions', record, { create: true });
      assert.equal(again.status, 412);
      assert.deepEqual(again.body.current, created.body);

      const missing = await api.put('sessions', session(), { rev: '1-abcdef12' });
      assert.equal(missing.status, 412);
      assert.equal(missing.body.current, null);
    });

    it('accepts a list of revisions in If-Match (any one matching)', async () => {
      const api = await t.as(someone());
      const record = session();
      const created = await api.put('sessions', record, { create: true });
      const updated = await api.put('sessions', { ...record, rpe: 8 }, { headers: { 'If-Match': `"0-nothing", "${created.body.rev}"` } });
      assert.equal(updated.status, 200);
    });

    it('requires a precondition on every write (428), and refuses the unsafe forms (400)', async () => {
      const api = await t.as(someone());
      const record = session();
      const none = await api.put('sessions', record);
      assert.equal(none.status, 428);
      assert.equal(none.body.type, 'urn:loadwise:problem:precondition-required');
      const created = await api.put('sessions', record, { create: true });

      const removeWithout = await api.remove('sessions', record.id);
      assert.equal(removeWithout.status, 428);
      for (const ifMatch of ['*', `W/"${created.body.rev}"`, created.body.rev]) {
        const unsafe = await api.put('sessions', record, { headers: { 'If-Match': ifMatch } });
        assert.equal(unsafe.status, 400, ifMatch);
      }
      const both = await api.put('sessions', record, { create: true, rev: created.body.rev });
      assert.equal(both.status, 400);
      assert.equal((await api.get('sessions', record.id)).body.rev, created.body.rev);
    });

    it('removes with If-Match, leaving a tombstone that GET answers and a later removal keeps', async () => {
      const api = await t.as(someone());
      const record = session();
      const created = await api.put('sessions', record, { create: true });
      const removed = await api.remove('sessions', record.id, { rev: created.body.rev });
      assert.equal(removed.status, 200);
      assert.equal(removed.body.deleted, true);
      assert.equal(removed.body.id, record.id);
      assert.ok(!Number.isNaN(Date.parse(removed.body.deletedAt)));
      assert.equal(removed.body.record, undefined);
      assert.equal(removed.headers.get('ETag'), `"${removed.body.rev}"`);

      const read = await api.get('sessions', record.id);
      assert.equal(read.status, 200);
      assert.deepEqual(read.body, removed.body);

      // Removing again at the tombstone's revision changes nothing; at the old one, it conflicts.
      const again = await api.remove('sessions', record.id, { rev: removed.body.rev });
      assert.equal(again.status, 200);
      assert.deepEqual(again.body, removed.body);
      const stale = await api.remove('sessions', record.id, { rev: created.body.rev });
      assert.equal(stale.status, 412);
      assert.deepEqual(stale.body.current, removed.body);

      assert.equal((await api.remove('sessions', session().id, { rev: '1-abcdef12' })).status, 404);
    });

    it('brings a removed record back by writing over the tombstone’s revision', async () => {
      const api = await t.as(someone());
      const record = session();
      const created = await api.put('sessions', record, { create: true });
      const removed = await api.remove('sessions', record.id, { rev: created.body.rev });

      const recreate = await api.put('sessions', record, { create: true });
      assert.equal(recreate.status, 412, 'a tombstone is still there: If-None-Match: * does not match');
      assert.deepEqual(recreate.body.current, removed.body);

      const revived = await api.put('sessions', record, { rev: removed.body.rev });
      assert.equal(revived.status, 200);
      assert.equal(revived.body.deleted, false);
      assert.deepEqual(revived.body.record, record);
      assert.deepEqual((await api.get('sessions', record.id)).body, revived.body);
    });

    it('names each invalid field in a 422 problem, and writes nothing', async () => {
      const api = await t.as(someone());
      const record = session();
      const bad = { ...record, durationMin: 0, rpe: 11, extra: true };
      const reply = await api.put('sessions', bad, { create: true });
      assert.equal(reply.status, 422);
      assert.equal(reply.headers.get('Content-Type'), 'application/problem+json');
      assert.equal(reply.body.type, 'urn:loadwise:problem:validation');
      assert.equal(reply.body.status, 422);
      assert.equal(typeof reply.body.title, 'string');
      assert.match(reply.body.detail, /durationMin/);
      const paths = reply.body.errors.map((e: { path: string }) => e.path).sort();
      assert.deepEqual(paths, ['durationMin', 'extra', 'rpe']);
      for (const error of reply.body.errors) assert.equal(typeof error.message, 'string');
      assert.equal((await api.get('sessions', record.id)).status, 404);

      const nested = await api.put('sessions', { ...record, exercises: [{ name: 'Row', sets: [{ reps: -1, loadKg: 10 }] }] }, { create: true });
      assert.deepEqual(
        nested.body.errors.map((e: { path: string }) => e.path),
        ['exercises[0].sets[0].reps'],
      );
    });

    it('requires the body’s id to be the id in the URL', async () => {
      const api = await t.as(someone());
      const record = session();
      const reply = await api.request('PUT', `/v1/sessions/${session().id}`, {
        headers: { 'Content-Type': 'application/json', 'If-None-Match': '*', 'Idempotency-Key': 'id-mismatch' },
        body: JSON.stringify(record),
      });
      assert.equal(reply.status, 422);
      assert.deepEqual(
        reply.body.errors.map((e: { path: string }) => e.path),
        ['id'],
      );
    });

    it('keeps glucose readings the same way, in their own collection', async () => {
      const api = await t.as(someone());
      const record = reading();
      const created = await api.put('glucose', record, { create: true });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('Location'), `/v1/glucose/${record.id}`);
      assert.deepEqual((await api.get('glucose', record.id)).body, created.body);
      assert.equal((await api.get('sessions', record.id)).status, 404);

      const invalid = await api.put('glucose', { ...record, mgdl: 5 }, { rev: created.body.rev });
      assert.equal(invalid.status, 422);
      assert.deepEqual(
        invalid.body.errors.map((e: { path: string }) => e.path),
        ['mgdl'],
      );
      const removed = await api.remove('glucose', record.id, { rev: created.body.rev });
      assert.equal(removed.body.deleted, true);
    });

    it('answers problems for what is not there, not allowed, not JSON or malformed', async () => {
      const api = await t.as(someone());
      const record = session();
      const missing = await api.get('sessions', record.id);
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get('Content-Type'), 'application/problem+json');
      assert.equal(missing.body.status, 404);

      assert.equal((await api.request('GET', '/v1/workouts')).status, 404);

      const post = await api.request('POST', `/v1/sessions/${record.id}`);
      assert.equal(post.status, 405);
      assert.equal(post.headers.get('Allow'), 'GET, HEAD, PUT, DELETE');
      assert.equal(post.body.status, 405);
      assert.equal((await api.request('DELETE', '/v1/sessions')).headers.get('Allow'), 'GET, HEAD');

      const text = await api.put('sessions', record, { create: true, headers: { 'Content-Type': 'text/plain' } });
      assert.equal(text.status, 415);
      assert.equal(text.headers.get('Content-Type'), 'application/problem+json');

      const malformed = await api.request('PUT', `/v1/sessions/${record.id}`, {
        headers: { 'Content-Type': 'application/json', 'If-None-Match': '*', 'Idempotency-Key': 'malformed' },
        body: '{"id": ',
      });
      assert.equal(malformed.status, 400);
      assert.equal(malformed.body.type, 'urn:loadwise:problem:invalid-json');
      assert.equal((await api.get('sessions', record.id)).status, 404);
    });

    it('refuses a body over the limit with 413, before reading it', async () => {
      const api = await t.as(someone());
      const record = session({ notes: 'x'.repeat(300 * 1024) });
      const reply = await api.put('sessions', record, { create: true });
      assert.equal(reply.status, 413);
      assert.equal(reply.headers.get('Content-Type'), 'application/problem+json');
      assert.equal(reply.body.status, 413);
      assert.equal((await api.get('sessions', record.id)).status, 404);
    });
  });
}

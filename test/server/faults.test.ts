/** Fault injection: off by default, and when on, failing the way a client must cope with. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { faultsFromEnv, startServer } from '../../server/index.js';
import { Api } from './api.js';
import { session } from './fixtures.js';
import { databaseKinds, someone, useServer } from './harness.js';

for (const kind of databaseKinds) {
  describe(`fault injection (${kind})`, () => {
    const t = useServer(kind);

    it('answers 503 with Retry-After before doing anything, at failRate', async () => {
      const failing = await startServer({ port: 0, database: t.db.database, faults: { failRate: 1 } });
      try {
        const user = someone();
        const api = new Api(failing.url, await failing.signToken(user));
        const record = session();
        const reply = await api.put('sessions', record, { create: true });
        assert.equal(reply.status, 503);
        assert.equal(reply.headers.get('Retry-After'), '1');
        assert.equal(reply.headers.get('Content-Type'), 'application/problem+json');
        assert.equal(reply.body.status, 503);
        assert.equal((await api.list('sessions')).status, 503);
        assert.equal((await (await t.as(user)).get('sessions', record.id)).status, 404, 'nothing was written');
      } finally {
        await failing.close();
      }
    });

    it('delays every request by latencyMs', async () => {
      const slow = await startServer({ port: 0, database: t.db.database, faults: { latencyMs: 300 } });
      try {
        const api = new Api(slow.url, await slow.signToken(someone()));
        const started = performance.now();
        assert.equal((await api.list('sessions')).status, 200);
        assert.ok(performance.now() - started >= 290);
      } finally {
        await slow.close();
      }
    });

    it('injects nothing unless asked', async () => {
      const api = await t.as(someone());
      const replies = await Promise.all(Array.from({ length: 30 }, () => api.put('sessions', session(), { create: true })));
      assert.ok(replies.every((r) => r.status === 201));
    });
  });
}

describe('fault settings', () => {
  it('are read from the environment for a child process, and checked', () => {
    assert.deepEqual(faultsFromEnv({}), {});
    assert.deepEqual(faultsFromEnv({ LOADWISE_FAIL_RATE: '0.25', LOADWISE_DROP_AFTER_COMMIT_RATE: '0.1', LOADWISE_LATENCY_MS: '40' }), {
      failRate: 0.25,
      dropAfterCommitRate: 0.1,
      latencyMs: 40,
    });
    assert.throws(() => faultsFromEnv({ LOADWISE_FAIL_RATE: '2' }), /failRate/);
    assert.throws(() => faultsFromEnv({ LOADWISE_LATENCY_MS: 'soon' }), /latencyMs/);
  });
});

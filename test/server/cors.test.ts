/** CORS: pages on the allowed origins may call the API, and read what it answers; no other page may. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../server/index.js';
import { Api } from './api.js';
import { databaseKinds, someone, useServer } from './harness.js';

const DEMO = 'http://localhost:5173';

for (const kind of databaseKinds) {
  describe(`CORS (${kind})`, () => {
    const t = useServer(kind);

    it('answers an allowed origin with its origin, and exposes ETag and Retry-After', async () => {
      const api = await t.as(someone());
      for (const origin of [DEMO, 'http://127.0.0.1:5173']) {
        const reply = await api.request('GET', '/v1/sessions', { headers: { Origin: origin } });
        assert.equal(reply.status, 200);
        assert.equal(reply.headers.get('Access-Control-Allow-Origin'), origin);
        assert.match(reply.headers.get('Vary') ?? '', /Origin/);
        const exposed = (reply.headers.get('Access-Control-Expose-Headers') ?? '').toLowerCase().split(',');
        for (const name of ['etag', 'retry-after', 'location']) assert.ok(exposed.includes(name), name);
        assert.equal(reply.headers.get('Access-Control-Allow-Credentials'), null, 'tokens, not cookies');
      }
      // Errors too, or the page could not read why it failed.
      const refused = await t.anonymous().request('GET', '/v1/sessions', { headers: { Origin: DEMO } });
      assert.equal(refused.status, 401);
      assert.equal(refused.headers.get('Access-Control-Allow-Origin'), DEMO);
    });

    it('gives no other origin leave to read', async () => {
      const api = await t.as(someone());
      for (const origin of ['https://evil.example', 'http://localhost:5174', 'http://localhost:5173.evil.example', 'null']) {
        const reply = await api.request('GET', '/v1/sessions', { headers: { Origin: origin } });
        assert.equal(reply.headers.get('Access-Control-Allow-Origin'), null, origin);
      }
    });

    it('answers a preflight for writes from an allowed origin', async () => {
      const reply = await t.anonymous().request('OPTIONS', '/v1/sessions/0b5e1c9a-3f7d-4e2a-9c1b-6a8d2f4e7b10', {
        headers: {
          Origin: DEMO,
          'Access-Control-Request-Method': 'PUT',
          'Access-Control-Request-Headers': 'authorization,content-type,if-match,idempotency-key',
        },
      });
      assert.equal(reply.status, 204);
      assert.equal(reply.headers.get('Access-Control-Allow-Origin'), DEMO);
      const methods = (reply.headers.get('Access-Control-Allow-Methods') ?? '').split(',');
      for (const method of ['GET', 'PUT', 'DELETE']) assert.ok(methods.includes(method), method);
      const headers = (reply.headers.get('Access-Control-Allow-Headers') ?? '').toLowerCase().split(',');
      for (const name of ['authorization', 'content-type', 'if-match', 'if-none-match', 'idempotency-key']) assert.ok(headers.includes(name), name);
      assert.ok(Number(reply.headers.get('Access-Control-Max-Age')) > 0);

      const other = await t.anonymous().request('OPTIONS', '/v1/sessions', {
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'DELETE' },
      });
      assert.equal(other.headers.get('Access-Control-Allow-Origin'), null);
    });
  });
}

describe('CORS origins option', () => {
  it('allows exactly the origins it is given', async () => {
    const server = await startServer({ port: 0, open: { memory: true }, corsOrigins: ['https://clinic.example'] });
    try {
      const api = new Api(server.url, await server.signToken('x'));
      const clinic = await api.request('GET', '/v1/sessions', { headers: { Origin: 'https://clinic.example' } });
      assert.equal(clinic.headers.get('Access-Control-Allow-Origin'), 'https://clinic.example');
      const demo = await api.request('GET', '/v1/sessions', { headers: { Origin: DEMO } });
      assert.equal(demo.headers.get('Access-Control-Allow-Origin'), null);
    } finally {
      await server.close();
    }
  });
});

/** Bearer tokens: who may call, and each user kept to their own records. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hmacTokens, startServer } from '../../server/index.js';
import { Api } from './api.js';
import { session } from './fixtures.js';
import { databaseKinds, someone, useServer } from './harness.js';

const SECRET = 'a test secret that is long enough for HS256 tokens';

for (const kind of databaseKinds) {
  describe(`auth (${kind})`, () => {
    const t = useServer(kind, { secret: SECRET });

    async function assert401(api: Api, invalidToken: boolean) {
      const requests = [
        () => api.list('sessions'),
        () => api.get('sessions', session().id),
        () => api.put('sessions', session(), { create: true }),
        () => api.remove('glucose', session().id, { rev: '1-abc' }),
        () => api.changes(0),
      ];
      for (const request of requests) {
        const reply = await request();
        assert.equal(reply.status, 401);
        assert.equal(reply.headers.get('Content-Type'), 'application/problem+json');
        assert.equal(reply.body.status, 401);
        const challenge = reply.headers.get('WWW-Authenticate') ?? '';
        assert.match(challenge, /^Bearer /);
        assert.equal(/error="invalid_token"/.test(challenge), invalidToken);
      }
    }

    it('refuses a request without a token', async () => {
      await assert401(t.anonymous(), false);
      const basic = await t.anonymous().request('GET', '/v1/sessions', { headers: { Authorization: 'Basic YWxpY2U6c2VjcmV0' } });
      assert.equal(basic.status, 401);
    });

    it('refuses a malformed, forged, foreign or expired token', async () => {
      const good = await t.server.signToken('alice');
      const [header, payload] = good.split('.');
      const forgedPayload = Buffer.from(JSON.stringify({ sub: 'mallory', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
      const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
      const tokens = [
        'not-a-token',
        `${header}.${forgedPayload}.${good.split('.')[2]}`,
        unsigned,
        await hmacTokens('another secret, just as long as the real one').sign('alice'),
        await t.server.signToken('alice', -10),
      ];
      for (const token of tokens) await assert401(new Api(t.url, token), true);
      assert.equal((await new Api(t.url, good).list('sessions')).status, 200);
    });

    it('keeps each user to their own records', async () => {
      const alice = await t.as(someone('alice'));
      const bob = await t.as(someone('bob'));
      const record = session();
      const hers = await alice.put('sessions', record, { create: true });

      assert.equal((await bob.get('sessions', record.id)).status, 404);
      assert.deepEqual((await bob.list('sessions')).body.items, []);
      assert.deepEqual((await bob.list('sessions', { includeDeleted: true })).body.items, []);
      assert.deepEqual((await bob.changes(0)).body.changes, []);
      assert.equal((await bob.remove('sessions', record.id, { rev: hers.body.rev })).status, 404);
      const overwrite = await bob.put('sessions', { ...record, notes: 'bob was here' }, { rev: hers.body.rev });
      assert.equal(overwrite.status, 412);
      assert.equal(overwrite.body.current, null, 'nothing of hers is shown');

      // The same id is free in his own space, and stays apart from hers.
      const his = await bob.put('sessions', { ...record, notes: 'his own' }, { create: true });
      assert.equal(his.status, 201);
      assert.deepEqual((await alice.get('sessions', record.id)).body, hers.body);
      assert.deepEqual(
        (await alice.list('sessions')).body.items.map((i: { record: { notes?: string } }) => i.record.notes),
        [undefined],
      );
      assert.equal((await alice.changes(0)).body.changes.length, 1);
    });

    it('has no demo sign-in unless it is enabled', async () => {
      const reply = await (await t.as('alice')).request('POST', '/v1/demo/token');
      assert.equal(reply.status, 404);
      assert.equal((await t.anonymous().request('POST', '/v1/demo/token')).status, 401);
    });
  });
}

describe('auth options', () => {
  it('gives demo tokens with --demo-auth, for a new subject or the one asked for', async () => {
    const server = await startServer({ port: 0, open: { memory: true }, demoAuth: true });
    try {
      const fresh = await new Api(server.url).request('POST', '/v1/demo/token');
      assert.equal(fresh.status, 200);
      assert.match(fresh.body.sub, /^demo-/);
      assert.equal(typeof fresh.body.token, 'string');
      assert.ok(Date.parse(fresh.body.expiresAt) > Date.now());
      const demo = new Api(server.url, fresh.body.token);
      const record = session();
      assert.equal((await demo.put('sessions', record, { create: true })).status, 201);

      const named = await new Api(server.url).request('POST', '/v1/demo/token', {
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sub: fresh.body.sub }),
      });
      assert.equal(named.body.sub, fresh.body.sub);
      assert.equal((await new Api(server.url, named.body.token).get('sessions', record.id)).status, 200);

      const bad = await new Api(server.url).request('POST', '/v1/demo/token', {
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sub: '', admin: true }),
      });
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ['admin', 'sub']);
    } finally {
      await server.close();
    }
  });

  it('takes a site’s own token check instead of the built-in tokens', async () => {
    const server = await startServer({
      port: 0,
      open: { memory: true },
      verify: (token) => (token === 'site-session-123' ? { sub: 'site-user-9' } : null),
    });
    try {
      assert.equal((await new Api(server.url, 'site-session-123').list('sessions')).status, 200);
      assert.equal((await new Api(server.url, 'site-session-999').list('sessions')).status, 401);
      assert.equal((await new Api(server.url, await server.signToken('site-user-9')).list('sessions')).status, 401);
    } finally {
      await server.close();
    }
  });
});

/**
 * The server never answers 500 to anything a client sends. Thousands of generated hostile
 * requests (malformed and deeply nested JSON, wrong types, huge bodies, NUL and control
 * characters in ids, paths, query strings and headers, bad and odd tokens) each get a 4xx
 * `application/problem+json`, or a 2xx when they happen to be valid; never a 5xx. Afterwards the
 * server is still up and serving. Headers fetch refuses to send go over a raw socket.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import fc from 'fast-check';
import { reading, session } from './fixtures.js';
import { databaseKinds, someone, useServer } from './harness.js';

const SEED = 20261205;
/** Requests per database, over fetch (plus the raw-socket ones below). */
const RUNS = 2000;
const RAW_RUNS = 300;

const hostileText = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\udfff\ud800',
    '\u0001\u001f\u007f',
    '../../etc/passwd',
    '%00',
    '%',
    '%zz',
    '%ED%A0%80',
    '🙂',
    ' ',
    '',
    '0000-01-01T00:00:00Z',
    '-271821-04-20T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    '2026-11-24T07:30:00+14:00',
    '9'.repeat(400),
    '-1',
    '1e400',
    'NaN',
    'null',
    '[]',
    '{}',
    'x'.repeat(300),
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 8 }),
);

/** Percent-encodes every UTF-16 unit as UTF-8 would, lone surrogates as their WTF-8 bytes. */
const percent = (text: string) =>
  [...text]
    .map((ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        const code = ch.charCodeAt(0);
        return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
      }
    })
    .join('');

/** A cursor as the server encodes them (base64url JSON), with hostile members. */
const craftedCursor = fc
  .record({ o: fc.oneof(fc.constantFrom('asc', 'desc'), hostileText), t: fc.oneof(hostileText, fc.constant('2026-01-01T00:00:00Z')), i: hostileText })
  .map((c) => Buffer.from(JSON.stringify(c)).toString('base64url'));

const queryName = fc.constantFrom('from', 'to', 'order', 'limit', 'cursor', 'includeDeleted', 'since', 'other', '');
const query = fc
  .array(fc.tuple(queryName, fc.oneof(hostileText, craftedCursor, fc.constantFrom('asc', 'true', '10', '0'))), { maxLength: 4 })
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${percent(k)}=${percent(v)}`).join('&')}` : ''));

const path = fc.oneof(
  fc.tuple(fc.constantFrom('sessions', 'glucose', 'changes', 'demo/token', 'nothing', ''), fc.option(hostileText)).map(
    ([collection, id]) => `/v1/${collection}${id === null ? '' : `/${percent(id)}`}`,
  ),
  fc.constantFrom('/', '/health', '/v1', '/v1/', '//v1//sessions', '/v1/sessions/a/b', '/V1/SESSIONS', '/v1/sessions/%', '/v1/%2e%2e/health'),
);

/** Nested arrays and objects, deeper than any parser should recurse. */
const deep = (depth: number, object: boolean) => (object ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) : '['.repeat(depth) + ']'.repeat(depth));

/** A valid record with one member replaced by something of the wrong type or shape. */
const mutated = fc
  .tuple(
    fc.constantFrom(session() as Record<string, unknown>, reading() as Record<string, unknown>),
    fc.constantFrom('id', 'startedAt', 'measuredAt', 'durationMin', 'rpe', 'mgdl', 'notes', 'exercises', 'timeZone', 'schemaVersion', '__proto__', 'extra'),
    fc.oneof(hostileText, fc.anything({ maxDepth: 3 }), fc.constantFrom(1e308, -0, null, true, [], {})),
  )
  .map(([record, key, value]) => {
    const body = JSON.stringify({ ...record, [key]: value });
    return key === '__proto__' ? body.replace('"extra"', '"__proto__"') : body;
  });

const body = fc.oneof(
  { weight: 6, arbitrary: mutated },
  fc.constantFrom('', '{', '{"a":}', 'nul', '"\\ud800"', '{"id":"\\u0000"}', '\u0000', '[1,2,', 'true', '1e400', '{"notes":"\\udfff"}'),
  fc.constantFrom(deep(5000, false), deep(5000, true), deep(100_000, false)),
  { weight: 1, arbitrary: fc.constantFrom(`{"notes":"${'x'.repeat(300 * 1024)}"}`, `[${'1,'.repeat(200_000)}1]`) },
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
);

const visibleAscii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });

interface Tokens {
  valid: string;
  expired: string;
  /** Signed by the server's own secret, but for subjects no storage could key data by. */
  oddSubjects: string[];
}

const headers = (tokens: Tokens) =>
  fc.record(
    {
      // Mostly a valid token and JSON, so that most requests get past the front door.
      Authorization: fc.oneof(
        { weight: 6, arbitrary: fc.constant(`Bearer ${tokens.valid}`) },
        fc.constant(`Bearer ${tokens.expired}`),
        fc.constantFrom(...tokens.oddSubjects.map((t) => `Bearer ${t}`)),
        fc.constantFrom('Bearer', 'Bearer ', 'Basic Zm9vOmJhcg==', `Bearer ${tokens.valid}x`, `Bearer ${'a'.repeat(5000)}`, 'Bearer a.b.c'),
        visibleAscii,
      ),
      'Content-Type': fc.oneof(
        { weight: 4, arbitrary: fc.constant('application/json') },
        fc.constantFrom('application/json', 'application/problem+json', 'text/plain', 'application/json; charset=utf-16', 'multipart/form-data', ''),
      ),
      'If-None-Match': fc.oneof(fc.constant('*'), visibleAscii),
      'If-Match': fc.oneof(fc.constant('"1-abc"'), visibleAscii),
      'Idempotency-Key': fc.oneof({ weight: 3, arbitrary: fc.uuid() }, visibleAscii),
    },
    { requiredKeys: [] },
  )
    // Both preconditions at once is one refusal among many; keep it, but not in half the requests.
    .map((h) => (h['If-Match'] !== undefined && h['If-None-Match'] !== undefined && h['If-Match'].length % 4 ? { ...h, 'If-Match': undefined } : h))
    .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>);

const METHODS = ['GET', 'HEAD', 'PUT', 'DELETE', 'POST', 'PATCH', 'OPTIONS'] as const;

/** Checks one reply: a 5xx fails; a 4xx must be a problem whose status matches. */
async function expectNoServerError(label: string, response: Response, method: string): Promise<void> {
  const text = await response.text();
  assert.ok(response.status < 500, `${label} → ${response.status} ${text.slice(0, 300)}`);
  if (response.status >= 400 && method !== 'HEAD') {
    assert.equal(response.headers.get('Content-Type'), 'application/problem+json', `${label} → ${response.status} ${text.slice(0, 200)}`);
    const problem = JSON.parse(text) as { status: number; title: string; errors?: { path: string; message: string }[] };
    assert.equal(problem.status, response.status, label);
    assert.equal(typeof problem.title, 'string', label);
    for (const issue of problem.errors ?? []) assert.ok(issue.path && issue.message, `${label}: an error that names no field`);
  }
}

/** Sends `request` as bytes over a socket and reads the status line and the Content-Type. */
function raw(url: string, request: string): Promise<{ status: number; type: string | undefined; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, type: /\r\ncontent-type: *([^\r;]+)/i.exec(text)?.[1], text });
    });
    socket.end(Buffer.from(request, 'latin1'));
  });
}

for (const kind of databaseKinds) {
  describe(`fuzzing the server (${kind})`, () => {
    const t = useServer(kind, { demoAuth: true, maxBodyBytes: 256 * 1024 });

    it(`answers ${RUNS} hostile requests with 4xx problems, never a 5xx`, async () => {
      const sub = someone('fuzz');
      const tokens: Tokens = {
        valid: await t.server.signToken(sub),
        expired: await t.server.signToken(sub, -60),
        oddSubjects: await Promise.all(['a\u0000b', '\ud800', 'tab\there', '', 'x'.repeat(201)].map((odd) => t.server.signToken(odd))),
      };
      const counts = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...METHODS), path, query, headers(tokens), body, async (method, target, search, sent, payload) => {
          const label = `${method} ${target}${search} ${JSON.stringify(sent).slice(0, 200)} body ${payload.slice(0, 80)}`;
          const response = await fetch(t.url + target + search, {
            method,
            headers: sent,
            ...(method === 'GET' || method === 'HEAD' ? {} : { body: payload }),
          });
          counts.set(response.status, (counts.get(response.status) ?? 0) + 1);
          await expectNoServerError(label, response, method);
        }),
        { seed: SEED, numRuns: RUNS, includeErrorInReport: true },
      );
      // The mix reached past the front door: refusals of every kind, not just 401s.
      for (const status of [400, 401, 404, 405, 413, 415, 422]) assert.ok(counts.get(status), `no request got a ${status}: ${JSON.stringify([...counts])}`);
    });

    it(`answers ${RAW_RUNS} requests with control characters in the request line and headers with 4xx problems`, async () => {
      const token = await t.server.signToken(someone('raw'));
      const control = fc.integer({ min: 0, max: 0x1f }).filter((c) => c !== 0x09).map((c) => String.fromCharCode(c));
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('header', 'path', 'method', 'version'),
          control,
          fc.constantFrom('Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-Anything'),
          async (where, char, name) => {
            const target = where === 'path' ? `/v1/sessions/a${char}b` : `/v1/sessions/${session().id}`;
            const method = where === 'method' ? `G${char}ET` : 'GET';
            const version = where === 'version' ? `HTTP/1.${char}` : 'HTTP/1.1';
            const value = name === 'Authorization' ? `Bearer ${token}` : 'x';
            const header = where === 'header' ? `${name}: ${value}${char}tail` : `Authorization: Bearer ${token}`;
            const reply = await raw(t.url, `${method} ${target} ${version}\r\nHost: x\r\n${header}\r\nConnection: close\r\n\r\n`);
            assert.ok(reply.status >= 400 && reply.status < 500, `${where} with U+${char.charCodeAt(0).toString(16)}: ${reply.text.slice(0, 200)}`);
            assert.equal(reply.type, 'application/problem+json', reply.text.slice(0, 200));
          },
        ),
        { seed: SEED, numRuns: RAW_RUNS, includeErrorInReport: true },
      );
    });

    it('is still up afterwards, and keeps every valid write', async () => {
      const api = await t.as(someone('after'));
      const record = session();
      assert.equal((await api.put('sessions', record, { create: true })).status, 201);
      assert.deepStrictEqual((await api.get('sessions', record.id)).body.record, record);
      assert.equal((await fetch(`${t.url}/health`)).status, 200);
    });
  });
}

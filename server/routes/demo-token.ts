/**
 * POST /v1/demo/token: a signed token for a new subject, or for the one asked for. FOR DEMOS
 * ONLY: anyone who can reach the server can act as anyone. It exists only when the server is
 * started with `--demo-auth` (`demoTokens` in `createApp`), so the tracker demo can sign in.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { storableId } from '../../src/base/storable.js';
import { validate } from '../../src/base/validation.js';
import { DEFAULT_TOKEN_TTL_SECONDS, type HmacTokens } from '../auth.js';
import type { AppEnv } from '../env.js';
import { badRequest, methodNotAllowed } from '../problems.js';
import { readJson } from '../request-body.js';

const requestSchema = z.strictObject({
  sub: z.optional(storableId(200)),
});

export function demoTokenRoutes(tokens: HmacTokens): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post('/', async (c) => {
    // An empty body asks for a fresh subject.
    const body = c.req.header('Content-Length') === '0' || !c.req.header('Content-Type') ? {} : (await readJson(c)).value;
    const result = validate(requestSchema, body, { root: '(body)' });
    if (!result.ok) throw badRequest('The body may only name a subject: { "sub": "…" }.', result.issues);
    const sub = result.value.sub ?? `demo-${randomUUID()}`;
    const token = await tokens.sign(sub, DEFAULT_TOKEN_TTL_SECONDS);
    const expiresAt = new Date(Date.now() + DEFAULT_TOKEN_TTL_SECONDS * 1000).toISOString();
    return c.json({ token, sub, expiresAt, tokenType: 'Bearer' });
  });
  routes.all('/', () => {
    throw methodNotAllowed(['POST']);
  });
  return routes;
}

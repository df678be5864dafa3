/**
 * The reference server as a Hono app: the REST protocol of server/openapi.yaml over a
 * `Database`. `startServer` (start.ts) serves it over HTTP; a site can also mount it in its own
 * Hono app, or call `app.fetch` from any runtime Hono runs on.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { bearerAuth, type HmacTokens, type VerifyToken } from './auth.js';
import type { Database } from './db/database.js';
import type { AppEnv } from './env.js';
import { checkFaults, injectFaults, type Faults } from './faults.js';
import { notFound, payloadTooLarge, Problem, unavailable, unstorable } from './problems.js';
import { changesRoutes } from './routes/changes.js';
import { demoTokenRoutes } from './routes/demo-token.js';
import { recordRoutes } from './routes/records.js';

/** Where the tracker demo runs (`npm start`). */
export const DEFAULT_CORS_ORIGINS = ['http://127.0.0.1:5173', 'http://localhost:5173'];
/**
 * Room for the largest record the schema allows, sent as compact JSON (50 exercises of 50 sets
 * with every number at its longest comes to under 200 KB); a typical session is 1–3 KB.
 */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

export interface AppOptions {
  database: Database;
  /** Checks bearer tokens: the built-in HMAC tokens' `verify`, or a site's own (see auth.ts). */
  verify: VerifyToken;
  /** Enables the demo sign-in, `POST /v1/demo/token`, issuing these tokens. Demo only. */
  demoTokens?: HmacTokens;
  /** Browser origins allowed to call the API (exact matches). */
  corsOrigins?: readonly string[];
  maxBodyBytes?: number;
  /** Off by default; see faults.ts. */
  faults?: Faults;
}

export function createApp(options: AppOptions): Hono<AppEnv> {
  const { database, verify, demoTokens, corsOrigins = DEFAULT_CORS_ORIGINS, maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  const faults = checkFaults({ ...options.faults });
  const allowed = new Set(corsOrigins);
  const app = new Hono<AppEnv>();

  app.onError((error, c) => {
    if (error instanceof Problem) return error.toResponse();
    if (error instanceof HTTPException) return new Problem({ status: error.status, title: error.message || 'Request failed' }).toResponse();
    if (isTransient(error)) return unavailable('The database is busy or unreachable; try again shortly.', 2).toResponse();
    // The last line of defence: every input is checked before it reaches the database, so this
    // means a check is missing. The client still gets a 4xx it can act on, not a 500 it would
    // retry forever, and the gap is logged to be closed.
    if (isDataError(error)) {
      console.warn(`${c.req.method} ${c.req.path}: the database refused a value (${(error as Error).message}); add a check for it.`);
      return unstorable().toResponse();
    }
    console.error(`${c.req.method} ${c.req.path} failed:`, error);
    return new Problem({ status: 500, title: 'Internal Server Error', detail: 'The server failed to handle this request.' }).toResponse();
  });
  app.notFound(() => notFound().toResponse());

  // First, so that every answer (errors included) can be read by an allowed page, and a
  // preflight is answered before anything else looks at it.
  app.use(
    '*',
    cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      allowMethods: ['GET', 'HEAD', 'PUT', 'DELETE', 'POST'],
      allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key'],
      exposeHeaders: ['ETag', 'Location', 'Retry-After', 'WWW-Authenticate', 'Idempotent-Replayed'],
      maxAge: 600,
    }),
  );

  app.get('/health', async (c) => {
    await database.query('SELECT 1');
    return c.json({ ok: true, database: database.kind });
  });

  // Health data for one person: never kept by a shared cache, never sniffed into something else.
  app.use('/v1/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
  });
  app.use('/v1/*', injectFaults(faults));
  app.use('/v1/*', bodyLimit({ maxSize: maxBodyBytes, onError: () => payloadTooLarge(maxBodyBytes).toResponse() }));
  // Before the token check: this is how a demo gets its token.
  if (demoTokens) app.route('/v1/demo/token', demoTokenRoutes(demoTokens));
  app.use('/v1/*', bearerAuth(verify));
  app.route('/v1/sessions', recordRoutes('sessions', { database, faults }));
  app.route('/v1/glucose', recordRoutes('glucose', { database, faults }));
  app.route('/v1/changes', changesRoutes(database));
  return app;
}

/** Errors worth a retry: the database is restarting, overloaded, unreachable, or chose this transaction to abort. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '40001', '40P01', '53300', '55P03', '57P01', '57P02', '57P03'].includes(code) ||
    code.startsWith('08')
  );
}

/** The database could not hold a value: SQLSTATE class 22 (data exception) or 54000 (a value too large). */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('22') || code === '54000');
}

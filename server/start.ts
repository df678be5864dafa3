/**
 * `startServer`: the reference server on a port, for the CLI (main.ts), tests and benchmarks.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { hmacTokens, type VerifyToken } from './auth.js';
import type { Database } from './db/database.js';
import { pruneReplies } from './db/idempotency.js';
import { openDatabase, type OpenDatabaseOptions } from './db/open.js';
import type { Faults } from './faults.js';

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
/** Replies to idempotency keys are kept this long: far beyond any client's retries. */
export const IDEMPOTENCY_TTL_HOURS = 24;
/** How long shutdown waits for requests in flight before cutting their connections. */
const SHUTDOWN_GRACE_MS = 5000;

export interface StartServerOptions {
  /** 8787 by default; 0 picks a free port (see `url`). */
  port?: number;
  /** 127.0.0.1 by default: reachable from this machine only. */
  host?: string;
  /**
   * The database to use. One passed here stays the caller's (closing the server leaves it
   * open); without it, one is opened from `openDatabase` (PGlite in `./.loadwise-data` by
   * default) and closed with the server.
   */
  database?: Database;
  /** How to open the database when none is passed. */
  open?: OpenDatabaseOptions;
  /** Secret for the built-in tokens; a random one (valid until the server stops) when absent. */
  secret?: string;
  /** A site's own token check, instead of the built-in tokens (see auth.ts). */
  verify?: VerifyToken;
  /** Enables the demo sign-in (`POST /v1/demo/token`). Demo only: anyone can act as anyone. */
  demoAuth?: boolean;
  corsOrigins?: readonly string[];
  maxBodyBytes?: number;
  faults?: Faults;
}

export interface RunningServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  port: number;
  database: Database;
  /** A built-in token for `sub` (accepted unless a site's own `verify` was given). */
  signToken(sub: string, ttlSeconds?: number): Promise<string>;
  /** Stops accepting connections, lets requests in flight finish, closes what it opened. */
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const { port = DEFAULT_PORT, host = DEFAULT_HOST } = options;
  const tokens = hmacTokens(options.secret ?? randomBytes(32).toString('base64url'));
  if (options.demoAuth && options.verify) throw new Error('The demo sign-in issues the built-in tokens: it cannot be used with a verify of your own.');
  const database = options.database ?? (await openDatabase(options.open));
  const app = createApp({
    database,
    verify: options.verify ?? tokens.verify,
    ...(options.demoAuth ? { demoTokens: tokens } : {}),
    ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
  });

  const prune = () => pruneReplies(database, IDEMPOTENCY_TTL_HOURS).catch((error: Error) => console.error(`Pruning idempotency keys failed: ${error.message}`));
  await prune();
  const pruning = setInterval(prune, 60 * 60 * 1000).unref();

  const server = serve({ fetch: app.fetch, port, hostname: host });
  // Requests Node's HTTP parser refuses (a control character in a header, a malformed request
  // line, headers too large) never reach the app; answer them as problems too.
  server.on('clientError', answerClientError);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (error) {
    clearInterval(pruning);
    if (!options.database) await database.close();
    throw error;
  }
  const { port: actualPort } = server.address() as AddressInfo;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${shown}:${actualPort}`,
    port: actualPort,
    database,
    signToken: (sub, ttlSeconds) => tokens.sign(sub, ttlSeconds),
    close() {
      closing ??= (async () => {
        clearInterval(pruning);
        // close() waits for open connections; idle keep-alive ones are closed at once, and any
        // still busy after the grace period are cut.
        const cut = setTimeout(() => 'closeAllConnections' in server && server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        clearTimeout(cut);
        if (!options.database) await database.close();
      })();
      return closing;
    },
  };
}

/** Node's answer to a request it cannot parse, as a problem (`application/problem+json`). */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const [status, title] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
  const body = JSON.stringify({ type: 'about:blank', title, status, detail: 'The request could not be read as HTTP: check its request line and headers.' });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * `npm run server`: the reference server from the command line.
 *
 *   tsx server/main.ts [--port 8787] [--host 127.0.0.1] [--data ./.loadwise-data | --memory] [--demo-auth]
 *
 * Environment: PORT, HOST, DATABASE_URL (PostgreSQL instead of embedded PGlite),
 * LOADWISE_DATA_DIR, LOADWISE_TOKEN_SECRET, CORS_ORIGINS (comma-separated), and for fault tests
 * LOADWISE_FAIL_RATE, LOADWISE_DROP_AFTER_COMMIT_RATE, LOADWISE_LATENCY_MS. Flags win over the
 * environment.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DEFAULT_CORS_ORIGINS } from './app.js';
import { DEFAULT_DATA_DIR } from './db/open.js';
import { anyFaults, faultsFromEnv } from './faults.js';
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from './start.js';

const usage = `Usage: tsx server/main.ts [options]

  --port <n>      port to listen on (env PORT, default ${DEFAULT_PORT})
  --host <addr>   address to bind (env HOST, default ${DEFAULT_HOST}: this machine only)
  --data <dir>    PGlite data folder (env LOADWISE_DATA_DIR, default ${DEFAULT_DATA_DIR});
                  ignored when DATABASE_URL names a PostgreSQL database
  --memory        keep nothing: PGlite in memory, gone when the server stops
  --demo-auth     enable POST /v1/demo/token, which gives anyone a token (demos only)
  -h, --help      this text`;

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    memory: { type: 'boolean', default: false },
    'demo-auth': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const env = process.env;
const port = Number(values.port ?? env.PORT ?? DEFAULT_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Not a port: ${values.port ?? env.PORT}\n\n${usage}`);
  process.exit(2);
}
const host = values.host ?? env.HOST ?? DEFAULT_HOST;
const databaseUrl = env.DATABASE_URL || undefined;
const dataDir = values.data ?? env.LOADWISE_DATA_DIR ?? DEFAULT_DATA_DIR;
const corsOrigins = env.CORS_ORIGINS
  ? env.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean)
  : DEFAULT_CORS_ORIGINS;
let secret = env.LOADWISE_TOKEN_SECRET;
if (!secret) {
  secret = randomBytes(32).toString('base64url');
  console.warn('Warning: LOADWISE_TOKEN_SECRET is not set; tokens are signed with a random secret and stop working when the server stops.');
}
const faults = faultsFromEnv(env);

const server = await startServer({
  port,
  host,
  open: databaseUrl ? { url: databaseUrl } : values.memory ? { memory: true } : { dataDir },
  secret,
  demoAuth: values['demo-auth'],
  corsOrigins,
  faults,
}).catch((error: Error) => {
  console.error(`The server could not start: ${error.message}`);
  process.exit(1);
});

// One write, so whoever reads the first line (a test, a supervisor) has the rest too.
console.log(
  [
    `loadwise reference server on ${server.url}`,
    `  data: ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : values.memory ? 'PGlite in memory (kept until the server stops)' : `PGlite in ${dataDir}`}`,
    `  browsers allowed from: ${corsOrigins.join(', ') || 'nowhere (CORS_ORIGINS is empty)'}`,
    ...(values['demo-auth'] ? ['  demo sign-in ON: POST /v1/demo/token gives anyone a token for any user. Never use it with real data.'] : []),
    ...(anyFaults(faults) ? [`  fault injection ON: ${JSON.stringify(faults)}`] : []),
  ].join('\n'),
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(130); // a second signal: stop now
    stopping = true;
    console.log(`\n${signal}: finishing requests in flight, then stopping…`);
    server.close().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`Stopping failed: ${error.message}`);
        process.exit(1);
      },
    );
  });
}

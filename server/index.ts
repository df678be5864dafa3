/**
 * The reference server's programmatic API, for tests, benchmarks and sites that host it:
 * `startServer` to run it, `createApp` to mount it in a Hono app of your own, `openDatabase`
 * for its storage, and `hmacTokens` for the built-in tokens.
 */
export { createApp, DEFAULT_CORS_ORIGINS, DEFAULT_MAX_BODY_BYTES, type AppOptions } from './app.js';
export { hmacTokens, type HmacTokens, type Principal, type VerifyToken } from './auth.js';
export type { Database, Queryable } from './db/database.js';
export { migrate, MIGRATIONS } from './db/migrations.js';
export { DEFAULT_DATA_DIR, openDatabase, type OpenDatabaseOptions } from './db/open.js';
export { pgliteDatabase } from './db/pglite.js';
export { faultsFromEnv, type Faults } from './faults.js';
export { DEFAULT_HOST, DEFAULT_PORT, startServer, type RunningServer, type StartServerOptions } from './start.js';

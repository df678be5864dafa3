/**
 * The server under test: started for real on a free port, on a clean database of each kind
 * (PGlite always; PostgreSQL when TEST_DATABASE_URL is set, as `npm run test:server` does through
 * scripts/postgres.mjs), and talked to over HTTP with fetch.
 */
import { after, before } from 'node:test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, startServer, type Database, type RunningServer, type StartServerOptions } from '../../server/index.js';
import { Api } from './api.js';

export type DatabaseKind = 'pglite' | 'postgres';

const adminUrl = process.env.TEST_DATABASE_URL;
export const databaseKinds: readonly DatabaseKind[] = adminUrl ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase {
  database: Database;
  /** Where another process finds the same data: a PGlite folder or a PostgreSQL URL. */
  location: { dataDir: string } | { url: string } | { memory: true };
  /** Lets go of the data (for another process to open it); `reopen` takes it back. */
  close(): Promise<void>;
  /** Closes the database and opens the same data again, as a restarted server would. */
  reopen(): Promise<Database>;
  /** Closes the database and deletes its data. */
  drop(): Promise<void>;
}

/**
 * A database with nothing in it: PGlite in memory (or in a temporary folder, `onDisk`), or a
 * newly created PostgreSQL database on the test cluster.
 */
export async function freshDatabase(kind: DatabaseKind, { onDisk = false } = {}): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const dataDir = onDisk ? mkdtempSync(join(tmpdir(), 'loadwise-pglite-')) : undefined;
    return handle(
      () => openDatabase(dataDir ? { dataDir } : { memory: true }),
      dataDir ? { dataDir } : { memory: true },
      async () => {
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      },
    );
  }
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set.');
  const name = `loadwise_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return handle(
    () => openDatabase({ url: url.href }),
    { url: url.href },
    () => admin((client) => client.query(`DROP DATABASE ${name} WITH (FORCE)`)),
  );
}

async function handle(open: () => Promise<Database>, location: TestDatabase['location'], remove: () => Promise<void>): Promise<TestDatabase> {
  let database: Database | undefined = await open();
  const close = async () => {
    await database?.close();
    database = undefined;
  };
  return {
    get database() {
      if (!database) throw new Error('The test database is closed.');
      return database;
    },
    location,
    close,
    async reopen() {
      await close();
      return (database = await open());
    },
    async drop() {
      await close();
      await remove();
    },
  };
}

async function admin(work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

export interface TestServer {
  server: RunningServer;
  db: TestDatabase;
  url: string;
  /** A client signed in as `sub`. */
  as(sub: string): Promise<Api>;
  /** A client sending no token. */
  anonymous(): Api;
}

/** Starts a server on a fresh database before the suite's tests, and removes both after them. */
export function useServer(kind: DatabaseKind, options: Omit<StartServerOptions, 'database' | 'port' | 'open'> = {}): TestServer {
  const ctx = {} as TestServer;
  before(async () => {
    ctx.db = await freshDatabase(kind);
    ctx.server = await startServer({ port: 0, database: ctx.db.database, ...options });
    ctx.url = ctx.server.url;
    ctx.as = async (sub) => new Api(ctx.url, await ctx.server.signToken(sub));
    ctx.anonymous = () => new Api(ctx.url);
  });
  after(async () => {
    await ctx.server?.close();
    await ctx.db?.drop();
  });
  return ctx;
}

/** A subject no other test uses, so tests within a suite do not see each other's records. */
export const someone = (name = 'user') => `${name}-${randomBytes(4).toString('hex')}`;

// Web Test Runner plugin: the real reference server (server/), for the remote adapter's tests.
// Each server runs in this Node process on 127.0.0.1, on PGlite (in memory, or in a folder), or on
// the PostgreSQL of TEST_DATABASE_URL when asked for (`database: 'postgres'`; `npm run
// test:browser` starts a throwaway cluster through scripts/postgres.mjs where PostgreSQL is
// installed). CORS allows the test page's origin.
//
// Commands (call them with `executeServerCommand` from `@web/test-runner-commands`):
// - `reference-server-start` { faults?, maxBodyBytes?, dataDir?, demoAuth? }  starts a server; returns
//                                                    { id, url, database: 'pglite' | 'postgres' }.
//                                                    `dataDir: true` keeps PGlite's data in a fresh
//                                                    folder under os.tmpdir(), removed on stop (a
//                                                    string names a folder of your own, kept);
//                                                    without it PGlite runs in memory.
//                                                    `database: 'postgres'` uses TEST_DATABASE_URL.
// - `reference-server-databases`                     the databases servers can use here:
//                                                    ['pglite'], plus 'postgres' when there is one.
// - `reference-server-token` { id, sub }             a token for user `sub` on that server.
// - `reference-server-restart` { id, reopen? }       stops it and starts it again on the same port and
//                                                    database. With `reopen: true` the database itself
//                                                    is closed and opened again in between, from the
//                                                    same PGlite folder or PostgreSQL URL (refused for
//                                                    a database in memory, which would be lost).
//                                                    Returns { url, reopened, opens }.
// - `reference-server-down` { id } / `-up` { id }    stops answering (the port refuses connections),
//                                                    and starts again on the same port and database.
// - `reference-server-stop` { id }
// - `reference-server-query` { id, sql, params }     runs SQL against its database (to check what
//                                                    the server has stored, never to change it).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

register();
const { startServer, openDatabase } = await import('../../server/index.ts');


const servers = new Map();
let nextId = 1;

/** Where a server's database lives, and the temporary folder to remove with it, if any. */
async function placeDatabase(payload) {
  if (payload?.database === 'postgres') {
    if (!process.env.TEST_DATABASE_URL) throw new Error('No PostgreSQL here: run the tests through scripts/postgres.mjs, or set TEST_DATABASE_URL.');
    return { open: { url: process.env.TEST_DATABASE_URL } };
  }
  if (payload?.dataDir === true) {
    const folder = await mkdtemp(join(tmpdir(), 'loadwise-reference-server-'));
    return { open: { dataDir: folder }, temporary: folder };
  }
  if (typeof payload?.dataDir === 'string') return { open: { dataDir: payload.dataDir } };
  return { open: { memory: true } };
}

export function referenceServerPlugin() {
  let origins = [];
  return {
    name: 'reference-server',
    serverStart({ config }) {
      origins = [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];
    },
    async serverStop() {
      const errors = [];
      for (const entry of servers.values()) await entry.stop().catch((error) => errors.push(error));
      servers.clear();
      if (errors.length) throw new AggregateError(errors, 'Some reference servers did not stop cleanly.');
    },
    async executeCommand({ command, payload }) {
      if (!command.startsWith('reference-server-')) return undefined;
      if (command === 'reference-server-databases') return ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];
      if (command === 'reference-server-start') {
        const id = nextId++;
        const { open, temporary } = await placeDatabase(payload);
        const removeFolder = () => (temporary ? rm(temporary, { recursive: true, force: true }) : Promise.resolve());
        // The database outlives restarts: it is opened here, and handed to each start.
        let database;
        try {
          database = await openDatabase(open);
        } catch (error) {
          await removeFolder();
          throw error;
        }
        let databaseOpen = true;
        let opens = 1;
        const secret = `reference-server-test-secret-${id}`.padEnd(40, "-");
        const options = {
          port: 0,
          secret,
          corsOrigins: origins,
          ...(payload?.faults ? { faults: payload.faults } : {}),
          ...(payload?.maxBodyBytes ? { maxBodyBytes: payload.maxBodyBytes } : {}),
          // The demo's sign-in (POST /v1/demo/token), for the tracker demo's tests.
          ...(payload?.demoAuth ? { demoAuth: true } : {}),
        };
        let running = await startServer({ ...options, database });
        const port = running.port;
        let up = true;
        const entry = {
          url: running.url,
          token: (sub) => running.signToken(sub),
          down: async () => {
            if (up) await running.close();
            up = false;
          },
          up: async () => {
            if (!databaseOpen) throw new Error(`Reference server ${id} has no open database.`);
            if (!up) running = await startServer({ ...options, database, port });
            up = true;
          },
          /** Closes the database and opens it again from where it is kept; the server must be down. */
          reopen: async () => {
            if (up) throw new Error(`Reference server ${id} must be down to reopen its database.`);
            if (open.memory) throw new Error('A database in memory cannot be reopened (it would be lost): start the server with { dataDir: true }.');
            databaseOpen = false;
            await database.close();
            database = await openDatabase(open);
            databaseOpen = true;
            opens++;
            return opens;
          },
          opens: () => opens,
          stop: async () => {
            try {
              if (up) await running.close();
              up = false;
              if (databaseOpen) await database.close();
              databaseOpen = false;
            } finally {
              await removeFolder();
            }
          },
          query: (sql, params) => database.query(sql, params),
        };
        servers.set(id, entry);
        return { id, url: running.url, database: database.kind };
      }
      const entry = servers.get(payload?.id);
      if (!entry) throw new Error(`No reference server ${payload?.id}.`);
      if (command === 'reference-server-token') return { token: await entry.token(payload.sub) };
      if (command === 'reference-server-restart') {
        await entry.down();
        if (payload.reopen) await entry.reopen();
        await entry.up();
        return { url: entry.url, reopened: !!payload.reopen, opens: entry.opens() };
      }
      if (command === 'reference-server-down') {
        await entry.down();
        return { up: false };
      }
      if (command === 'reference-server-up') {
        await entry.up();
        return { up: true };
      }
      if (command === 'reference-server-stop') {
        servers.delete(payload.id);
        await entry.stop();
        return { stopped: true };
      }
      if (command === "reference-server-query") return { rows: await entry.query(payload.sql, payload.params ?? []) };
      throw new Error(`Unknown command ${command}.`);
    },
  };
}

// One reference server for the browser tests, in a worker thread of its own (started by
// test/plugins/reference-server.mjs).
//
// Why a thread: PGlite runs its queries synchronously, in WebAssembly, on the thread that owns
// it. Run in Web Test Runner's own process, one test file's busy server (the fault test's fifty
// devices) held up every other file's server, and the runner's own commands with them: a
// `reference-server-start` waited more than 20 s for an answer, and the two-tab conformance test
// ran past its timeout. Here each server has an event loop of its own, and the runner's stays
// free.
//
// workerData: { id, open, temporary, options }: how to open the database (`openDatabase`'s
// options), a folder to remove on stop, and `startServer`'s options. Posts { ready, url, port,
// database } or { failed }; then answers { call, method, args } with { call, ok, value } or
// { call, ok: false, error: { message, stack } }.
import { rm } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { startServer, openDatabase } = await import('../../server/index.ts');

const { id, open, temporary, options } = workerData;
const removeFolder = () => (temporary ? rm(temporary, { recursive: true, force: true }) : Promise.resolve());

// The database outlives restarts: it is opened here, and handed to each start.
let database;
let running;
try {
  database = await openDatabase(open);
  running = await startServer({ ...options, database });
} catch (error) {
  await database?.close().catch(() => {});
  await removeFolder();
  parentPort.postMessage({ failed: error instanceof Error ? error.message : String(error) });
  process.exit(0);
}
const port = running.port;
let databaseOpen = true;
let up = true;
let opens = 1;

const methods = {
  token: (sub) => running.signToken(sub),
  async down() {
    if (up) await running.close();
    up = false;
  },
  async up() {
    if (!databaseOpen) throw new Error(`Reference server ${id} has no open database.`);
    if (!up) running = await startServer({ ...options, database, port });
    up = true;
  },
  /** Closes the database and opens it again from where it is kept; the server must be down. */
  async reopen() {
    if (up) throw new Error(`Reference server ${id} must be down to reopen its database.`);
    if (open.memory) throw new Error('A database in memory cannot be reopened (it would be lost): start the server with { dataDir: true }.');
    databaseOpen = false;
    await database.close();
    database = await openDatabase(open);
    databaseOpen = true;
    return ++opens;
  },
  opens: () => opens,
  async stop() {
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

parentPort.on('message', async ({ call, method, args }) => {
  try {
    if (!Object.hasOwn(methods, method)) throw new Error(`The reference server worker has no method ${method}.`);
    parentPort.postMessage({ call, ok: true, value: await methods[method](...args) });
  } catch (error) {
    parentPort.postMessage({ call, ok: false, error: { message: error?.message ?? String(error), stack: error?.stack } });
  }
});
parentPort.postMessage({ ready: true, url: running.url, port, database: database.kind });

// The browser tests' reference servers, in one worker thread (started by
// test/plugins/reference-server.mjs as the test server starts).
//
// Why a thread: PGlite runs its queries synchronously, in WebAssembly, on the thread that owns
// it. With the servers in Web Test Runner's own process, a busy server (the fault test's fifty
// devices) held up the runner's own commands and every other file's servers: a
// `reference-server-start` waited more than 20 s for an answer, and the two-tab conformance test
// ran past its timeout. Here the runner's event loop stays free; and the soak test, the one that
// keeps a server busy, runs apart from the suite (test/suites.mjs), so the suite's servers, light
// and shared, do not hold each other up. (A thread per server, or per file, paid for loading the
// server's code and a new database again and again, inside tests' timeouts.)
//
// Posts { ready } once the server's code is loaded; then answers { call, method, args } with
// { call, ok, value } or { call, ok: false, error: { message, stack } }. `start` takes
// { id, open, temporary, options }: how to open the database (`openDatabase`'s options), a folder
// to remove on stop, and `startServer`'s options; the other methods take the server's id first.
import { rm } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { startServer, openDatabase, migrate, pgliteDatabase } = await import('../../server/index.ts');
const { PGlite } = await import('@electric-sql/pglite');

/**
 * A dump of a new, migrated PGlite database, made once: a server in memory starts from it in
 * about 0.4 s, where a new database takes 2 s (initdb) on an idle machine and far longer
 * under the suite's load, inside a test's timeout.
 */
let template;
function makeTemplate() {
  template = (async () => {
    const first = await PGlite.create();
    await migrate(pgliteDatabase(first));
    const dump = await first.dumpDataDir('none');
    await first.close();
    return dump;
  })();
  // A failed dump is made again at the next start, which then reports why.
  template.catch(() => (template = undefined));
}
// Made as soon as the worker loads, before the first test needs it.
makeTemplate();

async function openInMemory() {
  if (!template) makeTemplate();
  // Migrated already: the dump was made by this worker, with this code's migrations.
  return pgliteDatabase(await PGlite.create({ loadDataDir: await template }));
}

/** The servers this worker runs, by id. */
const servers = new Map();

function serverOf(id) {
  const server = servers.get(id);
  if (!server) throw new Error(`No reference server ${id}.`);
  return server;
}

async function start({ id, open, temporary, options }) {
  const removeFolder = () => (temporary ? rm(temporary, { recursive: true, force: true }) : Promise.resolve());
  // The database outlives restarts: it is opened here, and handed to each start.
  let database;
  let running;
  try {
    database = open.memory ? await openInMemory() : await openDatabase(open);
    running = await startServer({ ...options, database });
  } catch (error) {
    await database?.close().catch(() => {});
    await removeFolder();
    throw error;
  }
  const port = running.port;
  let databaseOpen = true;
  let up = true;
  let opens = 1;
  servers.set(id, {
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
      servers.delete(id);
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
  });
  return { url: running.url, database: database.kind };
}

const methods = {
  start,
  async stopAll() {
    const errors = [];
    for (const server of [...servers.values()]) await server.stop().catch((error) => errors.push(error.message));
    if (errors.length) throw new Error(`Some reference servers did not stop cleanly: ${errors.join('; ')}`);
  },
};

parentPort.on('message', async ({ call, method, args }) => {
  try {
    let value;
    if (Object.hasOwn(methods, method)) value = await methods[method](...args);
    else {
      const [id, ...rest] = args;
      const server = serverOf(id);
      if (!Object.hasOwn(server, method)) throw new Error(`A reference server has no method ${method}.`);
      value = await server[method](...rest);
    }
    parentPort.postMessage({ call, ok: true, value });
  } catch (error) {
    parentPort.postMessage({ call, ok: false, error: { message: error?.message ?? String(error), stack: error?.stack } });
  }
});
parentPort.postMessage({ ready: true });

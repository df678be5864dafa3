// Web Test Runner plugin: the real reference server (server/), for the remote adapter's tests.
// The servers run on 127.0.0.1 in one worker thread, away from the runner's own event loop
// (reference-server-worker.mjs says why), on PGlite (in memory, or in a folder), or on the
// PostgreSQL of TEST_DATABASE_URL when asked for (`database: 'postgres'`; `npm run test:browser`
// starts a throwaway cluster through scripts/postgres.mjs where PostgreSQL is installed). CORS
// allows the test page's origin.
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
import { Worker } from 'node:worker_threads';

/** Each server's address, by id. */
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

/**
 * Starts the servers' worker. Resolves, once its code is loaded, to `call`, which runs one of the
 * worker's methods (see the worker) and answers with the result, and `terminate`.
 */
function startWorker() {
  const worker = new Worker(new URL('./reference-server-worker.mjs', import.meta.url));
  const pending = new Map();
  let calls = 0;
  let gone;
  const fail = (error) => {
    gone ??= error;
    for (const { reject } of pending.values()) reject(gone);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`The reference servers stopped (their worker exited with ${code}).`)));
  const ready = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', () => reject(gone));
  });
  worker.on('message', (message) => {
    const waiting = pending.get(message.call);
    if (!waiting) return;
    pending.delete(message.call);
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(Object.assign(new Error(message.error.message), { stack: message.error.stack }));
  });
  const call = (method, ...args) =>
    new Promise((resolve, reject) => {
      if (gone) return reject(gone);
      const id = ++calls;
      pending.set(id, { resolve, reject });
      worker.postMessage({ call: id, method, args });
    });
  return ready.then(() => ({ call, terminate: () => worker.terminate() }));
}

/** The one worker every server runs in, started with the test server (before any test). */
let serverWorker;

export function referenceServerPlugin() {
  let origins = [];
  return {
    name: 'reference-server',
    serverStart({ config }) {
      origins = [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];
      serverWorker = startWorker();
      serverWorker.catch(() => {}); // reported by the first start that needs it
    },
    async serverStop() {
      const worker = await serverWorker?.catch(() => undefined);
      serverWorker = undefined;
      servers.clear();
      if (!worker) return;
      try {
        await worker.call('stopAll');
      } finally {
        await worker.terminate();
      }
    },
    async executeCommand({ command, payload }) {
      if (!command.startsWith('reference-server-')) return undefined;
      if (command === 'reference-server-databases') return ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];
      if (command === 'reference-server-start') {
        const id = nextId++;
        const { open, temporary } = await placeDatabase(payload);
        const options = {
          port: 0,
          secret: `reference-server-test-secret-${id}`.padEnd(40, '-'),
          corsOrigins: origins,
          ...(payload?.faults ? { faults: payload.faults } : {}),
          ...(payload?.maxBodyBytes ? { maxBodyBytes: payload.maxBodyBytes } : {}),
          // The demo's sign-in (POST /v1/demo/token), for the tracker demo's tests.
          ...(payload?.demoAuth ? { demoAuth: true } : {}),
        };
        try {
          const worker = await serverWorker;
          const { url, database } = await worker.call('start', { id, open, temporary, options });
          servers.set(id, url);
          return { id, url, database };
        } catch (error) {
          if (temporary) await rm(temporary, { recursive: true, force: true });
          throw error;
        }
      }
      const url = servers.get(payload?.id);
      if (!url) throw new Error(`No reference server ${payload?.id}.`);
      const worker = await serverWorker;
      const id = payload.id;
      if (command === 'reference-server-token') return { token: await worker.call('token', id, payload.sub) };
      if (command === 'reference-server-restart') {
        await worker.call('down', id);
        if (payload.reopen) await worker.call('reopen', id);
        await worker.call('up', id);
        return { url, reopened: !!payload.reopen, opens: await worker.call('opens', id) };
      }
      if (command === 'reference-server-down') {
        await worker.call('down', id);
        return { up: false };
      }
      if (command === 'reference-server-up') {
        await worker.call('up', id);
        return { up: true };
      }
      if (command === 'reference-server-stop') {
        servers.delete(id);
        await worker.call('stop', id);
        return { stopped: true };
      }
      if (command === 'reference-server-query') return { rows: await worker.call('query', id, payload.sql, payload.params ?? []) };
      throw new Error(`Unknown command ${command}.`);
    },
  };
}

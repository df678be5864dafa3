// Web Test Runner plugin: the real reference server (server/), for the remote adapter's tests.
// Each server runs in this Node process on 127.0.0.1, on PGlite in memory, or on PostgreSQL when
// TEST_DATABASE_URL is set; CORS allows the test page's origin.
//
// Commands (call them with `executeServerCommand` from `@web/test-runner-commands`):
// - `reference-server-start` { faults?, maxBodyBytes? }  starts a server; returns { id, url }.
// - `reference-server-token` { id, sub }             a token for user `sub` on that server.
// - `reference-server-restart` { id }                stops it and starts it again on the same port and
//                                                    database (PGlite data folder or PostgreSQL).
// - `reference-server-down` { id } / `-up` { id }    stops answering (the port refuses connections),
//                                                    and starts again on the same port and database.
// - `reference-server-stop` { id }
// - `reference-server-query` { id, sql, params }     runs SQL against its database (to check what
//                                                    the server has stored, never to change it).
import { register } from 'tsx/esm/api';

register();
const { startServer, openDatabase } = await import('../../server/index.ts');


const servers = new Map();
let nextId = 1;

export function referenceServerPlugin() {
  let origins = [];
  return {
    name: 'reference-server',
    serverStart({ config }) {
      origins = [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];
    },
    async serverStop() {
      for (const entry of servers.values()) await entry.stop();
      servers.clear();
    },
    async executeCommand({ command, payload }) {
      if (!command.startsWith('reference-server-')) return undefined;
      if (command === 'reference-server-start') {
        const id = nextId++;
        const open = process.env.TEST_DATABASE_URL ? { url: process.env.TEST_DATABASE_URL } : payload?.dataDir ? { dataDir: payload.dataDir } : { memory: true };
        // The database outlives restarts: it is opened here, and handed to each start.
        const database = await openDatabase(open);
        const secret = `reference-server-test-secret-${id}`.padEnd(40, "-");
        const options = {
          port: 0,
          database,
          secret,
          corsOrigins: origins,
          ...(payload?.faults ? { faults: payload.faults } : {}),
          ...(payload?.maxBodyBytes ? { maxBodyBytes: payload.maxBodyBytes } : {}),
        };
        let running = await startServer(options);
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
            if (!up) running = await startServer({ ...options, port });
            up = true;
          },
          stop: async () => {
            if (up) await running.close();
            await database.close();
          },
          query: (sql, params) => database.query(sql, params),
        };
        servers.set(id, entry);
        return { id, url: running.url };
      }
      const entry = servers.get(payload?.id);
      if (!entry) throw new Error(`No reference server ${payload?.id}.`);
      if (command === 'reference-server-token') return { token: await entry.token(payload.sub) };
      if (command === 'reference-server-restart') {
        await entry.down();
        await entry.up();
        return { url: entry.url };
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
        await entry.stop();
        servers.delete(payload.id);
        return { stopped: true };
      }
      if (command === "reference-server-query") return { rows: await entry.query(payload.sql, payload.params ?? []) };
      throw new Error(`Unknown command ${command}.`);
    },
  };
}

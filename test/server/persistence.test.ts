/** What was written is there after a restart, and the change numbers carry on from where they were. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, startServer } from '../../server/index.js';
import { Api } from './api.js';
import { reading, session } from './fixtures.js';
import { databaseKinds, freshDatabase } from './harness.js';

const SECRET = 'the same secret across restarts, long enough';

for (const kind of databaseKinds) {
  describe(`restart (${kind})`, () => {
    it('keeps records, tombstones, idempotency keys and the change sequence', async () => {
      const db = await freshDatabase(kind, { onDisk: true });
      try {
        let server = await startServer({ port: 0, database: db.database, secret: SECRET });
        let api = new Api(server.url, await server.signToken('alice'));
        const kept = session();
        const gone = reading();
        const created = await api.put('sessions', kept, { create: true, key: 'create-kept' });
        const goneCreated = await api.put('glucose', gone, { create: true });
        await api.remove('glucose', gone.id, { rev: goneCreated.body.rev });
        const before = await api.changes(0);
        await server.close();

        await db.reopen();
        server = await startServer({ port: 0, database: db.database, secret: SECRET });
        try {
          api = new Api(server.url, await server.signToken('alice'));
          assert.deepEqual((await api.get('sessions', kept.id)).body, created.body);
          assert.equal((await api.get('glucose', gone.id)).body.deleted, true);
          assert.deepEqual((await api.changes(0)).body, before.body);
          const replay = await api.put('sessions', kept, { create: true, key: 'create-kept' });
          assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');

          const next = await api.put('sessions', session(), { create: true });
          assert.equal(next.status, 201);
          const after = await api.changes(before.body.last);
          assert.equal(after.body.changes.length, 1);
          assert.ok(after.body.changes[0].seq > before.body.last);

          // The schema was made once, not again on reopening.
          const migrations = await db.database.query<{ version: number }>('SELECT version FROM loadwise_migrations');
          assert.deepEqual(
            migrations.map((m) => m.version),
            [1],
          );
        } finally {
          await server.close();
        }
      } finally {
        await db.drop();
      }
    });
  });
}

describe('PGlite data folder', () => {
  it('is used by one server at a time', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'loadwise-lock-'));
    try {
      const first = await openDatabase({ dataDir });
      await assert.rejects(openDatabase({ dataDir }), /already open in this process/);
      await first.close();

      // Another process holding it (the lock names a live process)…
      writeFileSync(join(dataDir, 'loadwise-server.pid'), String(process.ppid));
      await assert.rejects(openDatabase({ dataDir }), new RegExp(`in use by another server \\(process ${process.ppid}\\)`));
      // …or one that has died without letting go.
      const dead = spawnSync(process.execPath, ['-e', '']).pid!;
      writeFileSync(join(dataDir, 'loadwise-server.pid'), String(dead));
      const taken = await openDatabase({ dataDir });
      await taken.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

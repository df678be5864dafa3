import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.js';
import type { Database, Queryable } from './database.js';

/**
 * Embedded PostgreSQL (PGlite, compiled to WebAssembly): no server to install. It has a single
 * connection, and runs one transaction at a time, which also serializes every write.
 *
 * @param dataDir a folder to keep the data in (created when missing); none keeps it in memory.
 *   One server at a time may use a folder.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir ? { dataDir } : {});
  } catch (error) {
    unlock();
    throw error;
  }
  return pgliteDatabase(db, unlock);
}

/**
 * The server's `Database` over a PGlite of the caller's (the browser tests start theirs from a
 * dump of a migrated one, in a fifth of the time of a new one). `close` closes it, then calls
 * `onClose`.
 */
export function pgliteDatabase(db: PGlite, onClose: () => void = () => {}): Database {
  const on = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await target.query<Row>(sql, [...params])).rows;
    },
  });
  return {
    kind: 'pglite',
    ...on(db),
    transaction: (work) => db.transaction((tx) => work(on(tx))),
    async close() {
      try {
        await db.close();
      } finally {
        onClose();
      }
    },
  };
}

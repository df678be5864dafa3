import type { Database } from './database.js';
import { migrate } from './migrations.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export const DEFAULT_DATA_DIR = './.loadwise-data';

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string; when given, PostgreSQL is used and the rest is ignored. */
  url?: string;
  /** PGlite's data folder (default `./.loadwise-data`). */
  dataDir?: string;
  /** PGlite in memory: nothing is kept (tests, previews). */
  memory?: boolean;
}

/**
 * Opens the server's database and brings its schema up to date: PostgreSQL when a `url` is
 * given, else embedded PGlite in `dataDir` (or in memory).
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const db = options.url ? await openPostgres(options.url) : await openPglite(options.memory ? undefined : (options.dataDir ?? DEFAULT_DATA_DIR));
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

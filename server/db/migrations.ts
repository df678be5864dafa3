import type { Database } from './database.js';

/**
 * The schema, as numbered steps applied in order on start and recorded in `loadwise_migrations`.
 * A step, once released, never changes: a change is a new step. Table names carry a `loadwise_`
 * prefix so the server can share a database with a site's own tables.
 */
export interface Migration {
  version: number;
  name: string;
  /** One statement each: PGlite's parameterised queries take a single statement. */
  statements: string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'records, change sequence, idempotency keys',
    statements: [
      // One row per user: the last change sequence number given out. A write takes the next one
      // with UPDATE … RETURNING, whose row lock makes a user's writes commit one after another,
      // so their numbers become visible in order and a reader of the changes feed skips nothing.
      `CREATE TABLE loadwise_users (
        user_id text PRIMARY KEY,
        seq bigint NOT NULL
      )`,
      // The latest state of each record, tombstones included. `seq` is the change that wrote it;
      // `sort_at` is what lists order and range by: startedAt, measuredAt, or deletedAt for a
      // tombstone (as the browser adapters do). Ids compare bytewise (COLLATE "C"), like the
      // browser adapters, whatever the database's locale. The record is json, not jsonb: it is
      // only ever read whole, and comes back exactly as it was written.
      `CREATE TABLE loadwise_records (
        user_id text NOT NULL,
        collection text NOT NULL CHECK (collection IN ('sessions', 'glucose')),
        id text COLLATE "C" NOT NULL,
        rev text NOT NULL,
        deleted boolean NOT NULL,
        deleted_at timestamptz,
        record json,
        sort_at timestamptz NOT NULL,
        seq bigint NOT NULL,
        PRIMARY KEY (user_id, collection, id),
        CHECK (deleted = (record IS NULL) AND deleted = (deleted_at IS NOT NULL))
      )`,
      `CREATE INDEX loadwise_records_by_time ON loadwise_records (user_id, collection, sort_at, id)`,
      `CREATE UNIQUE INDEX loadwise_records_by_seq ON loadwise_records (user_id, seq)`,
      // The reply to each write made with an idempotency key, kept to replay it to a retry.
      `CREATE TABLE loadwise_idempotency (
        user_id text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        status integer NOT NULL,
        headers jsonb NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`,
      `CREATE INDEX loadwise_idempotency_by_age ON loadwise_idempotency (created_at)`,
    ],
  },
];

/** An arbitrary constant: the advisory lock that keeps two servers starting at once from racing. */
const MIGRATION_LOCK = 4_607_127_301;

/**
 * Brings the schema up to date in one transaction. Returns the versions it applied. Refuses a
 * database that a newer server has migrated further: it is never downgraded.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS loadwise_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = await tx.query<{ version: number }>('SELECT version FROM loadwise_migrations');
    const done = new Set(rows.map((r) => r.version));
    const known = Math.max(0, ...migrations.map((m) => m.version));
    const newest = Math.max(0, ...done);
    if (newest > known) {
      throw new Error(`The database is at schema version ${newest}, newer than this server knows (${known}); use a newer server.`);
    }
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO loadwise_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}

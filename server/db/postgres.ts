import pg from 'pg';
import type { Database, Queryable } from './database.js';

const INT8_OID = 20;

/**
 * PostgreSQL through a `pg` connection pool.
 *
 * @param url a connection string: `postgres://user:password@host:5432/database`.
 */
export async function openPostgres(url: string, { maxConnections = 10 } = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: maxConnections,
    // bigint as a number, as PGlite returns it: sequence numbers stay far below 2^53.
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  // An idle connection that the server drops (a restart) must not crash the process; the next
  // query opens a new one.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  try {
    await pool.query('SELECT 1'); // fail at start, not at the first request
  } catch (error) {
    await pool.end();
    throw error;
  }
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await client.query(sql, [...params])).rows as Row[];
    },
  });
  return {
    kind: 'postgres',
    ...on(pool),
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is not given back to the pool.
        await client.query('ROLLBACK').catch((e: Error) => (broken = e));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

/**
 * The little the server needs from a database: run a query, run work in a transaction, close.
 * Two implementations, embedded PGlite and PostgreSQL through `pg`, run exactly the same SQL, so
 * what the tests prove on one holds on the other.
 */

/** Something that runs SQL with `$1`-style parameters: the database, or a transaction of it. */
export interface Queryable {
  /** Runs one statement and returns its rows (`bigint` columns come back as numbers). */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  /** `pglite` (embedded) or `postgres`. */
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction (READ COMMITTED): committed when it resolves, rolled back when
   * it throws. Every statement of the work must go through the `tx` it is given.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

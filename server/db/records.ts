/**
 * The SQL for records and the changes feed. Every statement names the user: one user's records
 * are never read or written on another's behalf.
 */
import type { CollectionName, Stored } from '../../src/tracking/storage/types.js';
import type { Queryable } from './database.js';

interface RecordRow {
  collection: CollectionName;
  id: string;
  rev: string;
  deleted: boolean;
  deleted_at: Date | null;
  record: unknown;
  sort_at: Date;
  seq: number;
}

const COLUMNS = 'collection, id, rev, deleted, deleted_at, record, sort_at, seq';

/** A stored record with where it sorts (for cursors) and the change that wrote it. */
export interface StoredRow {
  collection: CollectionName;
  stored: Stored<unknown>;
  sortAt: Date;
  seq: number;
}

function fromRow(row: RecordRow): StoredRow {
  const stored: Stored<unknown> = row.deleted
    ? { id: row.id, rev: row.rev, deleted: true, deletedAt: row.deleted_at!.toISOString() }
    : { id: row.id, rev: row.rev, deleted: false, record: row.record };
  return { collection: row.collection, stored, sortAt: row.sort_at, seq: row.seq };
}

export async function getRecord(db: Queryable, user: string, collection: CollectionName, id: string): Promise<StoredRow | undefined> {
  const rows = await db.query<RecordRow>(`SELECT ${COLUMNS} FROM loadwise_records WHERE user_id = $1 AND collection = $2 AND id = $3`, [
    user,
    collection,
    id,
  ]);
  return rows[0] && fromRow(rows[0]);
}

export interface ListParams {
  /** Inclusive lower bound on the sort time (ISO instant). */
  from?: string;
  /** Exclusive upper bound. */
  to?: string;
  order: 'asc' | 'desc';
  limit: number;
  /** Continue after this position (the last item of the previous page). */
  after?: { at: string; id: string };
  includeDeleted: boolean;
}

/** One page in (sort time, id) order; `more` tells whether anything follows it. */
export async function listRecords(
  db: Queryable,
  user: string,
  collection: CollectionName,
  params: ListParams,
): Promise<{ rows: StoredRow[]; more: boolean }> {
  const values: unknown[] = [user, collection];
  const param = (value: unknown) => `$${values.push(value)}`;
  const where = ['user_id = $1', 'collection = $2'];
  if (!params.includeDeleted) where.push('NOT deleted');
  if (params.from) where.push(`sort_at >= ${param(params.from)}::timestamptz`);
  if (params.to) where.push(`sort_at < ${param(params.to)}::timestamptz`);
  const desc = params.order === 'desc';
  if (params.after) {
    // A row comparison walks the (user, collection, sort_at, id) index from the cursor on.
    where.push(`(sort_at, id) ${desc ? '<' : '>'} (${param(params.after.at)}::timestamptz, ${param(params.after.id)}::text COLLATE "C")`);
  }
  const direction = desc ? 'DESC' : 'ASC';
  const rows = await db.query<RecordRow>(
    `SELECT ${COLUMNS} FROM loadwise_records WHERE ${where.join(' AND ')}
     ORDER BY sort_at ${direction}, id ${direction} LIMIT ${param(params.limit + 1)}`,
    values,
  );
  return { rows: rows.slice(0, params.limit).map(fromRow), more: rows.length > params.limit };
}

/**
 * Takes the user's next change number, locking the user's counter row until the transaction
 * ends. Call it first in every write transaction: writes of one user then commit strictly one
 * after another, in sequence order, and always take their locks in the same order.
 */
export async function nextSeq(tx: Queryable, user: string): Promise<number> {
  const rows = await tx.query<{ seq: number }>(
    `INSERT INTO loadwise_users AS u (user_id, seq) VALUES ($1, 1)
     ON CONFLICT (user_id) DO UPDATE SET seq = u.seq + 1 RETURNING seq`,
    [user],
  );
  return rows[0]!.seq;
}

/** The last change number given out for the user (0 before the first write). */
export async function lastSeq(db: Queryable, user: string): Promise<number> {
  const rows = await db.query<{ seq: number }>('SELECT seq FROM loadwise_users WHERE user_id = $1', [user]);
  return rows[0]?.seq ?? 0;
}

/** Writes a record or a tombstone as change `seq`. */
export async function saveRecord(
  tx: Queryable,
  user: string,
  collection: CollectionName,
  stored: Stored<unknown>,
  sortAt: string,
  seq: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO loadwise_records (user_id, collection, id, rev, deleted, deleted_at, record, sort_at, seq)
     VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7::json, $8::timestamptz, $9)
     ON CONFLICT (user_id, collection, id) DO UPDATE SET
       rev = EXCLUDED.rev, deleted = EXCLUDED.deleted, deleted_at = EXCLUDED.deleted_at,
       record = EXCLUDED.record, sort_at = EXCLUDED.sort_at, seq = EXCLUDED.seq`,
    [
      user,
      collection,
      stored.id,
      stored.rev,
      stored.deleted,
      stored.deleted ? stored.deletedAt : null,
      stored.deleted ? null : JSON.stringify(stored.record),
      sortAt,
      seq,
    ],
  );
}

/**
 * Records changed after change `since`, oldest change first: each record once, as it is now
 * (a record changed twice shows at its latest change).
 */
export async function listChanges(db: Queryable, user: string, since: number, limit: number): Promise<{ rows: StoredRow[]; more: boolean }> {
  const rows = await db.query<RecordRow>(`SELECT ${COLUMNS} FROM loadwise_records WHERE user_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [
    user,
    since,
    limit + 1,
  ]);
  return { rows: rows.slice(0, limit).map(fromRow), more: rows.length > limit };
}

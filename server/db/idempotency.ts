/**
 * Replies to writes made with an idempotency key, kept per user and key so that a retry (after a
 * reply lost on the way back) gets the same reply instead of writing twice. Saved in the same
 * transaction as the write: a committed write always has its reply on record.
 */
import type { Queryable } from './database.js';

/** A reply as sent: status, the headers that matter (ETag, Location) and the body's exact text. */
export interface SavedReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface KeyedReply extends SavedReply {
  /** Identifies the request the key was first used with (method, path, preconditions, body). */
  fingerprint: string;
}

export async function findReply(tx: Queryable, user: string, key: string): Promise<KeyedReply | undefined> {
  const rows = await tx.query<KeyedReply>('SELECT fingerprint, status, headers, body FROM loadwise_idempotency WHERE user_id = $1 AND key = $2', [
    user,
    key,
  ]);
  return rows[0];
}

export async function saveReply(tx: Queryable, user: string, key: string, reply: KeyedReply): Promise<void> {
  await tx.query('INSERT INTO loadwise_idempotency (user_id, key, fingerprint, status, headers, body) VALUES ($1, $2, $3, $4, $5::jsonb, $6)', [
    user,
    key,
    reply.fingerprint,
    reply.status,
    JSON.stringify(reply.headers),
    reply.body,
  ]);
}

/** Forgets replies older than `hours`: long past any retry. Returns how many were dropped. */
export async function pruneReplies(db: Queryable, hours: number): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `WITH gone AS (DELETE FROM loadwise_idempotency WHERE created_at < now() - make_interval(hours => $1) RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [hours],
  );
  return rows[0]?.n ?? 0;
}

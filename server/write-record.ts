/**
 * One write (a put or a removal) as one transaction: take the user's next change number (which
 * locks the user's writes in order), answer a repeated idempotency key with the reply it got the
 * first time, else check the precondition against the record as it is, write, and keep the reply
 * for the key. Anything refused (412, 404, 422) rolls the whole transaction back.
 */
import { createHash } from 'node:crypto';
import { defaultCollections } from '../src/tracking/storage/collections.js';
import type { CollectionName, Stored } from '../src/tracking/storage/types.js';
import type { Database } from './db/database.js';
import { findReply, saveReply, type SavedReply } from './db/idempotency.js';
import { getRecord, nextSeq, saveRecord } from './db/records.js';
import { etagOf } from './preconditions.js';
import { Problem, problemType } from './problems.js';

/** What a write does with the record as it is now: write something new, or leave it as it is. */
export type Decision = { write: Stored<unknown>; status: 200 | 201 } | { keep: Stored<unknown> };

export interface WriteRequest {
  user: string;
  collection: CollectionName;
  id: string;
  idempotencyKey: string;
  /** Identifies the request, so a key reused for a different one is caught. */
  fingerprint: string;
  /** Where the record lives, for `Location` on a 201. */
  location: string;
  /** Checks the precondition against the current record (throwing a `Problem` to refuse). */
  decide(current: Stored<unknown> | undefined): Decision;
}

export interface WriteResult {
  reply: SavedReply;
  /** The key had been used for this same request: this is the first reply, again. */
  replayed: boolean;
  /** Something new was committed (a fault may drop the reply now, to test retries). */
  committed: boolean;
}

/** Same method, target, preconditions and body bytes: the same request. */
export function fingerprint(parts: readonly (string | undefined)[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

export function writeRecord(db: Database, request: WriteRequest): Promise<WriteResult> {
  const { user, collection, id, idempotencyKey } = request;
  return db.transaction(async (tx) => {
    // First, always: this lock orders the user's writes (see nextSeq). A replay commits the number
    // unused, a gap readers of the feed never mind: it only has to increase. (A refusal throws,
    // which rolls the number back.)
    const seq = await nextSeq(tx, user);
    const seen = await findReply(tx, user, idempotencyKey);
    if (seen) {
      if (seen.fingerprint !== request.fingerprint) {
        throw new Problem({
          status: 422,
          type: problemType('idempotency-key-reused'),
          title: 'This idempotency key was used for another request',
          detail: 'Use a new Idempotency-Key for each new write; repeat a key only to retry the very same request.',
        });
      }
      return { reply: { status: seen.status, headers: seen.headers, body: seen.body }, replayed: true, committed: false };
    }
    const current = (await getRecord(tx, user, collection, id))?.stored;
    const decision = request.decide(current);
    const stored = 'write' in decision ? decision.write : decision.keep;
    if ('write' in decision) await saveRecord(tx, user, collection, stored, sortTime(collection, stored), seq);
    const status = 'write' in decision ? decision.status : 200;
    const reply: SavedReply = {
      status,
      headers: { ETag: etagOf(stored.rev), ...(status === 201 ? { Location: request.location } : {}) },
      body: JSON.stringify(stored),
    };
    await saveReply(tx, user, idempotencyKey, { ...reply, fingerprint: request.fingerprint });
    return { reply, replayed: false, committed: 'write' in decision };
  });
}

/** What a stored record sorts and ranges by, as the browser adapters do: its time, or when it was removed. */
function sortTime(collection: CollectionName, stored: Stored<unknown>): string {
  const time = stored.deleted ? stored.deletedAt : (defaultCollections[collection].timeOf as (r: unknown) => string)(stored.record);
  return new Date(Date.parse(time)).toISOString();
}

/**
 * Sending one outbox entry, and what its answer leaves in the replica. The order, the retries and
 * the lock are the sync engine's (`RestAdapter`); this is one step of its push.
 */
import type { BackendWrite } from '../backend.js';
import type { SyncConflict, SyncFailure } from '../sync.js';
import type { Stored } from '../types.js';
import { conflictKey, FAILED, OUTBOX, serverRevKey, type OutboxEntry, type SyncLedger } from './outbox.js';
import type { Outcome, RestClient } from './rest-client.js';

/** Sends `entry` with If-Match `base` (the server's revision as this device last heard it; null for none). */
export function send(client: RestClient, entry: OutboxEntry, base: string | null, signal: AbortSignal): Promise<Outcome<Stored<unknown> | undefined>> {
  const call = { collection: entry.collection, id: entry.id, base, idempotencyKey: entry.key };
  if (entry.op === 'put') return client.put(call, entry.record, signal);
  // Removed before the server ever had it: nothing to send.
  if (base === null) return Promise.resolve({ kind: 'ok', value: undefined });
  return client.remove({ ...call, base }, signal);
}

/**
 * The writes that settle a sent entry (its key `next`): it leaves the outbox, and the server's new
 * revision, the conflict (with this device's version, read by `readLocal`) or the refusal is kept.
 */
export async function settle(
  ledger: SyncLedger,
  next: string,
  entry: OutboxEntry,
  outcome: Exclude<Outcome<Stored<unknown> | undefined>, { kind: 'transient' | 'unauthorized' }>,
  readLocal: () => Promise<Stored<unknown> | undefined>,
): Promise<BackendWrite[]> {
  const writes: BackendWrite[] = [[next, undefined]];
  if (outcome.kind === 'ok') {
    if (outcome.value) writes.push([serverRevKey(entry.collection, entry.id), outcome.value.rev]);
  } else if (outcome.kind === 'conflict') {
    // Both versions are kept; this record's later changes wait for the person's choice.
    writes.push(...ledger.dropWaiting(entry.collection, entry.id));
    const local = await readLocal();
    writes.push([conflictKey(entry.collection, entry.id), { collection: entry.collection, id: entry.id, local, remote: outcome.current } satisfies SyncConflict]);
  } else {
    const key = `${FAILED}${next.slice(OUTBOX.length)}`;
    writes.push([
      key,
      { key, collection: entry.collection, id: entry.id, op: entry.op, status: outcome.status, message: outcome.message, issues: outcome.issues } satisfies SyncFailure,
    ]);
  }
  return writes;
}

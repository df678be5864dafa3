/**
 * Bulk writes for any adapter: its own `putMany` when it has one, else `put` record by record
 * with the same outcome per record. Importers and syncs call this, never `adapter.putMany` directly.
 */
import { StorageError } from './errors.js';
import type { BatchPut, BatchResult, CollectionName, StorageAdapter } from './types.js';

/** Failures of the store itself: once one happens, the writes after it are not attempted. */
const STORE_FAILURES: ReadonlySet<string> = new Set(['quota', 'offline', 'unavailable', 'unauthorized']);

/** Whether a failed write failed because of the store (full, closed, offline), not the record. */
export const isStoreFailure = (error: StorageError): boolean => STORE_FAILURES.has(error.code);

export async function putMany<C extends CollectionName>(adapter: StorageAdapter, collection: C, puts: readonly BatchPut<C>[]): Promise<BatchResult<C>[]> {
  if (adapter.putMany) return adapter.putMany(collection, puts);
  const results: BatchResult<C>[] = [];
  for (const { record, ...options } of puts) {
    const failed = results.at(-1);
    if (failed && !failed.ok && isStoreFailure(failed.error)) {
      results.push(failed);
      continue;
    }
    try {
      results.push({ ok: true, stored: await adapter.put(collection, record, options) });
    } catch (error) {
      results.push({ ok: false, error: error instanceof StorageError ? error : new StorageError('unavailable', String(error), { cause: error }) });
    }
  }
  return results;
}

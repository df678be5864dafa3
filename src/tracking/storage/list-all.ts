import type { CollectionName, CollectionRecords, ListQuery, StorageAdapter, StoredOf } from './types.js';

/** Every record of a collection that matches `query`, in time order, read page by page. */
export async function listAll<C extends CollectionName>(
  adapter: StorageAdapter,
  collection: C,
  query: Omit<ListQuery, 'cursor' | 'limit'> = {},
): Promise<StoredOf<C>[]> {
  const all: StoredOf<C>[] = [];
  let cursor: string | undefined;
  do {
    const page = await adapter.list(collection, { ...query, limit: 1000, ...(cursor ? { cursor } : {}) });
    all.push(...(page.items as StoredOf<C>[]));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** The live records (no tombstones) of a collection that match `query`, in time order. */
export async function listRecords<C extends CollectionName>(
  adapter: StorageAdapter,
  collection: C,
  query: Omit<ListQuery, 'cursor' | 'limit' | 'includeDeleted'> = {},
): Promise<CollectionRecords[C][]> {
  return (await listAll(adapter, collection, query)).flatMap((s) => (s.deleted ? [] : [s.record as CollectionRecords[C]]));
}

/**
 * The JSON export: everything in a store, with ids and revisions, in a versioned envelope that
 * `importData` reads back.
 */
import { COLLECTIONS, type CollectionName, type StorageAdapter, type StoredOf } from '../types.js';
import { listAll } from '../list-all.js';

/** The envelope's `format`: how an import recognises a loadwise export. */
export const EXPORT_FORMAT = 'loadwise-export';
/** The envelope version this code writes and reads. A newer one is refused, not guessed at. */
export const EXPORT_VERSION = 1;

/**
 * One record as exported: exactly what the adapter stores, `{ id, rev, deleted: false, record }`,
 * or for a removed record (with `includeDeleted`) its tombstone `{ id, rev, deleted: true, deletedAt }`.
 */
export type StoredEntry<C extends CollectionName = CollectionName> = StoredOf<C>;

export interface ExportEnvelope {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** When the export was made (ISO 8601, UTC). */
  exportedAt: string;
  app: 'loadwise';
  collections: { [C in CollectionName]: StoredEntry<C>[] };
}

export interface ExportOptions {
  /** Also export tombstones of removed records (for a full backup or a sync). Off by default. */
  includeDeleted?: boolean;
  /** When to say the export was made; now by default. */
  now?: Date;
}

/**
 * Exports every session and glucose reading in `adapter`, with its id and revision.
 *
 * Importing the envelope into an empty store gives back the same records (same ids, same
 * contents). The revisions in the file say which version of each record it holds: importing it
 * again reports records still at that revision as unchanged. A record newly added by an import
 * gets a fresh revision from the adapter, as every write does.
 */
export async function exportJson(adapter: StorageAdapter, { includeDeleted = false, now = new Date() }: ExportOptions = {}): Promise<ExportEnvelope> {
  const collections = {} as { [C in CollectionName]: StoredEntry<C>[] };
  for (const collection of COLLECTIONS) {
    // The envelope is the caller's own snapshot, editable: a copy of the adapter's frozen records.
    (collections as Record<CollectionName, StoredEntry[]>)[collection] = structuredClone(await listAll(adapter, collection, { includeDeleted }));
  }
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), app: 'loadwise', collections };
}

export interface ExportJsonTextOptions extends ExportOptions {
  /** Indentation, as for `JSON.stringify`: none by default (smallest file), 2 for people to read. */
  space?: number;
}

/** `exportJson` as the text of a `.json` file. */
export async function exportJsonText(adapter: StorageAdapter, { space, ...options }: ExportJsonTextOptions = {}): Promise<string> {
  return JSON.stringify(await exportJson(adapter, options), null, space);
}

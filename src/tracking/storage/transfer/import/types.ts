/**
 * What an import takes and gives back: its options, its report (every row in exactly one bucket),
 * the error for a file it cannot read at all, and the row a reader (`json-rows.ts`,
 * `csv-rows.ts`) hands to the placer (`place.ts`).
 */
import type { FieldIssue } from '../../../../base/validation.js';
import type { CollectionSpecs } from '../../collections.js';
import type { CollectionName } from '../../types.js';

export type ImportFormat = 'json' | 'csv';

export interface ImportOptions {
  /** `json` or `csv`; by default told from the content (a JSON export starts with `{`). */
  format?: ImportFormat;
  /** Called after each chunk with the rows done so far and the rows in the file. */
  onProgress?: (done: number, total: number) => void;
  /** Stops the import between two rows; the report then says what was done (`cancelled: true`). */
  signal?: AbortSignal;
  /** Rows per chunk between two yields to the event loop: 100 by default. */
  chunkSize?: number;
  /** Record shapes, versions and migrations, if the adapter was given its own; the built-in ones by default. */
  collections?: CollectionSpecs;
  /** The time given to CSV rows without `createdAt` / `updatedAt`; now by default. */
  now?: Date;
}

/**
 * Why a row was not written although it is valid. In every case the stored record is kept as it
 * is; `incoming` holds the file's version, so a person can be shown both and choose.
 *
 * - `different`: the store holds another version of this record (another revision, other contents);
 * - `edited`: the same revision as the store, with other contents: the file was edited by hand;
 * - `removed-here`: the record was removed from this store; an import does not bring it back;
 * - `removed-in-file`: the file holds a removal (a tombstone) of a record this store still has;
 * - `unreadable-here`: a stored value that could not be read (in quarantine) holds this id.
 */
export type ConflictReason = 'different' | 'edited' | 'removed-here' | 'removed-in-file' | 'unreadable-here';

export interface ImportConflict {
  collection: CollectionName;
  /** CSV: the data row, 1-based, the header not counted. JSON: the index in its collection's list. */
  row: number;
  /** `row 7` (CSV) or `sessions[3]` (JSON): how to name the row to a person. */
  where: string;
  id: string;
  reason: ConflictReason;
  /** `row 7: a different version of this session is stored; the stored one was kept`. */
  message: string;
  /** The revision of what is stored, if anything readable is. */
  storedRev?: string;
  /** The record as the file has it (undefined for a removal). */
  incoming?: unknown;
}

export interface ImportRejection {
  collection: CollectionName;
  row: number;
  where: string;
  /** The id the row gives, if it gives one. */
  id?: string;
  /** Each problem; `path` names the CSV column (`durationMin`, `exercises[0].sets[1].reps`) or the JSON field. */
  issues: FieldIssue[];
  /** `row 7: durationMin must be between 1 and 1440 minutes`. */
  message: string;
}

/** Something about the file as a whole that was not imported: an unknown column, say. */
export interface ImportWarning {
  message: string;
  /** The CSV column it is about. */
  column?: string;
}

export interface ImportReport {
  format: ImportFormat;
  /** Rows in the file: CSV data rows (blank lines not counted), JSON entries of known collections. */
  total: number;
  /** Rows done. `added + unchanged + conflicts.length + rejected.length === processed`, always. */
  processed: number;
  /** Written as new records (each with a fresh revision from the adapter). */
  added: number;
  /**
   * Already there: the store holds the record with the same id and the same contents (so the
   * same revision, for a JSON export), or a removal the file also has. Nothing was written.
   */
  unchanged: number;
  conflicts: ImportConflict[];
  rejected: ImportRejection[];
  warnings: ImportWarning[];
  /** Every row was done: `processed === total`, not cancelled, no storage error. */
  complete: boolean;
  /** Stopped by the `signal`; the rows after `processed` were not looked at. */
  cancelled: boolean;
  /** A storage error that stopped the import (storage full, say): rows up to `processed` are done. */
  error?: { code: string; message: string };
}

export type ImportFileProblem =
  | 'empty'
  | 'unreadable'
  | 'not-recognised'
  | 'bad-json'
  | 'not-an-export'
  | 'bad-envelope'
  | 'version-too-new'
  | 'bad-header';

/**
 * The file as a whole cannot be imported (not CSV or JSON, not a loadwise export, a newer export
 * version, a CSV without the needed columns). Nothing was written. Check `error.code ===
 * 'import-file'` rather than `instanceof` when two copies of loadwise may be on one page.
 */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
  readonly code = 'import-file';
  constructor(
    readonly problem: ImportFileProblem,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Rows, as a reader gives them

/** A row, checked and ready to be placed, or the reasons it cannot be. */
export type Prepared =
  | {
      kind: 'record';
      id: string;
      record: Record<string, unknown>;
      /** The revision the file gives (JSON only). */
      rev?: string;
      /** Top-level fields the importer filled in (not in the file): left out when comparing. */
      ignore: readonly string[];
    }
  | { kind: 'tombstone'; id: string; rev: string }
  | { kind: 'invalid'; id?: string; issues: FieldIssue[] };

/** A row that can be placed: a record or a removal. */
export type Placeable = Exclude<Prepared, { kind: 'invalid' }>;

/** One row of the file, named as the report names it. */
export interface Row {
  collection: CollectionName;
  /** CSV: the data row, 1-based. JSON: the index in its collection's list. */
  row: number;
  /** `row 7` or `sessions[3]`. */
  where: string;
  /** Checks the row when its turn comes, so a large file is validated chunk by chunk. */
  prepare(): Prepared;
}

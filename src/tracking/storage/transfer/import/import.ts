/**
 * Importing a loadwise JSON export or a sessions CSV into a store, row by row, without ever
 * overwriting what is stored and without dropping anything unseen: every row of the file ends up
 * in exactly one bucket of the report (added, unchanged, conflict or rejected).
 *
 * Large files do not freeze the page: rows are validated and written in chunks, yielding to the
 * event loop between chunks, and an `AbortSignal` stops the import between two rows.
 */
import { defaultCollections } from '../../collections.js';
import type { CollectionName, StorageAdapter } from '../../types.js';
import { csvRows } from './csv-rows.js';
import { jsonRows } from './json-rows.js';
import { place, type Outcome } from './place.js';
import type { FieldIssue } from '../../../../base/validation.js';
import { ImportFileError, type ConflictReason, type ImportFormat, type ImportOptions, type ImportReport, type ImportWarning, type Prepared, type Row } from './types.js';

export { ImportFileError } from './types.js';
export type {
  ImportFormat,
  ImportOptions,
  ConflictReason,
  ImportConflict,
  ImportRejection,
  ImportWarning,
  ImportReport,
  ImportFileProblem,
} from './types.js';

const rejectionMessage = (where: string, issues: FieldIssue[]) =>
  `${where}: ${issues.map((i) => (i.path.startsWith('(') ? i.message : `${i.path} ${i.message}`)).join('; ')}`;

const CONFLICT_TEXT: Record<ConflictReason, (noun: string) => string> = {
  different: (noun) => `a different version of this ${noun} is stored; the stored one was kept`,
  edited: (noun) => `this ${noun} has the stored revision but other contents (was the file edited?); the stored one was kept`,
  'removed-here': (noun) => `this ${noun} was removed here; the import does not bring it back`,
  'removed-in-file': (noun) => `the file holds a removal of this ${noun}; the stored one was kept`,
  'unreadable-here': (noun) => `a stored value that could not be read holds this ${noun}'s id; resolve it in the quarantine first`,
};
const NOUN: Record<CollectionName, string> = { sessions: 'session', glucose: 'reading' };

/**
 * Lets the page run (input, rendering, timers) before the next chunk. A timer task queues behind
 * the page's own timers, so they all get their turn: `scheduler.yield()` would put the import
 * ahead of them, and Chromium runs message tasks ahead of timers too, so either would starve a
 * page's timers until the import ended. The cost is the browser's 4 ms clamp on nested timers.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Tells a JSON export from a CSV by its first character. */
export function sniffFormat(text: string): ImportFormat {
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'csv';
}

/**
 * Imports a loadwise JSON export (sessions and glucose readings) or a sessions CSV into `adapter`.
 *
 * Each row is checked on its own; a bad row is rejected (with its row number and each field at
 * fault) and the good ones are imported. A row whose id is already stored is never written over:
 * it is `unchanged` when the stored record is the same, else a conflict, listed with both versions.
 * New records are written with `expectedRev: null`, which creates or fails: running the same
 * import again after a crash finds each record already there (`unchanged`) and writes nothing
 * twice, without spending storage on an idempotency key per row. A CSV row without an id gets one made from its
 * contents (a version-8 UUID), so re-importing the same file does not duplicate it either.
 *
 * Throws `ImportFileError` (nothing written) when the file as a whole cannot be imported. A
 * storage error partway (storage full, say) stops the import and is returned in the report.
 */
export async function importData(adapter: StorageAdapter, input: string | Blob, options: ImportOptions = {}): Promise<ImportReport> {
  const { onProgress, signal, collections: specs = defaultCollections } = options;
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? 100));
  let text: string;
  try {
    text = typeof input === 'string' ? input : await input.text();
  } catch (error) {
    throw new ImportFileError('unreadable', `The file could not be read: ${(error as Error).message}`);
  }
  text = text.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new ImportFileError('empty', 'This file is empty.');

  const format = options.format ?? sniffFormat(text);
  const warnings: ImportWarning[] = [];
  const rows = format === 'json' ? jsonRows(text, specs, warnings) : csvRows(text, specs, (options.now ?? new Date()).toISOString(), warnings);
  const report: ImportReport = {
    format,
    total: rows.length,
    processed: 0,
    added: 0,
    unchanged: 0,
    conflicts: [],
    rejected: [],
    warnings,
    complete: false,
    cancelled: false,
  };

  await adapter.open();
  outer: for (let start = 0; start < rows.length; start += chunkSize) {
    // Parsing a large file takes a moment too: let the page breathe before the first chunk as well.
    await yieldToEventLoop();
    for (const row of rows.slice(start, start + chunkSize)) {
      if (signal?.aborted) {
        report.cancelled = true;
        break outer;
      }
      const p = row.prepare();
      let outcome: Outcome;
      if (p.kind === 'invalid') outcome = { bucket: 'rejected', issues: p.issues };
      else {
        try {
          outcome = await place(adapter, row.collection, p);
        } catch (error) {
          const e = error as { code?: unknown; message?: unknown };
          report.error = { code: typeof e.code === 'string' ? e.code : 'unknown', message: String(e.message ?? error) };
          break outer;
        }
      }
      count(report, row, p, outcome);
    }
    onProgress?.(report.processed, report.total);
  }
  report.complete = report.processed === report.total && !report.cancelled && !report.error;
  return report;
}

/** Puts a done row in its bucket of the report, named as a person would find it in the file. */
function count(report: ImportReport, row: Row, p: Prepared, outcome: Outcome): void {
  const id = p.id;
  const base = { collection: row.collection, row: row.row, where: row.where };
  if (outcome.bucket === 'added') report.added++;
  else if (outcome.bucket === 'unchanged') report.unchanged++;
  else if (outcome.bucket === 'rejected') {
    report.rejected.push({ ...base, ...(id ? { id } : {}), issues: outcome.issues, message: rejectionMessage(row.where, outcome.issues) });
  } else {
    report.conflicts.push({
      ...base,
      id: id!,
      reason: outcome.reason,
      message: `${row.where}: ${CONFLICT_TEXT[outcome.reason](NOUN[row.collection])}`,
      ...(outcome.storedRev ? { storedRev: outcome.storedRev } : {}),
      ...(p.kind === 'record' ? { incoming: p.record } : {}),
    });
  }
  report.processed++;
}

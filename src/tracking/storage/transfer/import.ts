/**
 * Importing a loadwise JSON export or a sessions CSV into a store, row by row, without ever
 * overwriting what is stored and without dropping anything unseen: every row of the file ends up
 * in exactly one bucket of the report (added, unchanged, conflict or rejected).
 *
 * Large files do not freeze the page: rows are validated and written in chunks, yielding to the
 * event loop between chunks, and an `AbortSignal` stops the import between two rows.
 */
import { csvParseRows } from 'd3-dsv';
import * as z from 'zod/mini';
import { validate, type FieldIssue } from '../../../base/validation.js';
import { isTimeZone } from '../../model.js';
import { defaultCollections, upgradeIssues, upgradeRecord, type CollectionSpecs } from '../collections.js';
import { COLLECTIONS, type CollectionName, type CollectionRecords, type StorageAdapter, type Stored } from '../types.js';
import { instantFromLocal, localDateTime, parseLocalDateTime } from '../../time/wall-clock.js';
import { SESSION_CSV_COLUMNS, SESSION_CSV_OPTIONAL_COLUMNS, parseExercises, unescapeCell } from './csv.js';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export-json.js';

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
// Rows

/** A row, checked and ready to be placed, or the reasons it cannot be. */
type Prepared =
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

interface Row {
  collection: CollectionName;
  row: number;
  where: string;
  prepare(): Prepared;
}

/** A JSON-like value with its object keys sorted and empty values (`''`, `[]`, `{}`, undefined) left out. */
function canonical(value: unknown, ignore: readonly string[] = []): string {
  const clean = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.length ? v.map(clean) : undefined;
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort()) {
        const c = clean((v as Record<string, unknown>)[key]);
        if (c !== undefined) out[key] = c;
      }
      return Object.keys(out).length ? out : undefined;
    }
    return v === '' ? undefined : v;
  };
  const top = value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([k]) => !ignore.includes(k))) : value;
  return JSON.stringify(clean(top) ?? null);
}

/** A 128-bit hash of `text` as 32 hex digits: not cryptographic, but plenty to tell rows apart. */
function hash128(text: string): string {
  let h1 = 0x6a09e667,
    h2 = 0xbb67ae85,
    h3 = 0x3c6ef372,
    h4 = 0xa54ff53a;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

/** A UUID (version 8: "custom") made from a hash, so the same content always gets the same id. */
function uuidFromHash(hex: string): string {
  const v = `${hex.slice(0, 12)}8${hex.slice(13, 16)}${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 32)}`;
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20, 32)}`;
}

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

// ---------------------------------------------------------------------------------------------
// JSON

const entrySchema = z.object({
  id: z.string().check(z.minLength(1, 'must not be empty')),
  rev: z.string().check(z.minLength(1, 'must not be empty')),
  deleted: z.optional(z.boolean()),
  deletedAt: z.optional(z.iso.datetime('must be an ISO 8601 instant in UTC')),
  record: z.optional(z.unknown()),
});

const envelopeSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION, `must be ${EXPORT_VERSION}`),
  exportedAt: z.optional(z.string()),
  app: z.optional(z.string()),
  collections: z.record(z.string(), z.array(z.unknown())),
});
const ENVELOPE_KEYS = ['format', 'version', 'exportedAt', 'app', 'collections'];

function jsonRows(text: string, specs: CollectionSpecs, warnings: ImportWarning[]): Row[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError('bad-json', `This file is not valid JSON: ${(error as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new ImportFileError('not-an-export', `This JSON file is not a loadwise export: it holds ${Array.isArray(data) ? 'a list' : 'a single value'}, not an export envelope.`);
  }
  const head = data as Record<string, unknown>;
  if (head.format !== EXPORT_FORMAT) {
    throw new ImportFileError(
      'not-an-export',
      `This JSON file is not a loadwise export: "format" must be "${EXPORT_FORMAT}"${head.format === undefined ? ', and it has none' : `, not ${JSON.stringify(head.format)}`}.`,
    );
  }
  if (typeof head.version === 'number' && Number.isInteger(head.version) && head.version > EXPORT_VERSION) {
    throw new ImportFileError(
      'version-too-new',
      `This export was made by a newer version of loadwise (export format version ${head.version}; this version reads up to ${EXPORT_VERSION}). Update loadwise to import it.`,
    );
  }
  const checked = validate(envelopeSchema, data, { root: '(file)' });
  if (!checked.ok) {
    throw new ImportFileError('bad-envelope', `This loadwise export is damaged: ${checked.issues.map((i) => `${i.path} ${i.message}`).join('; ')}.`, checked.issues);
  }
  for (const key of Object.keys(head)) {
    if (!ENVELOPE_KEYS.includes(key)) warnings.push({ message: `The file's "${key}" field is not one this version knows; it was not imported.` });
  }
  const rows: Row[] = [];
  for (const [name, entries] of Object.entries(checked.value.collections)) {
    if (!(COLLECTIONS as readonly string[]).includes(name)) {
      warnings.push({ message: `The file's "${name}" collection (${entries.length} entries) is not one this version knows; it was not imported.` });
      continue;
    }
    const collection = name as CollectionName;
    entries.forEach((entry, index) => {
      const where = `${collection}[${index}]`;
      rows.push({ collection, row: index, where, prepare: () => prepareEntry(collection, entry, specs) });
    });
  }
  // Known collections first, in their usual order: sessions, then glucose.
  return rows.sort((a, b) => COLLECTIONS.indexOf(a.collection) - COLLECTIONS.indexOf(b.collection));
}

function prepareEntry(collection: CollectionName, entry: unknown, specs: CollectionSpecs): Prepared {
  const checked = validate(entrySchema, entry, { root: '(entry)' });
  const givenId = (entry as { id?: unknown } | null)?.id;
  const id = typeof givenId === 'string' && givenId ? givenId : undefined;
  if (!checked.ok) return { kind: 'invalid', ...(id ? { id } : {}), issues: checked.issues };
  const e = checked.value;
  if (e.deleted === true) {
    if (!e.deletedAt) return { kind: 'invalid', id: e.id, issues: [{ path: 'deletedAt', message: 'is required for a removed record' }] };
    return { kind: 'tombstone', id: e.id, rev: e.rev };
  }
  const record = e.record as Record<string, unknown> | undefined;
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    return { kind: 'invalid', id: e.id, issues: [{ path: 'record', message: record === undefined ? 'is required' : 'must be an object' }] };
  }
  const spec = specs[collection];
  const upgraded = upgradeRecord<unknown>(spec, record, e.id);
  if (upgraded.ok) return { kind: 'record', id: e.id, record: upgraded.record as Record<string, unknown> & { id: string }, rev: e.rev, ignore: [] };
  return { kind: 'invalid', id: e.id, issues: upgradeIssues(upgraded, spec.version, 'record.', (found) => `must be the record's id (${found})`) };
}

// ---------------------------------------------------------------------------------------------
// CSV

const CSV_COLUMNS: readonly string[] = [...SESSION_CSV_COLUMNS, ...SESSION_CSV_OPTIONAL_COLUMNS];
const REQUIRED_COLUMNS = ['timeZone', 'modality', 'durationMin', 'rpe'];
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** An ISO instant with an offset (`+01:00`), which is read as the same instant in UTC. */
const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?[+-]\d{2}:\d{2}$/;

function csvRows(text: string, specs: CollectionSpecs, now: string, warnings: ImportWarning[]): Row[] {
  // `csvParseRows`, not `csvParse`: the latter builds its row objects with `new Function`, which a
  // Content-Security-Policy without 'unsafe-eval' forbids. Rows are mapped to columns below instead.
  const all = csvParseRows(text);
  const header = all[0];
  if (!header) throw new ImportFileError('empty', 'This file is empty.');
  const byName = new Map(CSV_COLUMNS.map((c) => [c.toLowerCase(), c]));
  /** For each position in the header, the known column there (or undefined). */
  const columns: (string | undefined)[] = [];
  const seen = new Set<string>();
  for (const raw of header) {
    const name = raw.trim();
    const known = byName.get(name.toLowerCase());
    if (known && seen.has(known)) throw new ImportFileError('bad-header', `The CSV header names the column "${known}" twice.`);
    if (known) seen.add(known);
    columns.push(known);
  }
  if (seen.size === 0) {
    throw new ImportFileError(
      'not-recognised',
      `This file is neither a loadwise JSON export nor a sessions CSV: its first line names none of the columns ${SESSION_CSV_COLUMNS.join(', ')}.`,
    );
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !seen.has(c));
  if (!seen.has('startedAt') && !seen.has('localDateTime')) missing.unshift('startedAt');
  if (missing.length) {
    throw new ImportFileError('bad-header', `The CSV has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}; every session needs ${missing.length > 1 ? 'them' : 'it'}.`);
  }
  header.forEach((raw, i) => {
    if (columns[i] === undefined) {
      const name = raw.trim();
      warnings.push({
        column: name,
        message: name ? `The column "${name}" is not one loadwise knows; its values were not imported.` : `Column ${i + 1} has no name; its values were not imported.`,
      });
    }
  });
  if (seen.has('load')) {
    warnings.push({ column: 'load', message: 'The "load" column is not imported: load is always rpe × durationMin.' });
  }

  const rows: Row[] = [];
  for (let i = 1; i < all.length; i++) {
    const cells = all[i]!;
    if (cells.every((c) => c.trim() === '')) continue; // a blank line is not a row
    rows.push({ collection: 'sessions', row: i, where: `row ${i}`, prepare: () => prepareCsvRow(cells, columns, specs, now) });
  }
  return rows;
}

function prepareCsvRow(cells: string[], columns: (string | undefined)[], specs: CollectionSpecs, now: string): Prepared {
  const cell: Record<string, string> = {};
  columns.forEach((name, i) => {
    if (name) cell[name] = unescapeCell(cells[i] ?? '');
  });
  const text = (name: string) => (cell[name] ?? '').trim();
  const givenId = text('id');
  const idPart = givenId ? { id: givenId } : {};
  // More values than columns: a value has shifted (an unquoted comma), so none of them can be trusted.
  if (cells.length > columns.length) {
    return {
      kind: 'invalid',
      ...idPart,
      issues: [{ path: '(row)', message: `has ${cells.length} values but the header names ${columns.length} columns (a comma in a note without quotes around it?)` }],
    };
  }

  const issues: FieldIssue[] = [];
  const record: Record<string, unknown> = {};
  const number = (name: string): number | undefined => {
    const v = text(name);
    if (!v) return undefined;
    if (!NUMBER.test(v)) {
      issues.push({ path: name, message: `must be a number (found "${v}")` });
      return undefined;
    }
    return Number(v);
  };
  const instant = (name: string): string => {
    const v = text(name);
    return INSTANT_WITH_OFFSET.test(v) && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : v;
  };

  if (givenId) record.id = givenId;
  const spec = specs.sessions;
  const version = 'schemaVersion' in cell ? number('schemaVersion') : undefined;
  if (version !== undefined && version > spec.version) {
    issues.push({ path: 'schemaVersion', message: `is ${version}: written by a newer version of loadwise (this version reads up to ${spec.version})` });
  }
  record.schemaVersion = version ?? spec.version;

  const timeZone = text('timeZone');
  if (timeZone) record.timeZone = timeZone;
  const startedAt = instant('startedAt');
  const local = text('localDateTime');
  if (local && !parseLocalDateTime(local)) {
    issues.push({ path: 'localDateTime', message: `must be a date and time such as 2026-11-24 07:30 (found "${local}")` });
  } else if (local && isTimeZone(timeZone)) {
    if (!startedAt) {
      record.startedAt = instantFromLocal(local, timeZone);
    } else if (!Number.isNaN(Date.parse(startedAt))) {
      const shown = localDateTime(startedAt, timeZone);
      const p = parseLocalDateTime(local)!;
      const given = `${String(p.y).padStart(4, '0')}-${String(p.mo).padStart(2, '0')}-${String(p.d).padStart(2, '0')} ${String(p.h).padStart(2, '0')}:${String(p.mi).padStart(2, '0')}`;
      if (shown !== given) {
        issues.push({
          path: 'localDateTime',
          message: `is ${given}, but startedAt is ${shown} in ${timeZone}; correct one of them, or clear localDateTime`,
        });
      }
    }
  }
  if (startedAt) record.startedAt = startedAt;

  const modality = text('modality');
  if (modality) record.modality = modality.toLowerCase();
  for (const name of ['durationMin', 'rpe', 'avgHr', 'maxHr']) {
    const n = number(name);
    if (n !== undefined) record[name] = n;
  }
  const wellness: Record<string, number> = {};
  for (const name of ['sleepQuality', 'soreness', 'fatigue', 'stress']) {
    const n = number(name);
    if (n !== undefined) wellness[name] = n;
  }
  if (Object.keys(wellness).length) record.wellness = wellness;
  // Notes are taken exactly as written (spaces and line breaks kept), only unescaped.
  if (cell.notes) record.notes = cell.notes;
  const exercisesText = text('exercises');
  if (exercisesText) {
    const parsed = parseExercises(exercisesText);
    if (parsed.ok) record.exercises = parsed.value;
    else issues.push({ path: 'exercises', message: parsed.message });
  }

  for (const name of REQUIRED_COLUMNS) if (!text(name)) issues.push({ path: name, message: 'is required' });
  if (!record.startedAt && !local) issues.push({ path: 'startedAt', message: 'is required' });

  const createdAt = instant('createdAt');
  const updatedAt = instant('updatedAt');
  const ignore: string[] = [];
  if (!createdAt && !updatedAt) ignore.push('createdAt', 'updatedAt');
  record.createdAt = createdAt || updatedAt || now;
  record.updatedAt = updatedAt || createdAt || now;

  // The content without what the importer filled in: the same row always hashes the same.
  const contentHash = hash128(canonical(record, [...ignore, 'id']));
  if (!givenId) record.id = uuidFromHash(contentHash);

  const result = spec.validate(record);
  if (!result.ok) {
    const columnOf = (path: string) => path.split(/[.[]/)[0]!;
    const taken = new Set(issues.map((i) => columnOf(i.path)));
    for (const issue of result.issues) {
      const path = issue.path.startsWith('wellness.') ? issue.path.slice('wellness.'.length) : issue.path.startsWith('(') ? '(row)' : issue.path;
      // A column already reported (a value that is not a number) is not reported again as missing.
      if (!taken.has(columnOf(path))) issues.push({ path, message: issue.message });
    }
  }
  if (issues.length) return { kind: 'invalid', ...idPart, issues };
  const valid = (result as { value: Record<string, unknown> & { id: string } }).value;
  return { kind: 'record', id: valid.id, record: valid, ignore };
}

// ---------------------------------------------------------------------------------------------
// Placing rows

/**
 * Lets the page run (input, rendering, timers) before the next chunk. A timer task queues behind
 * the page's own timers, so they all get their turn: `scheduler.yield()` would put the import
 * ahead of them, and Chromium runs message tasks ahead of timers too, so either would starve a
 * page's timers until the import ended. The cost is the browser's 4 ms clamp on nested timers.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

type Outcome =
  | { bucket: 'added' }
  | { bucket: 'unchanged' }
  | { bucket: 'conflict'; reason: ConflictReason; storedRev?: string } | { bucket: 'rejected'; issues: FieldIssue[] };

/** What an existing stored value means for an incoming row; undefined when nothing is stored. */
function compare(stored: Stored<unknown> | undefined, p: Exclude<Prepared, { kind: 'invalid' }>): Outcome | undefined {
  if (!stored) return undefined;
  const storedRev = stored.rev;
  if (stored.deleted) return p.kind === 'tombstone' ? { bucket: 'unchanged' } : { bucket: 'conflict', reason: 'removed-here', storedRev };
  if (p.kind === 'tombstone') return { bucket: 'conflict', reason: 'removed-in-file', storedRev };
  if (canonical(stored.record, p.ignore) === canonical(p.record, p.ignore)) return { bucket: 'unchanged' };
  return { bucket: 'conflict', reason: p.rev === storedRev ? 'edited' : 'different', storedRev };
}

/** Writes one row unless something is stored under its id already. Throws on storage errors that stop the import. */
async function place(adapter: StorageAdapter, collection: CollectionName, p: Exclude<Prepared, { kind: 'invalid' }>): Promise<Outcome> {
  const known = compare(await adapter.get(collection, p.id), p);
  if (known) return known;
  // A removal of a record this store never had: nothing to do, and nothing is lost.
  if (p.kind === 'tombstone') return { bucket: 'unchanged' };
  try {
    await adapter.put(collection, p.record as CollectionRecords[typeof collection], { expectedRev: null });
    return { bucket: 'added' };
  } catch (error) {
    const e = error as { code?: string; current?: Stored<unknown>; issues?: FieldIssue[]; message?: string };
    if (e.code === 'conflict') {
      // Written by another tab a moment ago, or held by a value in quarantine.
      return compare(e.current, p) ?? { bucket: 'conflict', reason: 'unreadable-here' };
    }
    if (e.code === 'validation' && e.issues) return { bucket: 'rejected', issues: e.issues };
    if (e.code === 'version-too-new') return { bucket: 'rejected', issues: [{ path: 'schemaVersion', message: e.message ?? 'is newer than this version reads' }] };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The import

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
    onProgress?.(report.processed, report.total);
  }
  report.complete = report.processed === report.total && !report.cancelled && !report.error;
  return report;
}

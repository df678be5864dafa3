/**
 * Reading a sessions CSV into rows: the header (which known column is where, what is missing,
 * what is not imported), then each data row read cell by cell into a session record. Every
 * problem is named by its column (`durationMin`, `exercises`), so a person can find it in the sheet.
 */
import { csvParseRows } from 'd3-dsv';
import type { FieldIssue } from '../../../../base/validation.js';
import { isTimeZone } from '../../../model.js';
import { formatWallClock, instantFromLocal, localDateTime, parseLocalDateTime } from '../../../time/wall-clock.js';
import type { CollectionSpecs } from '../../collections.js';
import { SESSION_CSV_COLUMNS, SESSION_CSV_OPTIONAL_COLUMNS, parseExercises, unescapeCell } from '../csv.js';
import { contentId } from './content-id.js';
import { ImportFileError, type ImportWarning, type Prepared, type Row } from './types.js';

const CSV_COLUMNS: readonly string[] = [...SESSION_CSV_COLUMNS, ...SESSION_CSV_OPTIONAL_COLUMNS];
const REQUIRED_COLUMNS = ['timeZone', 'modality', 'durationMin', 'rpe'];
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** An ISO instant with an offset (`+01:00`), which is read as the same instant in UTC. */
const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?[+-]\d{2}:\d{2}$/;

/**
 * The data rows of a sessions CSV (blank lines are not rows), each with `now` as the time of rows
 * that give no `createdAt` / `updatedAt`. Throws `ImportFileError` when the header names no known
 * column, names one twice or lacks a needed one; adds a warning for each column not imported.
 */
export function csvRows(text: string, specs: CollectionSpecs, now: string, warnings: ImportWarning[]): Row[] {
  // `csvParseRows`, not `csvParse`: the latter builds its row objects with `new Function`, which a
  // Content-Security-Policy without 'unsafe-eval' forbids. Rows are mapped to columns below instead.
  const all = csvParseRows(text);
  const header = all[0];
  if (!header) throw new ImportFileError('empty', 'This file is empty.');
  const columns = readHeader(header, warnings);
  const rows: Row[] = [];
  for (let i = 1; i < all.length; i++) {
    const cells = all[i]!;
    if (cells.every((c) => c.trim() === '')) continue; // a blank line is not a row
    rows.push({ collection: 'sessions', row: i, where: `row ${i}`, prepare: () => prepareCsvRow(cells, columns, specs, now) });
  }
  return rows;
}

/** For each position in the header, the known column there (or undefined). */
function readHeader(header: string[], warnings: ImportWarning[]): (string | undefined)[] {
  const byName = new Map(CSV_COLUMNS.map((c) => [c.toLowerCase(), c]));
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
  return columns;
}

// ---------------------------------------------------------------------------------------------
// One data row

/** A data row's cells by column, read as text, numbers or instants; a cell that cannot be read adds an issue. */
interface CellReader {
  /** The unescaped cells by column name, exactly as written. */
  readonly cells: Record<string, string>;
  /** The problems found so far, each named by its column. */
  readonly issues: FieldIssue[];
  /** Adds a problem with the column `path`. */
  problem(path: string, message: string): void;
  /** The cell, trimmed; `''` when empty or not in the file. */
  text(name: string): string;
  /** The cell as a number, or undefined when empty or not a number (which adds an issue). */
  number(name: string): number | undefined;
  /** The cell as an instant: one with an offset is read as the same instant in UTC, anything else is kept as written. */
  instant(name: string): string;
}

function cellReader(values: string[], columns: (string | undefined)[]): CellReader {
  const cells: Record<string, string> = {};
  columns.forEach((name, i) => {
    if (name) cells[name] = unescapeCell(values[i] ?? '');
  });
  const issues: FieldIssue[] = [];
  const text = (name: string) => (cells[name] ?? '').trim();
  const problem = (path: string, message: string) => void issues.push({ path, message });
  return {
    cells,
    issues,
    problem,
    text,
    number(name) {
      const v = text(name);
      if (!v) return undefined;
      if (!NUMBER.test(v)) {
        problem(name, `must be a number (found "${v}")`);
        return undefined;
      }
      return Number(v);
    },
    instant(name) {
      const v = text(name);
      return INSTANT_WITH_OFFSET.test(v) && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : v;
    },
  };
}

function prepareCsvRow(values: string[], columns: (string | undefined)[], specs: CollectionSpecs, now: string): Prepared {
  const read = cellReader(values, columns);
  const givenId = read.text('id');
  const idPart = givenId ? { id: givenId } : {};
  // More values than columns: a value has shifted (an unquoted comma), so none of them can be trusted.
  if (values.length > columns.length) {
    return {
      kind: 'invalid',
      ...idPart,
      issues: [{ path: '(row)', message: `has ${values.length} values but the header names ${columns.length} columns (a comma in a note without quotes around it?)` }],
    };
  }

  const spec = specs.sessions;
  const record: Record<string, unknown> = { ...idPart };
  record.schemaVersion = readSchemaVersion(read, spec.version);
  readStart(read, record);
  readFigures(read, record);
  readExercises(read, record);
  requireFields(read, record);
  const ignore = stampTimes(read, record, now);
  // The content without what the importer filled in: the same row always hashes the same.
  if (!givenId) record.id = contentId(record, ignore);

  const result = spec.validate(record);
  if (!result.ok) addRecordIssues(read.issues, result.issues);
  if (read.issues.length) return { kind: 'invalid', ...idPart, issues: read.issues };
  const valid = (result as { value: Record<string, unknown> & { id: string } }).value;
  return { kind: 'record', id: valid.id, record: valid, ignore };
}

/** The row's schema version (the current one when the column is absent or empty); a newer one is an issue. */
function readSchemaVersion(read: CellReader, current: number): number {
  const version = 'schemaVersion' in read.cells ? read.number('schemaVersion') : undefined;
  if (version !== undefined && version > current) {
    read.problem('schemaVersion', `is ${version}: written by a newer version of loadwise (this version reads up to ${current})`);
  }
  return version ?? current;
}

/**
 * `timeZone` and `startedAt`, the latter from `localDateTime` when empty. When both are given
 * they must agree, so an edit to one is never silently lost.
 */
function readStart(read: CellReader, record: Record<string, unknown>): void {
  const timeZone = read.text('timeZone');
  if (timeZone) record.timeZone = timeZone;
  const startedAt = read.instant('startedAt');
  const local = read.text('localDateTime');
  if (local && !parseLocalDateTime(local)) {
    read.problem('localDateTime', `must be a date and time such as 2026-11-24 07:30 (found "${local}")`);
  } else if (local && isTimeZone(timeZone)) {
    if (!startedAt) {
      record.startedAt = instantFromLocal(local, timeZone);
    } else if (!Number.isNaN(Date.parse(startedAt))) {
      const shown = localDateTime(startedAt, timeZone);
      const given = formatWallClock(parseLocalDateTime(local)!);
      if (shown !== given) {
        read.problem('localDateTime', `is ${given}, but startedAt is ${shown} in ${timeZone}; correct one of them, or clear localDateTime`);
      }
    }
  }
  if (startedAt) record.startedAt = startedAt;
}

/** The modality, the figures, the wellness scores and the notes. */
function readFigures(read: CellReader, record: Record<string, unknown>): void {
  const modality = read.text('modality');
  if (modality) record.modality = modality.toLowerCase();
  for (const name of ['durationMin', 'rpe', 'avgHr', 'maxHr']) {
    const n = read.number(name);
    if (n !== undefined) record[name] = n;
  }
  const wellness: Record<string, number> = {};
  for (const name of ['sleepQuality', 'soreness', 'fatigue', 'stress']) {
    const n = read.number(name);
    if (n !== undefined) wellness[name] = n;
  }
  if (Object.keys(wellness).length) record.wellness = wellness;
  // Notes are taken exactly as written (spaces and line breaks kept), only unescaped.
  if (read.cells.notes) record.notes = read.cells.notes;
}

/** The exercises cell, in the notation `csv.ts` describes. */
function readExercises(read: CellReader, record: Record<string, unknown>): void {
  const exercisesText = read.text('exercises');
  if (!exercisesText) return;
  const parsed = parseExercises(exercisesText);
  if (parsed.ok) record.exercises = parsed.value;
  else read.problem('exercises', parsed.message);
}

/** Every session needs these; `startedAt` may come from `localDateTime`. */
function requireFields(read: CellReader, record: Record<string, unknown>): void {
  for (const name of REQUIRED_COLUMNS) if (!read.text(name)) read.problem(name, 'is required');
  if (!record.startedAt && !read.text('localDateTime')) read.problem('startedAt', 'is required');
}

/**
 * `createdAt` and `updatedAt`: each stands in for the other, and `now` for both. Returns the
 * fields the importer filled in, which are left out when the row is hashed or compared.
 */
function stampTimes(read: CellReader, record: Record<string, unknown>, now: string): string[] {
  const createdAt = read.instant('createdAt');
  const updatedAt = read.instant('updatedAt');
  record.createdAt = createdAt || updatedAt || now;
  record.updatedAt = updatedAt || createdAt || now;
  return !createdAt && !updatedAt ? ['createdAt', 'updatedAt'] : [];
}

/** The record validator's issues, named by CSV column (`sleepQuality`, not `wellness.sleepQuality`). */
function addRecordIssues(issues: FieldIssue[], recordIssues: readonly FieldIssue[]): void {
  const columnOf = (path: string) => path.split(/[.[]/)[0]!;
  const taken = new Set(issues.map((i) => columnOf(i.path)));
  for (const issue of recordIssues) {
    const path = issue.path.startsWith('wellness.') ? issue.path.slice('wellness.'.length) : issue.path.startsWith('(') ? '(row)' : issue.path;
    // A column already reported (a value that is not a number) is not reported again as missing.
    if (!taken.has(columnOf(path))) issues.push({ path, message: issue.message });
  }
}

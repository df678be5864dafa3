/**
 * What the sessions CSV is made of, shared by the exporter and the importer: the columns, the
 * spreadsheet-injection guard on cells, and the exercise notation. (Local wall-clock times are
 * `time/wall-clock.ts`'s.)
 *
 * Pure functions; nothing here touches storage or the DOM.
 */
import type { ExerciseEntry } from '../../model.js';

/**
 * The columns of the sessions CSV, in the order they are written.
 *
 * - `localDateTime` (`2026-11-24 07:30`, the start in the session's own time zone) and `load`
 *   (rpe × durationMin) are there for people reading the sheet. On import, `load` is ignored
 *   (it is always computed), and `localDateTime` stands in for `startedAt` when that is empty; when
 *   both are given they must agree, so an edit to one is never silently lost.
 */
export const SESSION_CSV_COLUMNS = [
  'id',
  'startedAt',
  'timeZone',
  'localDateTime',
  'modality',
  'durationMin',
  'rpe',
  'load',
  'avgHr',
  'maxHr',
  'sleepQuality',
  'soreness',
  'fatigue',
  'stress',
  'notes',
  'exercises',
  'createdAt',
  'updatedAt',
] as const;
export type SessionCsvColumn = (typeof SESSION_CSV_COLUMNS)[number];

/** Columns the importer also understands, though the exporter does not write them. */
export const SESSION_CSV_OPTIONAL_COLUMNS = ['schemaVersion'] as const;

// ---------------------------------------------------------------------------------------------
// Spreadsheet (formula) injection

/**
 * A cell that starts with one of these is run as a formula by Excel, LibreOffice or Google Sheets
 * (`=HYPERLINK(…)`, `+cmd|…`, `-2+3`, `@SUM(…)`), and a leading tab or carriage return can hide
 * one. See OWASP, "CSV Injection".
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA_START = /^'+[=+\-@\t\r]/;

/**
 * Makes a cell safe to open in a spreadsheet: a value that a spreadsheet would read as a formula
 * gets a leading `'` (which spreadsheets show as "text", and hide). A value that already starts
 * with `'`s before such a character gets one more, so `unescapeCell` can always undo exactly one:
 * `=SUM(A1)` ↔ `'=SUM(A1)`, `'=x` ↔ `''=x`, and `'hello` stays `'hello`.
 */
export function escapeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes `escapeCell`. */
export function unescapeCell(value: string): string {
  return ESCAPED_FORMULA_START.test(value) ? value.slice(1) : value;
}

// ---------------------------------------------------------------------------------------------
// Exercise notation

/**
 * Exercises in one cell, readable and re-parseable:
 *
 *     Back squat: 5x100kg@2; 5x100kg; 3x110kg | Plank:
 *
 * - exercises are separated by ` | `;
 * - each is its name, a colon, then its sets separated by `; ` (none after the colon: no sets);
 * - a set is `<reps>x<load>kg`, with `@<rir>` (reps in reserve) when recorded; loads are in kg,
 *   with a decimal point (`2.5kg`);
 * - in a name, `\`, `:`, `;` and `|` are written `\\`, `\:`, `\;` and `\|`.
 *
 * Reading is a little more lenient than writing: spaces around the parts, `×` or `X` for `x`, and
 * a missing `kg` are accepted.
 */
export function formatExercises(exercises: readonly ExerciseEntry[]): string {
  return exercises
    .map((e) => {
      const sets = e.sets.map((s) => `${s.reps}x${s.loadKg}kg${s.rir === undefined ? '' : `@${s.rir}`}`).join('; ');
      return `${e.name.replace(/[\\:;|]/g, '\\$&')}:${sets ? ` ${sets}` : ''}`;
    })
    .join(' | ');
}

export type ParsedExercises = { ok: true; value: { name: string; sets: { reps: number; loadKg: number; rir?: number }[] }[] } | { ok: false; message: string };

const SET = /^(\d+)\s*[x×X]\s*(\d+(?:\.\d*)?|\.\d+)\s*(?:kg)?\s*(?:@\s*(\d+))?$/i;

/** Reads the exercise notation back. Ranges (reps, kg, RIR) are left to the record's validator. */
export function parseExercises(text: string): ParsedExercises {
  const value: { name: string; sets: { reps: number; loadKg: number; rir?: number }[] }[] = [];
  const parts = splitUnescaped(text, '|');
  for (const [i, part] of parts.entries()) {
    const colon = indexOfUnescaped(part, ':');
    const label = `exercise ${i + 1}`;
    if (colon < 0) {
      return { ok: false, message: `${label} ("${part.trim()}") needs a colon after its name, as in "Squat: 5x100kg@2; 5x100kg"` };
    }
    const name = part.slice(0, colon).replace(/\\([\s\S])/g, '$1').trim();
    const sets: { reps: number; loadKg: number; rir?: number }[] = [];
    const setTexts = part
      .slice(colon + 1)
      .split(';')
      .map((s) => s.trim());
    for (const [j, setText] of setTexts.entries()) {
      if (!setText) {
        if (j === setTexts.length - 1) continue; // a trailing ";" or no sets at all
        return { ok: false, message: `${label} ("${name}") has an empty set between two ";"` };
      }
      const m = SET.exec(setText);
      if (!m) return { ok: false, message: `${label} ("${name}"), set ${j + 1} ("${setText}") must look like 5x100kg or 5x100kg@2` };
      sets.push({ reps: Number(m[1]), loadKg: Number(m[2]), ...(m[3] === undefined ? {} : { rir: Number(m[3]) }) });
    }
    value.push({ name, sets });
  }
  return { ok: true, value };
}

function indexOfUnescaped(text: string, char: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === char) return i;
  }
  return -1;
}

/** Splits on `char` where it is not escaped with a backslash; escapes are kept for the caller. */
function splitUnescaped(text: string, char: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === char) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * The CSV export: one row per training session, for a spreadsheet. `importData` reads it back
 * (see `csv.ts` for the columns and the exercise notation).
 */
import { csvFormatRows } from 'd3-dsv';
import type { TrainingSession } from '../../model.js';
import type { StorageAdapter } from '../types.js';
import { localDateTime } from '../../time/wall-clock.js';
import { SESSION_CSV_COLUMNS, escapeCell, formatExercises, type SessionCsvColumn } from './csv.js';
import { listAll } from '../list-all.js';

/** Session load, rpe × minutes, rounded to 2 decimals for the sheet. */
const load = (s: TrainingSession) => Math.round(s.rpe * s.durationMin * 100) / 100;

const num = (n: number | undefined) => (n === undefined ? '' : String(n));

/** One session as the cells of its CSV row, unescaped. */
export function sessionCells(s: TrainingSession): Record<SessionCsvColumn, string> {
  return {
    id: s.id,
    startedAt: s.startedAt,
    timeZone: s.timeZone,
    localDateTime: localDateTime(s.startedAt, s.timeZone),
    modality: s.modality,
    durationMin: num(s.durationMin),
    rpe: num(s.rpe),
    load: num(load(s)),
    avgHr: num(s.avgHr),
    maxHr: num(s.maxHr),
    sleepQuality: num(s.wellness?.sleepQuality),
    soreness: num(s.wellness?.soreness),
    fatigue: num(s.wellness?.fatigue),
    stress: num(s.wellness?.stress),
    notes: s.notes ?? '',
    exercises: s.exercises ? formatExercises(s.exercises) : '',
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

export interface CsvOptions {
  /**
   * Start with a UTF-8 byte order mark, so Excel reads accented letters and other scripts right
   * when the file is opened by double-click. Off by default; the importer accepts either.
   */
  bom?: boolean;
}

/**
 * Sessions as CSV text: a header row, then one row per session, quoted where needed (RFC 4180).
 * Every cell that a spreadsheet would run as a formula is prefixed with `'` (see `escapeCell`).
 */
export function sessionsToCsv(sessions: readonly TrainingSession[], { bom = false }: CsvOptions = {}): string {
  const rows = [
    [...SESSION_CSV_COLUMNS],
    ...sessions.map((s) => {
      const cells = sessionCells(s);
      return SESSION_CSV_COLUMNS.map((c) => escapeCell(cells[c]));
    }),
  ];
  return (bom ? '\uFEFF' : '') + csvFormatRows(rows) + '\n';
}

/** Every session in `adapter` (removed ones left out) as CSV text, oldest first. */
export async function exportCsv(adapter: StorageAdapter, options: CsvOptions = {}): Promise<string> {
  const stored = await listAll(adapter, 'sessions');
  return sessionsToCsv(
    stored.flatMap((s) => (s.deleted ? [] : [s.record])),
    options,
  );
}

/**
 * Export and import: a lossless JSON export of a whole store, a sessions CSV for spreadsheets,
 * and an importer for both that reports on every row. See the docs page "Export and import".
 */
export { exportJson, exportJsonText, EXPORT_FORMAT, EXPORT_VERSION } from './export-json.js';
export type { ExportEnvelope, ExportOptions, ExportJsonTextOptions, StoredEntry } from './export-json.js';
export { exportCsv, sessionsToCsv, sessionCells, type CsvOptions } from './export-csv.js';
export {
  SESSION_CSV_COLUMNS,
  escapeCell,
  unescapeCell,
  formatExercises,
  parseExercises,
  type SessionCsvColumn,
  type ParsedExercises,
} from './csv.js';
// The importer's public names, listed once in the module that keeps its first path.
export * from './import.js';

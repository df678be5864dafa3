/**
 * The importer's first module path, kept so code that imports `transfer/import.js` (the session
 * logger loads it on demand) goes on working: the importer itself is the `import/` folder.
 */
export { importData, sniffFormat, ImportFileError } from './import/import.js';
export type {
  ImportOptions,
  ImportReport,
  ImportConflict,
  ImportRejection,
  ImportWarning,
  ImportFormat,
  ImportFileProblem,
  ConflictReason,
} from './import/import.js';

/**
 * The importer's first module path, kept so code that imports `transfer/import.js` (the session
 * logger loads it on demand) goes on working: the importer itself is the `import/` folder.
 */
export * from './import/import.js';

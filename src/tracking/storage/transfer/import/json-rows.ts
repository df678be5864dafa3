/**
 * Reading a loadwise JSON export into rows: the envelope checks (a loadwise export, a version this
 * one reads, an undamaged envelope), then one row per entry of each known collection.
 */
import * as z from 'zod/mini';
import { validate } from '../../../../base/validation.js';
import { upgradeIssues, upgradeRecord, type CollectionSpecs } from '../../collections.js';
import { COLLECTIONS, type CollectionName } from '../../types.js';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../export-json.js';
import { ImportFileError, type ImportWarning, type Prepared, type Row } from './types.js';

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

/**
 * The rows of a loadwise JSON export, known collections first, in their usual order. Throws
 * `ImportFileError` when the file is not an export this version reads; adds a warning for each
 * field or collection it does not know.
 */
export function jsonRows(text: string, specs: CollectionSpecs, warnings: ImportWarning[]): Row[] {
  const rows: Row[] = [];
  for (const [name, entries] of Object.entries(readEnvelope(text, warnings))) {
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

/** The export's collections, by name, once the envelope is known good; throws `ImportFileError` if not. */
function readEnvelope(text: string, warnings: ImportWarning[]): Record<string, unknown[]> {
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
  return checked.value.collections;
}

/** Checks one entry of an export: a removal, or a record upgraded to the current schema. */
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

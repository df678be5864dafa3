import { expect } from '@open-wc/testing';
import { defaultCollections } from '../../../../../src/tracking/storage/collections.js';
import { jsonRows } from '../../../../../src/tracking/storage/transfer/import/json-rows.js';
import { ImportFileError, type ImportWarning } from '../../../../../src/tracking/storage/transfer/import/types.js';

const ID = '0b5e1c9a-3f7d-4e2a-9c1b-6a8d2f4e7b10';
const SESSION = {
  id: ID,
  schemaVersion: 1,
  modality: 'aerobic',
  startedAt: '2026-01-05T06:30:00.000Z',
  timeZone: 'Europe/Paris',
  durationMin: 45,
  rpe: 6,
  createdAt: '2026-01-05T06:30:00.000Z',
  updatedAt: '2026-01-05T06:30:00.000Z',
};
const envelope = (collections: Record<string, unknown[]>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'loadwise-export', version: 1, collections, ...extra });

function read(text: string) {
  const warnings: ImportWarning[] = [];
  const rows = jsonRows(text, defaultCollections, warnings);
  return { rows, prepared: rows.map((r) => r.prepare()), warnings };
}

/** What `text` is refused for, as the error's problem. */
function refusal(text: string): string | undefined {
  try {
    read(text);
  } catch (error) {
    if (error instanceof ImportFileError) return error.problem;
    throw error;
  }
  return undefined;
}

describe('JSON export rows', () => {
  it('reads records and removals, sessions first, named by collection and index', () => {
    const { rows, prepared } = read(
      envelope({ glucose: [], sessions: [{ id: ID, rev: 'r1', record: SESSION }, { id: 'gone', rev: 'r2', deleted: true, deletedAt: '2026-01-06T00:00:00.000Z' }] }),
    );
    expect(rows.map((r) => r.where)).to.deep.equal(['sessions[0]', 'sessions[1]']);
    expect(prepared[0]).to.deep.include({ kind: 'record', id: ID, rev: 'r1' });
    expect(prepared[1]).to.deep.equal({ kind: 'tombstone', id: 'gone', rev: 'r2' });
  });

  it('names each entry problem by its field', () => {
    const { prepared } = read(
      envelope({
        sessions: [
          { id: ID, rev: '' },
          { id: ID, rev: 'r1', deleted: true },
          { id: ID, rev: 'r1', record: { ...SESSION, rpe: 12 } },
          { id: ID, rev: 'r1', record: { ...SESSION, schemaVersion: 9 } },
        ],
      }),
    );
    const paths = prepared.map((p) => (p.kind === 'invalid' ? p.issues.map((i) => i.path) : []));
    expect(paths).to.deep.equal([['rev'], ['deletedAt'], ['record.rpe'], ['record.schemaVersion']]);
    expect(prepared.every((p) => p.id === ID)).to.equal(true);
  });

  it('refuses what is not an export this version reads, naming the problem', () => {
    expect(refusal('{nope')).to.equal('bad-json');
    expect(refusal('[]')).to.equal('not-an-export');
    expect(refusal(JSON.stringify({ format: 'other' }))).to.equal('not-an-export');
    expect(refusal(JSON.stringify({ format: 'loadwise-export', version: 2, collections: {} }))).to.equal('version-too-new');
    expect(refusal(JSON.stringify({ format: 'loadwise-export', version: 1 }))).to.equal('bad-envelope');
  });

  it('warns of fields and collections it does not know', () => {
    const { warnings, rows } = read(envelope({ sessions: [], meals: [{}, {}] }, { comment: 'hi' }));
    expect(rows).to.have.length(0);
    expect(warnings.map((w) => w.message)).to.deep.equal([
      `The file's "comment" field is not one this version knows; it was not imported.`,
      `The file's "meals" collection (2 entries) is not one this version knows; it was not imported.`,
    ]);
  });
});

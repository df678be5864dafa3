import { expect } from '@open-wc/testing';
import { defaultCollections } from '../../../../../src/tracking/storage/collections.js';
import { csvRows } from '../../../../../src/tracking/storage/transfer/import/csv-rows.js';
import { ImportFileError, type ImportWarning } from '../../../../../src/tracking/storage/transfer/import/types.js';

const NOW = '2026-02-01T12:00:00.000Z';
const HEADER = 'startedAt,timeZone,modality,durationMin,rpe';

/** Each data row of `csv`, prepared, with the warnings about the file. */
function read(csv: string) {
  const warnings: ImportWarning[] = [];
  const rows = csvRows(csv, defaultCollections, NOW, warnings);
  return { rows, prepared: rows.map((r) => r.prepare()), warnings };
}

/** Each problem of a prepared row as `column: message`. */
const problems = (p: ReturnType<typeof read>['prepared'][number]) => (p.kind === 'invalid' ? p.issues.map((i) => `${i.path}: ${i.message}`) : []);

describe('CSV rows', () => {
  it('reads a row into a session, with a content id and the import time filled in', () => {
    const { rows, prepared } = read(`${HEADER}\n2026-01-05T06:30:00Z,Europe/Paris,Aerobic,45,6\n`);
    expect(rows.map((r) => r.where)).to.deep.equal(['row 1']);
    const p = prepared[0]!;
    expect(p.kind).to.equal('record');
    if (p.kind !== 'record') return;
    expect(p.record).to.include({ modality: 'aerobic', durationMin: 45, rpe: 6, createdAt: NOW, updatedAt: NOW, schemaVersion: 1 });
    expect(p.id).to.match(/^[0-9a-f-]{36}$/);
    expect(p.ignore).to.deep.equal(['createdAt', 'updatedAt']);
    // The same row read again gets the same id.
    expect((read(`${HEADER}\n2026-01-05T06:30:00Z,Europe/Paris,Aerobic,45,6\n`).prepared[0] as { id: string }).id).to.equal(p.id);
  });

  it('names each problem by its column', () => {
    const { prepared } = read(`${HEADER},sleepQuality,exercises\n2026-01-05T06:30:00Z,Europe/Paris,aerobic,abc,11,9,Squat 5x100\n`);
    expect(problems(prepared[0]!)).to.deep.equal([
      'durationMin: must be a number (found "abc")',
      'exercises: exercise 1 ("Squat 5x100") needs a colon after its name, as in "Squat: 5x100kg@2; 5x100kg"',
      'rpe: must be between 0 and 10',
      'sleepQuality: must be between 1 and 5',
    ]);
  });

  it('reports missing values and a local time that disagrees with startedAt', () => {
    const { prepared } = read(`${HEADER},localDateTime\n,Europe/Paris,,30,5,\n2026-01-05T06:30:00Z,Europe/Paris,hiit,30,5,2026-01-05 09:00\n`);
    expect(problems(prepared[0]!)).to.deep.equal(['modality: is required', 'startedAt: is required']);
    expect(problems(prepared[1]!)).to.deep.equal([
      'localDateTime: is 2026-01-05 09:00, but startedAt is 2026-01-05 07:30 in Europe/Paris; correct one of them, or clear localDateTime',
    ]);
  });

  it('refuses a row whose values have shifted, and skips blank lines', () => {
    const { prepared } = read(`${HEADER}\n\n2026-01-05T06:30:00Z,Europe/Paris,aerobic,45,6,extra\n`);
    expect(prepared).to.have.length(1);
    expect(problems(prepared[0]!)).to.deep.equal(['(row): has 6 values but the header names 5 columns (a comma in a note without quotes around it?)']);
  });

  it('warns of the columns it does not import, and refuses a header without the needed ones', () => {
    expect(read(`${HEADER},load,mood\n`).warnings.map((w) => w.column)).to.deep.equal(['mood', 'load']);
    expect(() => read('startedAt,modality\n')).to.throw(ImportFileError, /no timeZone, durationMin, rpe columns/);
    expect(() => read('colour,size\n')).to.throw(ImportFileError, /neither a loadwise JSON export nor a sessions CSV/);
  });
});

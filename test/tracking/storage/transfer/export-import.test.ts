import { expect } from '@open-wc/testing';
import { csvParseRows } from 'd3-dsv';
import { exportCsv, sessionsToCsv } from '../../../../src/tracking/storage/transfer/export-csv.js';
import { exportJson, exportJsonText, type ExportEnvelope } from '../../../../src/tracking/storage/transfer/export-json.js';
import { ImportFileError, importData } from '../../../../src/tracking/storage/transfer/import/import.js';
import { SESSION_CSV_COLUMNS } from '../../../../src/tracking/storage/transfer/csv.js';
import type { TrainingSession } from '../../../../src/tracking/model.js';
import type { StorageAdapter } from '../../../../src/tracking/storage/types.js';
import { listAll } from '../../../../src/tracking/storage/list-all.js';
import { adapterKinds, byId, expectAccounted, putAll, reading, richSessions, session } from './fixtures.js';

const live = async (adapter: StorageAdapter) =>
  byId((await listAll(adapter, 'sessions')).flatMap((s) => (s.deleted ? [] : [s.record])));

/** The import must throw an `ImportFileError` with this problem, and write nothing. */
async function expectFileError(adapter: StorageAdapter, input: string, problem: string, words: RegExp, format?: 'json' | 'csv') {
  let caught: unknown;
  try {
    await importData(adapter, input, format ? { format } : {});
  } catch (error) {
    caught = error;
  }
  expect(caught, `an ImportFileError for ${JSON.stringify(input.slice(0, 40))}`).to.be.instanceOf(ImportFileError);
  const e = caught as ImportFileError;
  expect(e.code).to.equal('import-file');
  expect(e.problem).to.equal(problem);
  expect(e.message).to.match(words);
  expect((await adapter.estimate()).records).to.deep.equal({ sessions: 0, glucose: 0 });
}

const HEADER = 'id,startedAt,timeZone,modality,durationMin,rpe,notes';

const { kinds, cleanUp } = adapterKinds();

for (const kind of kinds) {
  describe(`export and import, ${kind.name}`, () => {
    afterEach(cleanUp);

    describe('JSON', () => {
      it('round-trips losslessly: export, import into an empty store, export again', async () => {
        const source = kind.make();
        const sessions = richSessions();
        const readings = [reading(0), reading(1, { context: 'after-meal', notes: 'after pasta', mgdl: 182 })];
        await putAll(source, sessions, readings);
        const gone = await source.get('sessions', sessions[7]!.id);
        await source.remove('sessions', gone!.id, { expectedRev: gone!.rev });

        const envelope = await exportJson(source, { includeDeleted: true });
        expect(envelope).to.include({ format: 'loadwise-export', version: 1, app: 'loadwise' });
        expect(Number.isNaN(Date.parse(envelope.exportedAt))).to.equal(false);
        expect(envelope.collections.sessions).to.have.length(8);
        expect(envelope.collections.sessions.filter((e) => e.deleted)).to.have.length(1);
        expect(envelope.collections.glucose).to.have.length(2);
        const entry = envelope.collections.sessions.find((e) => e.id === sessions[0]!.id)!;
        expect(entry).to.have.keys('id', 'rev', 'deleted', 'record');

        const target = kind.make();
        const report = await importData(target, await exportJsonText(source, { includeDeleted: true }));
        expectAccounted(report);
        // The removal is "already there": the empty store does not have the record either.
        expect(report).to.deep.include({ format: 'json', total: 10, processed: 10, added: 9, unchanged: 1, complete: true, cancelled: false });
        expect(report.conflicts).to.deep.equal([]);
        expect(report.rejected).to.deep.equal([]);

        const again = await exportJson(target);
        const records = (e: ExportEnvelope, c: 'sessions' | 'glucose') => byId(e.collections[c].flatMap((s) => (s.deleted ? [] : [s.record as { id: string }])));
        expect(records(again, 'sessions')).to.deep.equal(records(envelope, 'sessions'));
        expect(records(again, 'glucose')).to.deep.equal(records(envelope, 'glucose'));
        expect(records(again, 'sessions')).to.deep.equal(byId(sessions.slice(0, 7)));
        // New records get fresh revisions from the adapter.
        const revOf = (e: ExportEnvelope, id: string) => e.collections.sessions.find((s) => s.id === id)?.rev;
        expect(revOf(again, sessions[0]!.id)).to.be.a('string').and.not.equal(revOf(envelope, sessions[0]!.id));
      });

      it('reports everything as already there when the same file is imported twice, or back into its source', async () => {
        const source = kind.make();
        await putAll(source, [session(0), session(1), session(2)], [reading(0)]);
        const file = await exportJsonText(source, { space: 2 });

        const intoSource = await importData(source, file);
        expectAccounted(intoSource);
        expect(intoSource).to.deep.include({ added: 0, unchanged: 4, total: 4 });

        const target = kind.make();
        expect(await importData(target, new Blob([file], { type: 'application/json' }))).to.deep.include({ added: 4, unchanged: 0 });
        const second = await importData(target, file);
        expectAccounted(second);
        expect(second).to.deep.include({ added: 0, unchanged: 4, complete: true });
        expect((await target.estimate()).records).to.deep.equal({ sessions: 3, glucose: 1 });
      });

      it('lists conflicts and keeps what is stored', async () => {
        const store = kind.make();
        const [a, b, c, d] = [session(0), session(1), session(2), session(3)];
        await putAll(store, [a!, b!, c!, d!]);
        const envelope = await exportJson(store);

        // Changed here since the export: a different version.
        const storedA = (await store.get('sessions', a!.id))!;
        await store.put('sessions', { ...a!, notes: 'changed here', updatedAt: new Date().toISOString() }, { expectedRev: storedA.rev });
        // Removed here since the export.
        const storedB = (await store.get('sessions', b!.id))!;
        await store.remove('sessions', b!.id, { expectedRev: storedB.rev });
        // Edited in the file by hand, keeping the revision.
        const entryC = envelope.collections.sessions.find((e) => e.id === c!.id)!;
        if (!entryC.deleted) entryC.record = { ...entryC.record, durationMin: 99 };
        // A removal in the file of a record the store still has.
        const entryD = envelope.collections.sessions.find((e) => e.id === d!.id)!;
        envelope.collections.sessions[envelope.collections.sessions.indexOf(entryD)] = {
          id: d!.id,
          rev: '9-ffffffff',
          deleted: true,
          deletedAt: new Date().toISOString(),
        };

        const report = await importData(store, JSON.stringify(envelope));
        expectAccounted(report);
        expect(report).to.deep.include({ added: 0, unchanged: 0, total: 4, complete: true });
        const reasons = Object.fromEntries(report.conflicts.map((x) => [x.id, x.reason]));
        expect(reasons).to.deep.equal({ [a!.id]: 'different', [b!.id]: 'removed-here', [c!.id]: 'edited', [d!.id]: 'removed-in-file' });
        const conflictA = report.conflicts.find((x) => x.id === a!.id)!;
        expect(conflictA.storedRev).to.equal((await store.get('sessions', a!.id))!.rev);
        expect(conflictA.incoming).to.deep.equal(a);
        expect(conflictA.where).to.equal(`sessions[${conflictA.row}]`);
        expect(conflictA.message).to.equal(`sessions[${conflictA.row}]: a different version of this session is stored; the stored one was kept`);

        // Nothing was overwritten, brought back or removed.
        const after = await store.get('sessions', a!.id);
        expect(!after?.deleted && after?.record.notes).to.equal('changed here');
        expect((await store.get('sessions', b!.id))?.deleted).to.equal(true);
        const storedC = await store.get('sessions', c!.id);
        expect(!storedC?.deleted && storedC?.record.durationMin).to.equal(c!.durationMin);
        expect((await store.get('sessions', d!.id))?.deleted).to.equal(false);
      });

      it('rejects bad entries by index and field, and imports the good ones', async () => {
        const store = kind.make();
        const good = [session(0), session(1), session(2)];
        const envelope = {
          format: 'loadwise-export',
          version: 1,
          exportedAt: new Date().toISOString(),
          app: 'loadwise',
          extra: true,
          collections: {
            sessions: [
              { id: good[0]!.id, rev: '1-a', deleted: false, record: good[0] },
              { id: 'x', rev: '1-b', deleted: false, record: { ...session(9, { id: 'x' }), durationMin: 0 } },
              { id: good[1]!.id, rev: '1-c', deleted: false, record: good[1] },
              { id: good[2]!.id, rev: '', record: good[2] },
              { id: crypto.randomUUID(), rev: '1-d', deleted: false, record: { ...session(10), schemaVersion: 7 } },
              'not an entry',
              { id: good[1]!.id, rev: '1-e', record: { ...good[1]!, id: crypto.randomUUID() } },
            ],
            glucose: [{ id: 'r', rev: '1-a', record: { ...reading(0, { id: 'r' }), mgdl: 5 } }],
            meals: [{ id: 'm' }],
          },
        };
        const report = await importData(store, JSON.stringify(envelope));
        expectAccounted(report);
        expect(report).to.deep.include({ total: 8, processed: 8, added: 2, unchanged: 0, complete: true });
        expect(report.rejected.map((r) => r.where)).to.deep.equal(['sessions[1]', 'sessions[3]', 'sessions[4]', 'sessions[5]', 'sessions[6]', 'glucose[0]']);
        const [r1, r3, r4, r5, r6, g0] = report.rejected;
        expect(r1!.message).to.equal('sessions[1]: record.id must be a UUID such as 0b5e1c9a-3f7d-4e2a-9c1b-6a8d2f4e7b10; record.durationMin must be between 1 and 1440 minutes');
        expect(r1!.row).to.equal(1);
        expect(r3!.issues).to.deep.equal([{ path: 'rev', message: 'must not be empty' }]);
        expect(r4!.issues[0]!.path).to.equal('record.schemaVersion');
        expect(r4!.issues[0]!.message).to.contain('newer version');
        expect(r5!.issues[0]!.message).to.equal('must be an object');
        expect(r6!.issues[0]!.path).to.equal('id');
        expect(g0).to.deep.include({ collection: 'glucose', id: 'r' });
        expect(g0!.issues).to.deep.equal([
          { path: 'record.id', message: 'must be a UUID such as 0b5e1c9a-3f7d-4e2a-9c1b-6a8d2f4e7b10' },
          { path: 'record.mgdl', message: 'must be between 20 and 600 mg/dL' },
        ]);
        expect(report.warnings.map((w) => w.message)).to.deep.equal([
          'The file\'s "extra" field is not one this version knows; it was not imported.',
          'The file\'s "meals" collection (1 entries) is not one this version knows; it was not imported.',
        ]);
        expect(await live(store)).to.deep.equal(byId([good[0]!, good[1]!]));
      });

      it('refuses files that are not a loadwise export, naming the problem', async () => {
        const store = kind.make();
        await expectFileError(store, '', 'empty', /empty/);
        await expectFileError(store, '  \n', 'empty', /empty/);
        await expectFileError(store, '{"format": "loadwise-export", "version": 1,', 'bad-json', /not valid JSON/);
        await expectFileError(store, '[{"id": 1}]', 'not-an-export', /holds a list/);
        await expectFileError(store, '{"format": "other-app", "version": 1}', 'not-an-export', /"format" must be "loadwise-export", not "other-app"/);
        await expectFileError(store, '{"sessions": []}', 'not-an-export', /and it has none/);
        await expectFileError(store, '{"format": "loadwise-export", "version": 2, "collections": {}}', 'version-too-new', /newer version of loadwise \(export format version 2; this version reads up to 1\)/);
        await expectFileError(store, '{"format": "loadwise-export", "version": 1}', 'bad-envelope', /collections is required/);
        await expectFileError(store, '{"format": "loadwise-export", "version": "1", "collections": {}}', 'bad-envelope', /version must be 1/);
        await expectFileError(store, '{"format": "loadwise-export", "version": 1, "collections": {"sessions": {}}}', 'bad-envelope', /collections\.sessions must be a list/);
        await expectFileError(store, 'name,age\nAda,36\n', 'not-recognised', /neither a loadwise JSON export nor a sessions CSV/);
        await expectFileError(store, '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj', 'not-recognised', /neither/);
        await expectFileError(store, 'not json at all', 'bad-json', /not valid JSON/, 'json');
      });
    });

    describe('CSV', () => {
      it('round-trips every field, Unicode, quotes, line breaks and formula-looking text', async () => {
        const source = kind.make();
        const sessions = richSessions();
        await putAll(source, sessions);
        const csv = await exportCsv(source);

        const rows = csvParseRows(csv);
        expect(rows[0]).to.deep.equal([...SESSION_CSV_COLUMNS]);
        expect(rows).to.have.length(sessions.length + 1);
        const col = (name: string) => SESSION_CSV_COLUMNS.indexOf(name as (typeof SESSION_CSV_COLUMNS)[number]);
        const rowOf = (s: TrainingSession) => rows.find((r) => r[0] === s.id)!;
        const first = rowOf(sessions[0]!);
        expect(first[col('localDateTime')]).to.equal('2026-01-05 01:30');
        expect(first[col('load')]).to.equal('412.5');
        expect(first[col('exercises')]).to.equal('Back squat: 5x100kg@2; 5x102.5kg | Plank: | Press\\: "strict"\\; 1\\|2 \\\\ back: 8x42.5kg@0');
        expect(first[col('sleepQuality')]).to.equal('4');
        // No cell a spreadsheet would run as a formula.
        for (const row of rows) for (const cell of row) expect(cell, cell).to.not.match(/^[=+\-@\t\r]/);
        expect(rowOf(sessions[1]!)[col('notes')]).to.equal("'=SUM(A1)");
        expect(rowOf(sessions[2]!)[col('exercises')]).to.equal('\'=HYPERLINK("http\\://x"): 1x1kg');
        expect(rowOf(sessions[3]!)[col('notes')]).to.equal("''=already quoted");
        expect(rowOf(sessions[5]!)[col('notes')]).to.equal("'-5 kg since May");

        const target = kind.make();
        const report = await importData(target, csv);
        expectAccounted(report);
        expect(report).to.deep.include({ format: 'csv', total: 8, added: 8, complete: true });
        expect(report.warnings).to.deep.equal([{ column: 'load', message: 'The "load" column is not imported: load is always rpe × durationMin.' }]);
        expect(await live(target)).to.deep.equal(byId(sessions));
        expect(await exportCsv(target)).to.equal(csv);

        // A byte order mark (for Excel) is written on request and read either way.
        const withBom = await exportCsv(source, { bom: true });
        expect(withBom.startsWith('\uFEFFid,')).to.equal(true);
        const again = await importData(target, withBom);
        expectAccounted(again);
        expect(again).to.deep.include({ added: 0, unchanged: 8 });
      });

      it('rejects bad rows with their row number and column, and imports the good ones', async () => {
        const store = kind.make();
        const good = [session(0), session(1), session(2), session(3), session(4)];
        const csv = sessionsToCsv(good).trimEnd().split('\n');
        const line = (s: TrainingSession, edit: Partial<Record<string, string>>) => {
          const cells: Record<string, string | undefined> = { ...Object.fromEntries(SESSION_CSV_COLUMNS.map((c) => [c, ''])), id: s.id, startedAt: s.startedAt, timeZone: s.timeZone, modality: s.modality, durationMin: String(s.durationMin), rpe: String(s.rpe), ...edit };
          return SESSION_CSV_COLUMNS.map((c) => cells[c]).join(',');
        };
        const file = [
          csv[0], // header
          csv[1], // row 1: good
          line(session(5), { durationMin: '2000' }), // row 2
          csv[2], // row 3: good
          line(session(6), { rpe: 'hard', soreness: '9' }), // row 4
          line(session(7), { exercises: 'Squat 5x100' }), // row 5
          '', // a blank line: not a row, not counted
          csv[3], // row 7: good
          line(session(8), { modality: 'yoga', timeZone: 'Mars/Olympus', avgHr: '180', maxHr: '170' }), // row 8
          line(session(9), { notes: 'a, b' }), // row 9: an unquoted comma makes one value too many
          csv[4], // row 10: good
          line(session(10), { startedAt: '' }), // row 11: no start
          csv[5], // row 12: good
        ].join('\r\n');
        const report = await importData(store, file);
        expectAccounted(report);
        expect(report).to.deep.include({ total: 11, processed: 11, added: 5, unchanged: 0, complete: true });
        expect(report.rejected.map((r) => [r.row, r.message])).to.deep.equal([
          [2, 'row 2: durationMin must be between 1 and 1440 minutes'],
          [4, 'row 4: rpe must be a number (found "hard"); soreness must be between 1 and 5'],
          [5, 'row 5: exercises exercise 1 ("Squat 5x100") needs a colon after its name, as in "Squat: 5x100kg@2; 5x100kg"'],
          [
            8,
            'row 8: modality must be one of aerobic, resistance, hiit, combined, other; timeZone must be an IANA time zone such as Europe/Paris',
          ],
          [9, 'row 9: has 19 values but the header names 18 columns (a comma in a note without quotes around it?)'],
          [11, 'row 11: startedAt is required'],
        ]);
        expect(report.rejected[0]).to.deep.include({ collection: 'sessions', where: 'row 2' });
        expect(report.rejected[0]!.issues).to.deep.equal([{ path: 'durationMin', message: 'must be between 1 and 1440 minutes' }]);
        expect(await live(store)).to.deep.equal(byId(good));
      });

      it('gives a row without an id a new one, and does not duplicate it when imported again', async () => {
        const store = kind.make();
        const file = `${HEADER}\n,2026-03-02T07:00:00Z,Europe/Paris,aerobic,45,6,Morning run\n,2026-03-03T07:00:00Z,Europe/Paris,hiit,20,8,\n`;
        const now = new Date('2026-03-04T12:00:00.000Z');
        const first = await importData(store, file, { now });
        expectAccounted(first);
        expect(first).to.deep.include({ added: 2, total: 2 });
        const stored = await live(store);
        expect(stored).to.have.length(2);
        for (const s of stored) {
          expect(s.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
          expect(s).to.include({ createdAt: now.toISOString(), updatedAt: now.toISOString() });
        }
        const run = stored.find((s) => s.modality === 'aerobic')!;
        expect(run).to.deep.include({ durationMin: 45, rpe: 6, notes: 'Morning run', schemaVersion: 1 });

        const second = await importData(store, file, { now: new Date('2026-03-05T12:00:00Z') });
        expectAccounted(second);
        expect(second).to.deep.include({ added: 0, unchanged: 2 });
        expect(await live(store)).to.have.length(2);
      });

      it('reads a hand-made sheet: any column order and case, local times, offsets; warns of unknown columns', async () => {
        const store = kind.make();
        const file = [
          'RPE,Modality,durationmin,timezone,localDateTime,Heart rate,,startedAt',
          '6,Aerobic,40,Europe/Paris,2026-11-24 07:30,150,,',
          '7,resistance,50,Europe/Paris,,,,2026-11-25T07:30:00+01:00',
          '7,resistance,50,Europe/Paris,2026-11-26 08:30,,,2026-11-26T06:30:00Z',
        ].join('\n');
        const report = await importData(store, file);
        expectAccounted(report);
        expect(report).to.deep.include({ added: 2, total: 3 });
        expect(report.warnings).to.deep.equal([
          { column: 'Heart rate', message: 'The column "Heart rate" is not one loadwise knows; its values were not imported.' },
          { column: '', message: 'Column 7 has no name; its values were not imported.' },
        ]);
        expect(report.rejected.map((r) => r.message)).to.deep.equal([
          'row 3: localDateTime is 2026-11-26 08:30, but startedAt is 2026-11-26 07:30 in Europe/Paris; correct one of them, or clear localDateTime',
        ]);
        const starts = (await live(store)).map((s) => [s.modality, s.startedAt]).sort();
        expect(starts).to.deep.equal([
          ['aerobic', '2026-11-24T06:30:00.000Z'],
          ['resistance', '2026-11-25T06:30:00.000Z'],
        ]);
      });

      it('lists a changed row as a conflict and keeps the stored session', async () => {
        const store = kind.make();
        const s = session(0, { notes: 'original' });
        await putAll(store, [s]);
        const csv = sessionsToCsv([{ ...s, notes: 'edited in a spreadsheet' }]);
        const report = await importData(store, csv);
        expectAccounted(report);
        expect(report.conflicts).to.have.length(1);
        expect(report.conflicts[0]).to.deep.include({ row: 1, where: 'row 1', id: s.id, reason: 'different' });
        const stored = await store.get('sessions', s.id);
        expect(!stored?.deleted && stored?.record.notes).to.equal('original');
      });

      it('refuses a CSV without the columns a session needs, or with a column twice', async () => {
        const store = kind.make();
        await expectFileError(store, 'id,startedAt,timeZone,modality\n', 'bad-header', /no durationMin, rpe columns/);
        await expectFileError(store, 'timeZone,modality,durationMin,rpe\n', 'bad-header', /no startedAt column/);
        await expectFileError(store, 'startedAt,timeZone,modality,durationMin,rpe,RPE\n', 'bad-header', /"rpe" twice/);
      });
    });
  });
}

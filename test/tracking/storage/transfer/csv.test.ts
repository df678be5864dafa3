import { expect } from '@open-wc/testing';
import { escapeCell, formatExercises, parseExercises, unescapeCell } from '../../../../src/tracking/storage/transfer/csv.js';
import { instantFromLocal, localDateTime } from '../../../../src/tracking/time/wall-clock.js';
import type { ExerciseEntry } from '../../../../src/tracking/model.js';

describe('CSV cells: formula injection guard', () => {
  it('prefixes every value a spreadsheet would run as a formula', () => {
    for (const value of ['=SUM(A1)', '+cmd|/C calc!A0', '-2+3', '@SUM(1)', '\t=1', '\r=1']) {
      expect(escapeCell(value), value).to.equal(`'${value}`);
    }
  });

  it('leaves ordinary values alone', () => {
    for (const value of ['', 'Felt strong', '60', '2026-11-24T07:30:00Z', "'quoted'", 'a=b', 'x-y']) {
      expect(escapeCell(value)).to.equal(value);
    }
  });

  it('undoes exactly what it did, including values that already start with quotes', () => {
    for (const value of ['=SUM(A1)', "'=SUM(A1)", "''=x", "'hello", "'", "''", '-', '+', 'plain', '@', "'@x"]) {
      expect(unescapeCell(escapeCell(value)), value).to.equal(value);
    }
    // What a person typed with a leading quote and no formula after it is kept as typed.
    expect(unescapeCell("'hello")).to.equal("'hello");
  });
});

describe('CSV cells: exercise notation', () => {
  const exercises: ExerciseEntry[] = [
    {
      name: 'Back squat',
      sets: [
        { reps: 5, loadKg: 100, rir: 2 },
        { reps: 5, loadKg: 102.5 },
      ],
    },
    { name: 'Plank', sets: [] },
    { name: 'Odd: name; with | and \\ in it', sets: [{ reps: 12, loadKg: 0, rir: 0 }] },
  ];

  it('writes the compact form', () => {
    expect(formatExercises(exercises)).to.equal('Back squat: 5x100kg@2; 5x102.5kg | Plank: | Odd\\: name\\; with \\| and \\\\ in it: 12x0kg@0');
  });

  it('reads back what it writes', () => {
    const parsed = parseExercises(formatExercises(exercises));
    expect(parsed).to.deep.equal({ ok: true, value: exercises });
  });

  it('reads a hand-written form with spaces, × and no kg', () => {
    expect(parseExercises('Row : 8 × 40 ; 8x42.5 kg @ 1;')).to.deep.equal({
      ok: true,
      value: [
        {
          name: 'Row',
          sets: [
            { reps: 8, loadKg: 40 },
            { reps: 8, loadKg: 42.5, rir: 1 },
          ],
        },
      ],
    });
  });

  it('says which exercise and which set it cannot read', () => {
    const noColon = parseExercises('Squat 5x100kg');
    expect(noColon.ok).to.equal(false);
    expect(!noColon.ok && noColon.message).to.contain('exercise 1').and.contain('colon');
    const badSet = parseExercises('Squat: 5x100kg | Bench: 5 reps');
    expect(!badSet.ok && badSet.message).to.equal('exercise 2 ("Bench"), set 1 ("5 reps") must look like 5x100kg or 5x100kg@2');
  });
});

describe('CSV cells: local date and time', () => {
  it('shows the start in the session’s own zone', () => {
    expect(localDateTime('2026-11-24T06:30:00Z', 'Europe/Paris')).to.equal('2026-11-24 07:30');
    expect(localDateTime('2026-11-24T06:30:00Z', 'America/Los_Angeles')).to.equal('2026-11-23 22:30');
    expect(localDateTime('2026-07-01T00:05:00Z', 'UTC')).to.equal('2026-07-01 00:05');
  });

  it('turns a local time back into the instant, on either side of a clock change', () => {
    expect(instantFromLocal('2026-11-24 07:30', 'Europe/Paris')).to.equal('2026-11-24T06:30:00.000Z');
    expect(instantFromLocal('2026-07-24 07:30', 'Europe/Paris')).to.equal('2026-07-24T05:30:00.000Z');
    // The hour repeated in autumn: the first of the two.
    expect(instantFromLocal('2026-10-25 02:30', 'Europe/Paris')).to.equal('2026-10-25T00:30:00.000Z');
    // The hour skipped in spring: read with the winter offset, shown as 03:30.
    const skipped = instantFromLocal('2026-03-29 02:30', 'Europe/Paris')!;
    expect(localDateTime(skipped, 'Europe/Paris')).to.equal('2026-03-29 03:30');
  });

  it('refuses what is not a date and time', () => {
    expect(instantFromLocal('24/11/2026 07:30', 'Europe/Paris')).to.equal(undefined);
    expect(instantFromLocal('2026-02-30 07:30', 'Europe/Paris')).to.equal(undefined);
  });
});

import { expect } from '@open-wc/testing';
import { fieldData, fieldId, pathOf, sectionOf, sectionsWithValues, valueAt, withValueAt, type FieldPath } from '../../../src/tracking/session-logger/field-path.js';
import { emptyForm, parseForm, type FormValues } from '../../../src/tracking/session-logger/form-model.js';
import { sessionLoggerStrings } from '../../../src/tracking/session-logger/strings.js';

const NOW = new Date('2026-11-24T12:00:00Z');
const form = (overrides: Partial<FormValues> = {}): FormValues => ({
  ...emptyForm('Europe/Paris', NOW),
  exercises: [{ name: 'Squat', sets: [{ reps: '5', load: '100', rir: '' }, { reps: '5', load: '', rir: '2' }] }],
  ...overrides,
});

/** A control as the form renders it: its `data-` attributes from `fieldData`. */
const control = (path: FieldPath) => {
  const el = document.createElement('input');
  for (const [key, value] of Object.entries(fieldData(path))) if (value !== undefined) el.dataset[key] = value;
  return el;
};

describe('session form field paths', () => {
  const paths: [FieldPath, string][] = [
    [{ kind: 'field', name: 'duration' }, 'duration'],
    [{ kind: 'field', name: 'glucoseContext' }, 'glucoseContext'],
    [{ kind: 'exercise', exercise: 3, part: 'name' }, 'ex-3-name'],
    [{ kind: 'set', exercise: 3, set: 1, part: 'reps' }, 'ex-3-set-1-reps'],
    [{ kind: 'set', exercise: 0, set: 12, part: 'rir' }, 'ex-0-set-12-rir'],
  ];

  it('gives each path one DOM id, the key of its message', () => {
    for (const [path, id] of paths) expect(fieldId(path)).to.equal(id);
    const errors = parseForm(form({ modality: 'resistance', exercises: [{ name: '', sets: [{ reps: 'x', load: '', rir: '' }] }] }), sessionLoggerStrings.en, {
      timeZone: 'Europe/Paris',
      weightUnit: 'kg',
      glucoseUnit: 'mg/dL',
      now: NOW,
    }).errors;
    expect(Object.keys(errors)).to.include.members([
      fieldId({ kind: 'exercise', exercise: 0, part: 'name' }),
      fieldId({ kind: 'set', exercise: 0, set: 0, part: 'reps' }),
    ]);
  });

  it('finds the path again from the attributes it wrote on a real control', () => {
    for (const [path] of paths) expect(pathOf(control(path))).to.deep.equal(path);
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'rpe';
    expect(pathOf(radio)).to.deep.equal({ kind: 'field', name: 'rpe' });
  });

  it('knows no path for a control that is not a form field', () => {
    expect(pathOf(document.createElement('input'))).to.equal(undefined);
    const stray = document.createElement('input');
    stray.dataset.field = 'exercises';
    expect(pathOf(stray)).to.equal(undefined);
    stray.dataset.exercise = '0';
    stray.dataset.field = 'weight';
    expect(pathOf(stray)).to.equal(undefined);
  });

  it('reads and writes a value at a path, leaving the values it was given alone', () => {
    const values = form();
    const set: FieldPath = { kind: 'set', exercise: 0, set: 1, part: 'load' };
    expect(valueAt(values, set)).to.equal('');
    const next = withValueAt(values, set, '60')!;
    expect(valueAt(next, set)).to.equal('60');
    expect(values.exercises[0]!.sets[1]!.load).to.equal('');
    expect(withValueAt(values, { kind: 'exercise', exercise: 0, part: 'name' }, 'Front squat')!.exercises[0]!.name).to.equal('Front squat');
    expect(withValueAt(values, { kind: 'field', name: 'notes' }, 'felt good')!.notes).to.equal('felt good');
  });

  it('writes nothing past the exercises or sets there are (a late event from a removed row)', () => {
    const values = form();
    expect(withValueAt(values, { kind: 'exercise', exercise: 1, part: 'name' }, 'Row')).to.equal(undefined);
    expect(withValueAt(values, { kind: 'set', exercise: 0, set: 2, part: 'reps' }, '8')).to.equal(undefined);
    expect(valueAt(values, { kind: 'set', exercise: 4, set: 0, part: 'reps' })).to.equal('');
  });

  it('says which optional section a field sits in, and which sections hold values', () => {
    expect(['avgHr', 'ex-0-set-1-load', 'notes', 'glucoseContext', 'duration'].map(sectionOf)).to.deep.equal(['hr', 'exercises', 'notes', 'glucose', undefined]);
    expect(sectionsWithValues(emptyForm('UTC', NOW))).to.deep.equal([]);
    expect(sectionsWithValues(form({ maxHr: '180', fatigue: '3', glucose: '95' }))).to.deep.equal(['hr', 'exercises', 'feel', 'glucose']);
  });
});

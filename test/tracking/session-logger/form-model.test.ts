import { expect } from '@open-wc/testing';
import {
  deserializeDraft,
  emptyForm,
  hasInput,
  logAgainValues,
  parseForm,
  parseNumber,
  serializeDraft,
  sessionLoad,
  sessionToValues,
  type FormSettings,
  type FormValues,
} from '../../../src/tracking/session-logger/form-model.js';
import { sessionLoggerStrings } from '../../../src/tracking/session-logger/strings.js';
import { newSession, validateSession } from '../../../src/tracking/model.js';

const en = sessionLoggerStrings.en;
const es = sessionLoggerStrings.es!;
const NOW = new Date('2026-11-24T12:00:00Z');
const metric: FormSettings = { timeZone: 'Europe/Paris', weightUnit: 'kg', glucoseUnit: 'mg/dL', now: NOW };

function form(overrides: Partial<FormValues> = {}): FormValues {
  return { ...emptyForm('Europe/Paris', NOW), modality: 'aerobic', date: '2026-11-24', time: '07:30', duration: '45', rpe: '6', ...overrides };
}

describe('session form model', () => {
  it('turns a routine entry into a valid session in UTC', () => {
    const { session, errors } = parseForm(form(), en, metric);
    expect(errors).to.deep.equal({});
    expect(session).to.deep.equal({ modality: 'aerobic', startedAt: '2026-11-24T06:30:00.000Z', timeZone: 'Europe/Paris', durationMin: 45, rpe: 6 });
    expect(validateSession(newSession(session!)).ok).to.equal(true);
  });

  it('reads the local time with the offset in force on that date (DST)', () => {
    const summer = parseForm(form({ date: '2026-07-01', time: '07:30' }), en, metric);
    expect(summer.session?.startedAt).to.equal('2026-07-01T05:30:00.000Z');
    const ny = parseForm(form({ date: '2026-03-08', time: '12:00' }), en, { ...metric, timeZone: 'America/New_York' });
    expect(ny.session?.startedAt).to.equal('2026-03-08T16:00:00.000Z');
    const nyBefore = parseForm(form({ date: '2026-03-07', time: '12:00' }), en, { ...metric, timeZone: 'America/New_York' });
    expect(nyBefore.session?.startedAt).to.equal('2026-03-07T17:00:00.000Z');
  });

  it('says what is wrong with each required field, in plain words', () => {
    const { session, errors } = parseForm({ ...emptyForm('Europe/Paris', NOW), date: '', time: '' }, en, metric);
    expect(session).to.equal(undefined);
    expect(errors).to.deep.equal({
      modality: 'Choose the kind of session: Aerobic, Resistance, HIIT, Combined or Other.',
      date: 'Enter the date of the session.',
      time: 'Enter the time the session started.',
      duration: 'Duration must be between 1 and 1440 minutes.',
      rpe: 'Choose how hard the session was, from 0 (rest) to 10 (maximal).',
    });
  });

  it('rejects durations out of range or not numbers, and a start in the future', () => {
    for (const duration of ['0', '1441', 'abc', '-5']) {
      expect(parseForm(form({ duration }), en, metric).errors.duration, duration).to.equal('Duration must be between 1 and 1440 minutes.');
    }
    expect(parseForm(form({ date: '2026-11-25' }), en, metric).errors.date).to.equal('The start of the session cannot be in the future.');
    expect(parseForm(form({ rpe: '11' }), en, metric).errors.rpe).to.equal(en.rpeRequired);
    expect(parseForm(form({ rpe: '6.5' }), en, metric).session?.rpe).to.equal(6.5);
    expect(parseForm(form({ rpe: '6.3' }), en, metric).errors.rpe).to.equal(en.rpeRequired);
  });

  it('accepts a decimal comma', () => {
    expect(parseNumber('12,5')).to.equal(12.5);
    expect(parseNumber(' ')).to.equal(null);
    expect(parseNumber('1e3')).to.equal(undefined);
    expect(parseForm(form({ duration: '45,5' }), en, metric).session?.durationMin).to.equal(45.5);
  });

  it('checks heart rates, including average above maximum', () => {
    expect(parseForm(form({ avgHr: '20' }), en, metric).errors.avgHr).to.equal('Average heart rate must be a whole number between 25 and 250 beats per minute.');
    expect(parseForm(form({ maxHr: '251' }), en, metric).errors.maxHr).to.equal('Maximum heart rate must be a whole number between 25 and 250 beats per minute.');
    expect(parseForm(form({ avgHr: '160', maxHr: '150' }), en, metric).errors.avgHr).to.equal('Average heart rate cannot be above the maximum heart rate.');
    const ok = parseForm(form({ avgHr: '130', maxHr: '165' }), en, metric).session;
    expect([ok?.avgHr, ok?.maxHr]).to.deep.equal([130, 165]);
  });

  it('builds exercises for resistance sessions, converting pounds to kilograms', () => {
    const values = form({
      modality: 'resistance',
      exercises: [
        { name: ' Squat ', sets: [{ reps: '5', load: '225', rir: '2' }, { reps: '', load: '', rir: '' }] },
        { name: 'Push-up', sets: [{ reps: '15', load: '', rir: '' }] },
        { name: '', sets: [{ reps: '', load: '', rir: '' }] },
      ],
    });
    const { session, errors } = parseForm(values, en, { ...metric, weightUnit: 'lb' });
    expect(errors).to.deep.equal({});
    expect(session?.exercises).to.deep.equal([
      { name: 'Squat', sets: [{ reps: 5, loadKg: 102.058, rir: 2 }] },
      { name: 'Push-up', sets: [{ reps: 15, loadKg: 0 }] },
    ]);
    // Not a strength session: the exercises are kept in the form but not saved.
    expect(parseForm({ ...values, modality: 'aerobic' }, en, metric).session?.exercises).to.equal(undefined);
  });

  it('names each invalid exercise field', () => {
    const values = form({ modality: 'combined', exercises: [{ name: '', sets: [{ reps: '2.5', load: '2000', rir: '11' }] }] });
    expect(parseForm(values, en, metric).errors).to.deep.equal({
      'ex-0-name': 'Give this exercise a name.',
      'ex-0-set-0-reps': 'Reps must be a whole number between 0 and 1000.',
      'ex-0-set-0-load': 'Load must be between 0 and 1000 kg.',
      'ex-0-set-0-rir': 'Reps in reserve must be a whole number between 0 and 10.',
    });
    const heavy = form({ modality: 'combined', exercises: [{ name: 'Deadlift', sets: [{ reps: '1', load: '3000', rir: '' }] }] });
    expect(parseForm(heavy, en, { ...metric, weightUnit: 'lb' }).errors['ex-0-set-0-load']).to.equal('Load must be between 0 and 2204 lb.');
  });

  it('keeps notes as text and wellness as 1–5', () => {
    const { session } = parseForm(form({ notes: '<b>felt</b> good', sleepQuality: '4', stress: '2' }), en, metric);
    expect(session?.notes).to.equal('<b>felt</b> good');
    expect(session?.wellness).to.deep.equal({ sleepQuality: 4, stress: 2 });
    expect(parseForm(form({ notes: 'x'.repeat(2001) }), en, metric).errors.notes).to.equal('Notes must be at most 2000 characters.');
  });

  it('reads glucose in mg/dL or mmol/L and stores mg/dL', () => {
    const mg = parseForm(form({ glucose: '95', glucoseContext: 'fasting' }), en, metric);
    expect(mg.glucose).to.deep.equal({ measuredAt: '2026-11-24T06:30:00.000Z', timeZone: 'Europe/Paris', mgdl: 95, context: 'fasting' });
    const mmol = parseForm(form({ glucose: '5,5', glucoseContext: 'after-meal' }), en, { ...metric, glucoseUnit: 'mmol/L' });
    expect(mmol.glucose?.mgdl).to.equal(99.1);
    expect(parseForm(form({ glucose: '40' }), en, { ...metric, glucoseUnit: 'mmol/L' }).errors).to.deep.equal({
      glucose: 'Glucose must be between 1.2 and 33.3 mmol/L.',
      glucoseContext: 'Choose when the glucose reading was taken.',
    });
    expect(parseForm(form({ glucose: '700', glucoseContext: 'other' }), en, metric).errors.glucose).to.equal('Glucose must be between 20 and 600 mg/dL.');
    expect(parseForm(form(), en, metric).glucose).to.equal(undefined);
  });

  it('speaks Spanish, numbers formatted for the language', () => {
    const { errors } = parseForm(form({ duration: '0', glucose: '40' }), es, { ...metric, glucoseUnit: 'mmol/L', lang: 'es' });
    expect(errors.duration).to.equal('La duración debe estar entre 1 y 1440 minutos.');
    expect(errors.glucose).to.equal('La glucosa debe estar entre 1,2 y 33,3 mmol/L.');
  });

  it('computes the load live, only once both numbers are valid', () => {
    expect(sessionLoad({ duration: '45', rpe: '6' })).to.equal(270);
    expect(sessionLoad({ duration: '45', rpe: '' })).to.equal(undefined);
    expect(sessionLoad({ duration: '0', rpe: '6' })).to.equal(undefined);
  });

  it('logs a session again with today\'s date and the current time', () => {
    const session = newSession({
      modality: 'resistance',
      startedAt: '2026-11-20T17:00:00Z',
      timeZone: 'Europe/Paris',
      durationMin: 50,
      rpe: 7,
      exercises: [{ name: 'Squat', sets: [{ reps: 5, loadKg: 100 }] }],
      notes: 'old notes',
      wellness: { fatigue: 4 },
    });
    const values = logAgainValues(session, 'kg', 'America/New_York', NOW);
    expect([values.date, values.time, values.modality, values.duration, values.rpe]).to.deep.equal(['2026-11-24', '07:00', 'resistance', '50', '7']);
    expect(values.exercises).to.deep.equal([{ name: 'Squat', sets: [{ reps: '5', load: '100', rir: '' }] }]);
    expect([values.notes, values.fatigue]).to.deep.equal(['', '']);
    expect(sessionToValues(session, 'lb').exercises[0]!.sets[0]!.load).to.equal('220.46');
    expect(sessionToValues(session, 'kg').time).to.equal('18:00');
  });

  it('starts empty at now in the zone, and knows when something was typed', () => {
    const values = emptyForm('Asia/Tokyo', NOW);
    expect([values.date, values.time]).to.deep.equal(['2026-11-24', '21:00']);
    expect(hasInput(values)).to.equal(false);
    expect(hasInput({ ...values, notes: 'x' })).to.equal(true);
  });

  it('round-trips drafts and refuses anything else', () => {
    const draft = { values: form({ notes: 'half done' }), savedAt: NOW.toISOString() };
    expect(deserializeDraft(serializeDraft(draft))).to.deep.equal(draft);
    const editing = { ...draft, editing: { id: 'a', rev: '1' } };
    expect(deserializeDraft(serializeDraft(editing))).to.deep.equal(editing);
    expect(deserializeDraft('not json')).to.equal(undefined);
    expect(deserializeDraft(JSON.stringify({ v: 99, values: {} }))).to.equal(undefined);
    expect(deserializeDraft(null)).to.equal(undefined);
  });
});

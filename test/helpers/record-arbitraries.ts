/**
 * fast-check arbitraries for the records of src/tracking/model.ts, shared by the round-trip
 * property tests in the browser (memory, localStorage, IndexedDB) and on the server (PGlite,
 * PostgreSQL).
 *
 * `session` and `reading` generate records the schemas accept, with the edge values the
 * storage rules of src/base/storable.ts are about: the first and last instants of RECORD_YEARS,
 * text from the whole of Unicode (astral characters, controls other than NUL, U+2028, BOMs,
 * quotes and backslashes), numbers at both ends of their ranges and -0. `refusal` takes a valid
 * record and breaks one field with a value no store could keep; the schema must refuse it and
 * name that field.
 */
import fc from 'fast-check';
import { RECORD_TIME_RANGE, RECORD_YEARS } from '../../src/base/storable.js';
import { GLUCOSE_CONTEXTS, MODALITIES, type GlucoseReading, type TrainingSession } from '../../src/tracking/model.js';

/** Strings that have broken JSON, HTML or SQL handling somewhere, all of them storable. */
const TRICKY_TEXT = [
  '',
  ' ',
  '"quoted" \\backslash\\ \'single\'',
  '<script>alert(1)</script>',
  "'; DROP TABLE loadwise_records; --",
  '\u2028\u2029 line and paragraph separators',
  '\ufeffBOM',
  '\uffff\ufffe',
  '\u0001\u001f\u007f\u0085 controls other than NUL',
  '😀👍🏽👨‍👩‍👧 emoji',
  '\ud83d\ude00 a surrogate pair',
  'e\u0301 combining, \u200f right-to-left mark',
  '%00 %zz %%',
];

/** Text any store keeps: anything but NUL and lone surrogates (fast-check's units never make those). */
export const storableText = (maxLength: number) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...TRICKY_TEXT.filter((t) => t.length <= maxLength)) },
    // fast-check counts code points, the schema UTF-16 units: an astral character is two.
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: Math.floor(maxLength / 2) }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: Math.min(maxLength, 40) }) },
  )
    .map((text) => text.replaceAll('\u0000', ''))
    .filter((text) => text.length <= maxLength);

/** An instant as a stored record holds it: every form the schema accepts, edges included. */
export const instant = fc
  .oneof(
    { weight: 1, arbitrary: fc.constantFrom(RECORD_TIME_RANGE.min, RECORD_TIME_RANGE.max, Date.UTC(2000, 1, 29), Date.UTC(1970, 0, 1)) },
    { weight: 5, arbitrary: fc.integer({ min: RECORD_TIME_RANGE.min, max: RECORD_TIME_RANGE.max }) },
  )
  .chain((ms) =>
    fc.constantFrom(
      new Date(ms).toISOString(),
      // Whole seconds without a fraction, and more digits than milliseconds: both are ISO 8601.
      new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      new Date(ms).toISOString().replace(/Z$/, '123Z'),
    ),
  )
  // The last millisecond with extra digits would be past the range; keep what the schema takes.
  .filter((iso) => Date.parse(iso) <= RECORD_TIME_RANGE.max);

const TIME_ZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Argentina/Buenos_Aires'];

/** A number in [min, max], with both ends, -0 where 0 is allowed, and awkward fractions. */
const number = (min: number, max: number) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...[min, max, ...(min <= 0 && max >= 0 ? [-0] : [])]) },
    { weight: 4, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) },
  );

const int = (min: number, max: number) => fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max }));

const exercise = fc.record({
  // The schema trims names; a name all of spaces would be refused, so give it a letter.
  name: storableText(119).map((name) => `${name.trim()}x`),
  sets: fc.array(fc.record({ reps: int(0, 1000), loadKg: number(0, 1000), rir: int(0, 10) }, { requiredKeys: ['reps', 'loadKg'] }), {
    maxLength: 4,
  }),
});

export const session: fc.Arbitrary<TrainingSession> = fc
  .record(
    {
      id: fc.uuid(),
      schemaVersion: fc.constant(1 as const),
      modality: fc.constantFrom(...MODALITIES),
      startedAt: instant,
      timeZone: fc.constantFrom(...TIME_ZONES),
      durationMin: number(1, 1440),
      rpe: fc.integer({ min: 0, max: 20 }).map((halves) => halves / 2),
      avgHr: int(25, 250),
      maxHr: int(25, 250),
      exercises: fc.array(exercise, { maxLength: 3 }),
      notes: storableText(2000),
      wellness: fc.record({ sleepQuality: int(1, 5), soreness: int(1, 5), fatigue: int(1, 5), stress: int(1, 5) }, { requiredKeys: [] }),
      createdAt: instant,
      updatedAt: instant,
    },
    { requiredKeys: ['id', 'schemaVersion', 'modality', 'startedAt', 'timeZone', 'durationMin', 'rpe', 'createdAt', 'updatedAt'] },
  )
  .map((s) => (s.avgHr !== undefined && s.maxHr !== undefined && s.avgHr > s.maxHr ? { ...s, avgHr: s.maxHr } : s));

export const reading: fc.Arbitrary<GlucoseReading> = fc.record(
  {
    id: fc.uuid(),
    schemaVersion: fc.constant(1 as const),
    measuredAt: instant,
    timeZone: fc.constantFrom(...TIME_ZONES),
    mgdl: number(20, 600),
    context: fc.constantFrom(...GLUCOSE_CONTEXTS),
    notes: storableText(2000),
    createdAt: instant,
    updatedAt: instant,
  },
  { requiredKeys: ['id', 'schemaVersion', 'measuredAt', 'timeZone', 'mgdl', 'context', 'createdAt', 'updatedAt'] },
);

/** Values no store can keep as they are, each with the kind of field it breaks. */
const UNSTORABLE = {
  text: ['NUL \u0000 inside', '\u0000', 'lone high \ud800 surrogate', 'lone low \udfff surrogate', 'reversed \udc00\ud800 pair'],
  instant: [
    '0000-01-01T00:00:00Z',
    `${RECORD_YEARS.min - 1}-12-31T23:59:59.999Z`,
    `${RECORD_YEARS.max + 1}-01-01T00:00:00Z`,
    '9999-12-31T23:59:59Z',
    '2026-11-24T07:30:00\u0000Z',
  ],
  number: [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308 * 10],
} as const;

/** Where each kind of value sits in a record (a path the schema's message must name). */
const FIELDS = {
  session: {
    text: ['notes', 'timeZone', 'exercises[0].name'],
    instant: ['startedAt', 'createdAt', 'updatedAt'],
    number: ['durationMin', 'rpe', 'exercises[0].sets[0].loadKg'],
  },
  reading: { text: ['notes', 'timeZone'], instant: ['measuredAt', 'createdAt', 'updatedAt'], number: ['mgdl'] },
} as const;

export interface Refusal<R> {
  record: R;
  /** The field that holds the bad value, as messages name it: `exercises[0].name`. */
  path: string;
  value: unknown;
}

/** A valid record with one field set to a value no store could keep. */
export function refusal<R extends object>(kind: 'session' | 'reading', valid: fc.Arbitrary<R>): fc.Arbitrary<Refusal<R>> {
  const kinds = Object.keys(UNSTORABLE) as (keyof typeof UNSTORABLE)[];
  return fc
    .record({
      record: valid,
      type: fc.constantFrom(...kinds),
      pick: fc.nat(),
    })
    .map(({ record, type, pick }) => {
      const paths = FIELDS[kind][type];
      const path = paths[pick % paths.length]!;
      const values = UNSTORABLE[type];
      const value = values[Math.floor(pick / paths.length) % values.length]!;
      return { record: setPath(structuredClone(record), path, value), path, value };
    });
}

/** Sets `exercises[0].sets[0].loadKg`-style paths, making the containers it needs. */
function setPath<R extends object>(target: R, path: string, value: unknown): R {
  const keys = path.split(/[.[\]]+/).filter(Boolean);
  let node = target as Record<string, unknown>;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
      return;
    }
    const nextIsIndex = /^\d+$/.test(keys[i + 1]!);
    const template = key === 'exercises' ? [{ name: 'Squat', sets: [] }] : key === 'sets' ? [{ reps: 5, loadKg: 60 }] : nextIsIndex ? [] : {};
    if (node[key] === undefined || (Array.isArray(node[key]) && (node[key] as unknown[]).length === 0)) node[key] = template;
    node = node[key] as Record<string, unknown>;
  });
  return target;
}

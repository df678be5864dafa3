/**
 * The tracking data: training sessions and glucose readings, as zod/mini schemas with their
 * inferred types. Everything that enters storage (a form, an import, a server reply, a value read
 * back from disk) is checked against these, so what is stored is always one of these shapes.
 *
 * Canonical units only: minutes, kilograms, mg/dL. Display converts (see `units.ts`).
 */
import * as z from 'zod/mini';
import { storableInstant, storableInt, storableNumber, storableText } from '../base/storable.js';
import { validate, type Validation } from '../base/validation.js';

/** The version of the record shapes this code writes and reads. */
export const SESSION_SCHEMA_VERSION = 1;
export const GLUCOSE_SCHEMA_VERSION = 1;

export const MODALITIES = ['aerobic', 'resistance', 'hiit', 'combined', 'other'] as const;
export type Modality = (typeof MODALITIES)[number];

export const GLUCOSE_CONTEXTS = ['fasting', 'before-meal', 'after-meal', 'other'] as const;
export type GlucoseContext = (typeof GLUCOSE_CONTEXTS)[number];

const validTimeZones = new Map<string, boolean>();
/** An IANA zone the browser knows ("Europe/Paris", "UTC"); the answer is cached per name. */
export function isTimeZone(name: string): boolean {
  let known = validTimeZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    validTimeZones.set(name, known);
  }
  return known;
}

const between = (min: number, max: number, unit = '') =>
  [z.minimum(min, `must be between ${min} and ${max}${unit}`), z.maximum(max, `must be between ${min} and ${max}${unit}`)] as const;

// Every stored string, number and instant goes through a rule of ../base/storable.ts, so that
// whatever this schema accepts, every adapter and both databases keep unchanged.
// (A UUID has no room for NUL or control characters.)
const uuid = z.uuid('must be a UUID such as 0b5e1c9a-3f7d-4e2a-9c1b-6a8d2f4e7b10');
const instant = storableInstant();
const timeZone = storableText().check(z.refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris'));
const notes = storableText().check(z.maxLength(2000, 'must be at most 2000 characters'));
const wellnessScore = storableInt().check(...between(1, 5));
const heartRate = storableInt().check(...between(25, 250, ' beats per minute'));

export const exerciseSetSchema = z.strictObject({
  reps: storableInt().check(...between(0, 1000)),
  loadKg: storableNumber().check(...between(0, 1000, ' kg')),
  /** Reps in reserve: how many more the person could have done. */
  rir: z.optional(storableInt().check(...between(0, 10))),
});

export const exerciseSchema = z.strictObject({
  name: storableText().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(120, 'must be at most 120 characters')),
  sets: z.array(exerciseSetSchema).check(z.maxLength(50, 'must have at most 50 sets')),
});

export const wellnessSchema = z.strictObject({
  sleepQuality: z.optional(wellnessScore),
  soreness: z.optional(wellnessScore),
  fatigue: z.optional(wellnessScore),
  stress: z.optional(wellnessScore),
});

export const trainingSessionSchema = z
  .strictObject({
    id: uuid,
    schemaVersion: z.literal(SESSION_SCHEMA_VERSION, `must be ${SESSION_SCHEMA_VERSION}`),
    modality: z.enum(MODALITIES, `must be one of ${MODALITIES.join(', ')}`),
    startedAt: instant,
    timeZone,
    durationMin: storableNumber().check(...between(1, 1440, ' minutes')),
    /** Session RPE on the CR-10 scale, in halves. */
    rpe: storableNumber().check(...between(0, 10), z.multipleOf(0.5, 'must be a whole or half number from 0 to 10')),
    avgHr: z.optional(heartRate),
    maxHr: z.optional(heartRate),
    exercises: z.optional(z.array(exerciseSchema).check(z.maxLength(50, 'must have at most 50 exercises'))),
    notes: z.optional(notes),
    wellness: z.optional(wellnessSchema),
    createdAt: instant,
    updatedAt: instant,
  })
  .check(
    z.refine((s) => s.avgHr === undefined || s.maxHr === undefined || s.avgHr <= s.maxHr, {
      message: 'must not be above the maximum heart rate',
      path: ['avgHr'],
    }),
  );

export const glucoseReadingSchema = z.strictObject({
  id: uuid,
  schemaVersion: z.literal(GLUCOSE_SCHEMA_VERSION, `must be ${GLUCOSE_SCHEMA_VERSION}`),
  measuredAt: instant,
  timeZone,
  mgdl: storableNumber().check(...between(20, 600, ' mg/dL')),
  context: z.enum(GLUCOSE_CONTEXTS, `must be one of ${GLUCOSE_CONTEXTS.join(', ')}`),
  notes: z.optional(notes),
  createdAt: instant,
  updatedAt: instant,
});

export type TrainingSession = z.infer<typeof trainingSessionSchema>;
export type ExerciseEntry = z.infer<typeof exerciseSchema>;
export type ExerciseSet = z.infer<typeof exerciseSetSchema>;
export type Wellness = z.infer<typeof wellnessSchema>;
export type GlucoseReading = z.infer<typeof glucoseReadingSchema>;

/** Checks a training session; every problem names its field (`exercises[0].sets[1].reps`). */
export function validateSession(value: unknown): Validation<TrainingSession> {
  return validate(trainingSessionSchema, value, { root: '(session)' });
}

/** Checks a glucose reading; every problem names its field. */
export function validateGlucose(value: unknown): Validation<GlucoseReading> {
  return validate(glucoseReadingSchema, value, { root: '(reading)' });
}

/** The fields a person gives; the rest (id, version, timestamps) are filled in by `newSession`. */
export type SessionInput = Omit<TrainingSession, 'id' | 'schemaVersion' | 'createdAt' | 'updatedAt'>;
export type GlucoseInput = Omit<GlucoseReading, 'id' | 'schemaVersion' | 'createdAt' | 'updatedAt'>;

/** A new session record from what a person entered: a fresh id, this schema version, now. */
export function newSession(input: SessionInput, now = new Date()): TrainingSession {
  const at = now.toISOString();
  return { ...input, id: crypto.randomUUID(), schemaVersion: SESSION_SCHEMA_VERSION, createdAt: at, updatedAt: at };
}

/** A new glucose reading from what a person entered. */
export function newGlucoseReading(input: GlucoseInput, now = new Date()): GlucoseReading {
  const at = now.toISOString();
  return { ...input, id: crypto.randomUUID(), schemaVersion: GLUCOSE_SCHEMA_VERSION, createdAt: at, updatedAt: at };
}

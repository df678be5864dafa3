/**
 * The session form as pure data: what a person typed (strings, exactly as typed) in, a session
 * and an optional glucose reading in canonical units out, or a plain-words message per field.
 * No Lit, no DOM: the element renders these values and shows these messages.
 */
import * as z from 'zod/mini';
import { MODALITIES, GLUCOSE_CONTEXTS, type GlucoseContext, type GlucoseInput, type Modality, type SessionInput, type TrainingSession, type Wellness } from '../model.js';
import { fromKg, fromMgdl, toKg, toMgdl, type GlucoseUnit, type WeightUnit } from '../units.js';
import { numberFormat } from '../../base/formats.js';
import { instantFromLocal, localDateTime } from '../time/wall-clock.js';
import type { SessionLoggerStrings } from './strings.js';
import { fieldId, type SetPart } from './field-path.js';

export const WELLNESS_KEYS = ['sleepQuality', 'soreness', 'fatigue', 'stress'] as const;
export type WellnessKey = (typeof WELLNESS_KEYS)[number];

export interface SetValues {
  reps: string;
  load: string;
  rir: string;
}
export interface ExerciseValues {
  name: string;
  sets: SetValues[];
}

/** The form's values as typed. Every field a string, so nothing a person typed is ever lost. */
export interface FormValues {
  modality: string;
  /** `YYYY-MM-DD`, as `<input type="date">` gives it. */
  date: string;
  /** `HH:mm`, as `<input type="time">` gives it. */
  time: string;
  duration: string;
  rpe: string;
  avgHr: string;
  maxHr: string;
  exercises: ExerciseValues[];
  notes: string;
  sleepQuality: string;
  soreness: string;
  fatigue: string;
  stress: string;
  glucose: string;
  glucoseContext: string;
}

/** The fields that hold one string each: everything but the exercises. */
export type TextFieldName = Exclude<keyof FormValues, 'exercises'>;

/** Every one-string field, in form order. */
export const TEXT_FIELDS: readonly TextFieldName[] = [
  'modality', 'date', 'time', 'duration', 'rpe', 'avgHr', 'maxHr', 'notes',
  'sleepQuality', 'soreness', 'fatigue', 'stress', 'glucose', 'glucoseContext',
];

/** One entry per one-string field, each `value`. */
const eachField = <T>(value: T) => Object.fromEntries(TEXT_FIELDS.map((name) => [name, value])) as Record<TextFieldName, T>;

export interface FormSettings {
  /** The IANA zone the date and time are read in. */
  timeZone: string;
  weightUnit: WeightUnit;
  glucoseUnit: GlucoseUnit;
  /** For the numbers inside messages. */
  lang?: string;
  /** "Now", for the future check; the current time by default. */
  now?: Date;
}

/** Field ids (`fieldId` of each path), in form order: `modality`, `duration`, `ex-0-name`, `ex-0-set-1-load`, `glucose`… */
export type FieldErrors = Record<string, string>;

export interface ParsedForm {
  /** The session, when every field is valid. */
  session?: SessionInput;
  /** The glucose reading, when one was entered and every field is valid. */
  glucose?: GlucoseInput;
  /** A message per invalid field, in form order; empty when the form is valid. */
  errors: FieldErrors;
}

export const LIMITS = {
  duration: [1, 1440],
  hr: [25, 250],
  reps: [0, 1000],
  loadKg: [0, 1000],
  rir: [0, 10],
  mgdl: [20, 600],
  notes: 2000,
  exerciseName: 120,
} as const;

/** Exercises are asked for these kinds of session only. */
export const STRENGTH_MODALITIES: readonly Modality[] = ['resistance', 'combined'];

export const emptySet = (): SetValues => ({ reps: '', load: '', rir: '' });
export const emptyExercise = (): ExerciseValues => ({ name: '', sets: [emptySet()] });

/** Today's date and the current time (to the minute) on the clocks of `timeZone`. */
export function nowInZone(timeZone: string, now = new Date()): { date: string; time: string } {
  const local = localDateTime(now.toISOString(), timeZone);
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** An empty form, dated now in `timeZone`. */
export function emptyForm(timeZone: string, now = new Date()): FormValues {
  return { ...eachField(''), ...nowInZone(timeZone, now), exercises: [] };
}

/**
 * A number as people type it: `12`, `12.5` or `12,5` (a comma is the decimal sign in much of
 * the world). Anything else is `undefined`; an empty field is `null`.
 */
export function parseNumber(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return undefined;
  return Number(t.replace(',', '.'));
}

/** A number for a text field: at most `digits` decimals, a dot as decimal sign, no grouping. */
export function formatInput(n: number, digits = 2): string {
  return String(Number(n.toFixed(digits)));
}

/** The session load (RPE × minutes, AU) for what is typed so far, or `undefined` until both are valid. */
export function sessionLoad(values: Pick<FormValues, 'duration' | 'rpe'>): number | undefined {
  const minutes = parseNumber(values.duration);
  const rpe = parseNumber(values.rpe);
  if (minutes == null || rpe == null) return undefined;
  if (minutes < LIMITS.duration[0] || minutes > LIMITS.duration[1] || rpe < 0 || rpe > 10) return undefined;
  return rpe * minutes;
}

/** Bounds shown in a unit people chose, rounded inward so every number shown is allowed. */
function boundsIn(min: number, max: number, convert: (n: number) => number, digits: number): [number, number] {
  const f = 10 ** digits;
  // `|| 0` turns the -0 of ceil(-tiny) into 0.
  return [Math.ceil(convert(min) * f - 1e-9) / f || 0, Math.floor(convert(max) * f + 1e-9) / f];
}

const inRange = (n: number | null | undefined, [min, max]: readonly [number, number]): n is number =>
  typeof n === 'number' && n >= min && n <= max;

/** Checks the form and, when all is well, builds the session (and reading) in canonical units. */
export function parseForm(values: FormValues, t: SessionLoggerStrings, settings: FormSettings): ParsedForm {
  const { timeZone, weightUnit, glucoseUnit, lang = 'en', now = new Date() } = settings;
  const nf = numberFormat(lang, { maximumFractionDigits: 1, useGrouping: false });
  const fmt = (n: number) => nf.format(n);
  const errors: FieldErrors = {};

  const modality = (MODALITIES as readonly string[]).includes(values.modality) ? (values.modality as Modality) : undefined;
  if (!modality) errors.modality = t.modalityRequired;

  let startedAt: string | undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date.trim())) errors.date = t.dateRequired;
  if (!/^\d{2}:\d{2}$/.test(values.time.trim())) errors.time = t.timeRequired;
  if (!errors.date && !errors.time) {
    startedAt = instantFromLocal(`${values.date.trim()} ${values.time.trim()}`, timeZone);
    if (!startedAt) errors.date = t.dateRequired;
    // A minute's grace: "now" as shown in the form is truncated to the minute.
    else if (Date.parse(startedAt) > now.getTime() + 60_000) errors.date = t.startInFuture;
  }

  const duration = parseNumber(values.duration);
  if (!inRange(duration, LIMITS.duration)) errors.duration = t.durationRange(fmt(LIMITS.duration[0]), fmt(LIMITS.duration[1]));

  const rpe = parseNumber(values.rpe);
  if (!inRange(rpe, [0, 10]) || rpe * 2 !== Math.round(rpe * 2)) errors.rpe = t.rpeRequired;

  const hr = (text: string, key: 'avgHr' | 'maxHr'): number | undefined => {
    const n = parseNumber(text);
    if (n === null) return undefined;
    if (!inRange(n, LIMITS.hr) || !Number.isInteger(n)) {
      errors[key] = (key === 'avgHr' ? t.avgHrRange : t.maxHrRange)(fmt(LIMITS.hr[0]), fmt(LIMITS.hr[1]));
      return undefined;
    }
    return n;
  };
  const avgHr = hr(values.avgHr, 'avgHr');
  const maxHr = hr(values.maxHr, 'maxHr');
  if (avgHr !== undefined && maxHr !== undefined && avgHr > maxHr) errors.avgHr = t.avgAboveMax;

  const exercises: SessionInput['exercises'] = [];
  if (modality && STRENGTH_MODALITIES.includes(modality)) {
    const loadBounds = boundsIn(LIMITS.loadKg[0], LIMITS.loadKg[1], (kg) => fromKg(kg, weightUnit), 0);
    values.exercises.forEach((exercise, i) => {
      const name = exercise.name.trim();
      const sets = exercise.sets.filter((s) => s.reps.trim() || s.load.trim() || s.rir.trim());
      if (!name && sets.length === 0) return; // An untouched row.
      const nameId = fieldId({ kind: 'exercise', exercise: i, part: 'name' });
      if (!name) errors[nameId] = t.exerciseNameRequired;
      else if (name.length > LIMITS.exerciseName) errors[nameId] = t.exerciseNameTooLong(fmt(LIMITS.exerciseName));
      const parsedSets: { reps: number; loadKg: number; rir?: number }[] = [];
      exercise.sets.forEach((set, j) => {
        if (!set.reps.trim() && !set.load.trim() && !set.rir.trim()) return;
        const id = (part: SetPart) => fieldId({ kind: 'set', exercise: i, set: j, part });
        const reps = parseNumber(set.reps);
        // An empty load is body weight: 0.
        const load = parseNumber(set.load) ?? (set.load.trim() ? undefined : 0);
        const rir = parseNumber(set.rir);
        if (!inRange(reps, LIMITS.reps) || !Number.isInteger(reps)) errors[id('reps')] = t.repsRange(fmt(LIMITS.reps[0]), fmt(LIMITS.reps[1]));
        if (!inRange(load, loadBounds)) errors[id('load')] = t.loadRange(fmt(loadBounds[0]), fmt(loadBounds[1]), weightUnit);
        if (rir !== null && (!inRange(rir, LIMITS.rir) || !Number.isInteger(rir))) errors[id('rir')] = t.rirRange(fmt(LIMITS.rir[0]), fmt(LIMITS.rir[1]));
        if (typeof reps === 'number' && typeof load === 'number') {
          const loadKg = Math.min(LIMITS.loadKg[1], Math.round(toKg(load, weightUnit) * 1000) / 1000);
          parsedSets.push(typeof rir === 'number' ? { reps, loadKg, rir } : { reps, loadKg });
        }
      });
      exercises.push({ name, sets: parsedSets });
    });
  }

  if (values.notes.length > LIMITS.notes) errors.notes = t.notesTooLong(fmt(LIMITS.notes));

  const wellness: Wellness = {};
  for (const key of WELLNESS_KEYS) {
    const n = parseNumber(values[key]);
    if (n !== null && inRange(n, [1, 5]) && Number.isInteger(n)) wellness[key] = n;
  }

  let glucoseMgdl: number | undefined;
  let glucoseContext: GlucoseContext | undefined;
  const glucoseEntered = values.glucose.trim() !== '';
  if (glucoseEntered) {
    const digits = glucoseUnit === 'mg/dL' ? 0 : 1;
    const bounds = boundsIn(LIMITS.mgdl[0], LIMITS.mgdl[1], (mgdl) => fromMgdl(mgdl, glucoseUnit), digits);
    const value = parseNumber(values.glucose);
    if (!inRange(value, bounds)) errors.glucose = t.glucoseRange(fmt(bounds[0]), fmt(bounds[1]), glucoseUnit);
    else glucoseMgdl = Math.round(Math.min(LIMITS.mgdl[1], Math.max(LIMITS.mgdl[0], toMgdl(value, glucoseUnit))) * 10) / 10;
    if ((GLUCOSE_CONTEXTS as readonly string[]).includes(values.glucoseContext)) glucoseContext = values.glucoseContext as GlucoseContext;
    else errors.glucoseContext = t.glucoseContextRequired;
  }

  if (Object.keys(errors).length > 0) return { errors };

  const notes = values.notes.trim();
  const session: SessionInput = {
    modality: modality!,
    startedAt: startedAt!,
    timeZone,
    durationMin: duration!,
    rpe: rpe!,
    ...(avgHr !== undefined ? { avgHr } : {}),
    ...(maxHr !== undefined ? { maxHr } : {}),
    ...(exercises.length ? { exercises } : {}),
    ...(notes ? { notes } : {}),
    ...(Object.keys(wellness).length ? { wellness } : {}),
  };
  const glucose: GlucoseInput | undefined =
    glucoseMgdl !== undefined && glucoseContext ? { measuredAt: startedAt!, timeZone, mgdl: glucoseMgdl, context: glucoseContext } : undefined;
  return glucose ? { session, glucose, errors } : { session, errors };
}

/** The form's values for editing `session`: its date and time on its own zone's clocks, loads in `weightUnit`. */
export function sessionToValues(session: TrainingSession, weightUnit: WeightUnit): FormValues {
  const local = localDateTime(session.startedAt, session.timeZone);
  const n = (v: number | undefined) => (v === undefined ? '' : formatInput(v));
  return {
    modality: session.modality,
    date: local.slice(0, 10),
    time: local.slice(11, 16),
    duration: formatInput(session.durationMin),
    rpe: formatInput(session.rpe, 1),
    avgHr: n(session.avgHr),
    maxHr: n(session.maxHr),
    exercises: (session.exercises ?? []).map((e) => ({
      name: e.name,
      sets: e.sets.map((s) => ({ reps: String(s.reps), load: formatInput(fromKg(s.loadKg, weightUnit)), rir: s.rir === undefined ? '' : String(s.rir) })),
    })),
    notes: session.notes ?? '',
    sleepQuality: n(session.wellness?.sleepQuality),
    soreness: n(session.wellness?.soreness),
    fatigue: n(session.wellness?.fatigue),
    stress: n(session.wellness?.stress),
    glucose: '',
    glucoseContext: '',
  };
}

/**
 * "Log again": the same kind of session (modality, duration, RPE, heart rate, exercises), dated
 * today at the current time in `timeZone`. How the person felt, notes and glucose are of that
 * day, so they start empty.
 */
export function logAgainValues(session: TrainingSession, weightUnit: WeightUnit, timeZone: string, now = new Date()): FormValues {
  const values = sessionToValues(session, weightUnit);
  return {
    ...emptyForm(timeZone, now),
    modality: values.modality,
    duration: values.duration,
    rpe: values.rpe,
    avgHr: values.avgHr,
    maxHr: values.maxHr,
    exercises: values.exercises,
  };
}

/** Whether a person has typed anything beyond the defaults (the date and time are always set). */
export function hasInput(values: FormValues): boolean {
  const { date: _date, time: _time, exercises, ...rest } = values;
  return Object.values(rest).some((v) => v.trim() !== '') || exercises.some((e) => e.name.trim() || e.sets.some((s) => s.reps || s.load || s.rir));
}

// ---------------------------------------------------------------------------------------------
// Drafts

export const DRAFT_VERSION = 1;

export interface Draft {
  values: FormValues;
  /** The id of the session being edited, if any. */
  editing?: { id: string; rev: string };
  savedAt: string;
}

const str = z.string();
const draftSchema = z.object({
  v: z.literal(DRAFT_VERSION),
  savedAt: z.string(),
  editing: z.optional(z.object({ id: z.string(), rev: z.string() })),
  values: z.object({
    ...eachField(str),
    exercises: z.array(z.object({ name: str, sets: z.array(z.object({ reps: str, load: str, rir: str })) })),
  }),
});

export function serializeDraft(draft: Draft): string {
  return JSON.stringify({ v: DRAFT_VERSION, ...draft });
}

/** A draft read back, or `undefined` when `text` is missing, not JSON or not a draft of this version. */
export function deserializeDraft(text: string | null | undefined): Draft | undefined {
  if (!text) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = z.safeParse(draftSchema, raw);
  if (!result.success) return undefined;
  const { values, editing, savedAt } = result.data;
  return editing ? { values, editing, savedAt } : { values, savedAt };
}

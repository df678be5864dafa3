/**
 * Plausible training history for demos and stories: a person training four or five times a week
 * (two resistance days, aerobic and interval work, now and then a combined session), building
 * over the weeks with an easier week every fourth and the odd big day, and fasting glucose checked
 * a couple of mornings a week. Seeded, so the same call gives the same data. The numbers are
 * made up for demonstration; they show no one's health.
 */
import { addDays, weekday, type CalendarDate } from './metrics/calendar.js';
import { newGlucoseReading, newSession, type GlucoseReading, type Modality, type TrainingSession } from './model.js';

export interface SampleOptions {
  /** The last day (`YYYY-MM-DD`). */
  until: CalendarDate;
  /** How many days back, 182 (six months) by default. */
  days?: number;
  timeZone?: string;
  /** Change it for another, equally plausible history. */
  seed?: number;
}

/** A small deterministic generator (mulberry32): demos look the same on every load. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** By weekday, Sunday first: what a typical week holds. */
const WEEK_PLAN: (Modality | null)[] = [null, 'resistance', 'aerobic', 'hiit', 'resistance', null, 'aerobic'];

export function sampleSessions({ until, days = 182, timeZone = 'UTC', seed = 7 }: SampleOptions): TrainingSession[] {
  const rand = seededRandom(seed);
  const sessions: TrainingSession[] = [];
  for (let back = days - 1; back >= 0; back--) {
    const date = addDays(until, -back);
    const week = Math.floor((days - 1 - back) / 7);
    let modality = WEEK_PLAN[weekday(date)];
    if (rand() < 0.12) modality = modality ? null : 'aerobic'; // life happens
    if (modality === 'aerobic' && rand() < 0.2) modality = 'combined';
    if (!modality) continue;
    const easyWeek = week % 4 === 3;
    const build = 1 + Math.min(week, 20) * 0.02;
    const spike = rand() < 0.04 ? 1.6 : 1;
    const base = modality === 'hiit' ? 25 : modality === 'resistance' ? 45 : 40;
    const durationMin = Math.round(base * build * spike * (easyWeek ? 0.7 : 1) * (0.85 + rand() * 0.3));
    const rpe = Math.min(10, Math.round((modality === 'hiit' ? 8 : 5.5) * (easyWeek ? 0.8 : 1) * (0.9 + rand() * 0.2) * 2) / 2);
    const hour = 6 + Math.floor(rand() * 13);
    sessions.push(
      newSession(
        {
          modality,
          durationMin,
          rpe,
          timeZone,
          startedAt: `${date}T${String(hour).padStart(2, '0')}:${rand() < 0.5 ? '00' : '30'}:00.000Z`,
          ...(modality === 'resistance' || modality === 'combined'
            ? { exercises: [{ name: 'Squat', sets: [{ reps: 8, loadKg: 60 + week, rir: 2 }, { reps: 8, loadKg: 60 + week, rir: 2 }] }] }
            : {}),
        },
        new Date(`${date}T20:00:00.000Z`),
      ),
    );
  }
  return sessions;
}

/**
 * Fasting glucose on about two mornings a week, mg/dL, wandering within a plausible range and
 * easing down a little over the months. Made-up figures for demos: no trend here is a finding.
 */
export function sampleGlucose({ until, days = 182, timeZone = 'UTC', seed = 7 }: SampleOptions): GlucoseReading[] {
  const rand = seededRandom(seed + 1);
  const readings: GlucoseReading[] = [];
  for (let back = days - 1; back >= 0; back--) {
    if (rand() > 0.3) continue;
    const date = addDays(until, -back);
    const progress = (days - 1 - back) / Math.max(days - 1, 1);
    const mgdl = Math.round((112 - 8 * progress + (rand() - 0.5) * 14) * 10) / 10;
    readings.push(newGlucoseReading({ measuredAt: `${date}T06:45:00.000Z`, timeZone, mgdl, context: 'fasting' }, new Date(`${date}T07:00:00.000Z`)));
  }
  return readings;
}

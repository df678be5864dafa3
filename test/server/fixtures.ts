/** Valid records to write, with what a test cares about overridden. */
import { randomUUID } from 'node:crypto';
import type { GlucoseReading, TrainingSession } from '../../src/tracking/model.js';

export function session(overrides: Partial<TrainingSession> = {}): TrainingSession {
  return {
    id: randomUUID(),
    schemaVersion: 1,
    modality: 'resistance',
    startedAt: '2026-11-20T07:30:00.000Z',
    timeZone: 'Europe/Paris',
    durationMin: 45,
    rpe: 6.5,
    exercises: [{ name: 'Goblet squat', sets: [{ reps: 10, loadKg: 20, rir: 2 }] }],
    createdAt: '2026-11-20T08:30:00.000Z',
    updatedAt: '2026-11-20T08:30:00.000Z',
    ...overrides,
  };
}

export function reading(overrides: Partial<GlucoseReading> = {}): GlucoseReading {
  return {
    id: randomUUID(),
    schemaVersion: 1,
    measuredAt: '2026-11-20T06:45:00.000Z',
    timeZone: 'Europe/Paris',
    mgdl: 104,
    context: 'fasting',
    createdAt: '2026-11-20T06:46:00.000Z',
    updatedAt: '2026-11-20T06:46:00.000Z',
    ...overrides,
  };
}

/** The revision an ETag names. */
export const revOf = (etag: string | null) => {
  const match = /^"(.+)"$/.exec(etag ?? '');
  if (!match) throw new Error(`Not a strong ETag: ${etag}`);
  return match[1]!;
};

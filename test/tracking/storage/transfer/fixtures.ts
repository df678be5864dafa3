/** Sample records and store helpers for the export and import tests. */
import type { GlucoseReading, TrainingSession } from '../../../../src/tracking/model.js';
import type { ImportReport } from '../../../../src/tracking/storage/transfer/import/import.js';
import { LocalStorageAdapter } from '../../../../src/tracking/storage/local-storage.js';
import { MemoryAdapter } from '../../../../src/tracking/storage/memory.js';
import type { StorageAdapter } from '../../../../src/tracking/storage/types.js';
import { expect } from '@open-wc/testing';

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 5, 6, 30);
const MODALITIES = ['aerobic', 'resistance', 'hiit', 'combined', 'other'] as const;

/** A plain, valid session, the `i`th of a series one day apart. */
export function session(i: number, overrides: Partial<TrainingSession> = {}): TrainingSession {
  const at = new Date(BASE + i * DAY).toISOString();
  return {
    id: crypto.randomUUID(),
    schemaVersion: 1,
    modality: MODALITIES[i % MODALITIES.length]!,
    startedAt: at,
    timeZone: 'Europe/Paris',
    durationMin: 30 + (i % 60),
    rpe: (i % 21) / 2,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** Sessions that use every field, with the awkward text a CSV must survive. */
export function richSessions(): TrainingSession[] {
  return [
    session(0, {
      modality: 'resistance',
      timeZone: 'America/New_York',
      durationMin: 55,
      rpe: 7.5,
      avgHr: 118,
      maxHr: 161,
      exercises: [
        {
          name: 'Back squat',
          sets: [
            { reps: 5, loadKg: 100, rir: 2 },
            { reps: 5, loadKg: 102.5 },
          ],
        },
        { name: 'Plank', sets: [] },
        { name: 'Press: "strict"; 1|2 \\ back', sets: [{ reps: 8, loadKg: 42.5, rir: 0 }] },
      ],
      notes: 'Légère douleur au genou, "pas grave", puis\nune deuxième ligne; 日本語 ✓ 💪',
      wellness: { sleepQuality: 4, soreness: 2, fatigue: 3, stress: 1 },
    }),
    session(1, { notes: '=SUM(A1)', wellness: { fatigue: 5 } }),
    session(2, { notes: '+cmd|" /C calc"!A0', exercises: [{ name: '=HYPERLINK("http://x")', sets: [{ reps: 1, loadKg: 1 }] }] }),
    session(3, { notes: "'=already quoted", timeZone: 'Asia/Kolkata', durationMin: 12.5 }),
    session(4, { notes: '  spaces kept at both ends, and a trailing newline\n', timeZone: 'Pacific/Chatham' }),
    session(5, { notes: '-5 kg since May', avgHr: 140, maxHr: 140 }),
    session(6, { notes: '@coach: check form', modality: 'hiit', rpe: 10 }),
    session(7, { rpe: 0, durationMin: 1440 }),
  ];
}

export function reading(i: number, overrides: Partial<GlucoseReading> = {}): GlucoseReading {
  const at = new Date(BASE + i * DAY + 3_600_000).toISOString();
  return {
    id: crypto.randomUUID(),
    schemaVersion: 1,
    measuredAt: at,
    timeZone: 'Europe/Paris',
    mgdl: 90 + i,
    context: 'fasting',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export async function putAll(adapter: StorageAdapter, sessions: TrainingSession[], readings: GlucoseReading[] = []): Promise<void> {
  for (const s of sessions) await adapter.put('sessions', s, { expectedRev: null });
  for (const r of readings) await adapter.put('glucose', r, { expectedRev: null });
}

export const byId = <T extends { id: string }>(list: T[]): T[] => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Every row of the file in exactly one bucket. */
export function expectAccounted(report: ImportReport): void {
  expect(report.added + report.unchanged + report.conflicts.length + report.rejected.length, 'every row in one bucket').to.equal(report.processed);
  if (report.complete) expect(report.processed).to.equal(report.total);
}

export interface AdapterKind {
  name: string;
  make(): StorageAdapter;
}

/**
 * The adapters the tests run against, each on a namespace of its own; `cleanUp` closes them and
 * clears what the localStorage ones wrote.
 */
export function adapterKinds(): { kinds: AdapterKind[]; cleanUp(): Promise<void> } {
  const made: { adapter: StorageAdapter; namespace: string; local: boolean }[] = [];
  const make = (local: boolean) => () => {
    const namespace = `transfer-${crypto.randomUUID().slice(0, 8)}`;
    const adapter = local ? new LocalStorageAdapter({ namespace }) : new MemoryAdapter({ namespace });
    made.push({ adapter, namespace, local });
    return adapter;
  };
  return {
    kinds: [
      { name: 'MemoryAdapter', make: make(false) },
      { name: 'LocalStorageAdapter', make: make(true) },
    ],
    async cleanUp() {
      for (const { adapter, namespace, local } of made.splice(0)) {
        await adapter.close();
        if (!local) continue;
        const prefix = `loadwise:${namespace}:`;
        const keys: string[] = [];
        for (let i = 0; i < localStorage.length; i++) {
          const key = localStorage.key(i);
          if (key?.startsWith(prefix)) keys.push(key);
        }
        for (const key of keys) localStorage.removeItem(key);
      }
    },
  };
}

/**
 * Metrics benchmark (issue 6): every load calculation over 10 years of sessions, from raw
 * sessions to daily loads, ACWR (each method), monotony and strain, and fitness/fatigue/form.
 * Goal: within 2 ms.
 */
import { acuteChronic, dailyLoads, fitnessFatigue, monotonyStrain } from '../src/tracking/metrics/index.js';
import type { Modality } from '../src/tracking/model.js';
import { fail, measure, report } from './harness.js';

const YEARS = 10;
const modalities: Modality[] = ['aerobic', 'resistance', 'hiit', 'combined', 'other'];

/** About five sessions a week for ten years, in a zone with daylight saving. */
const sessions = Array.from({ length: Math.round(YEARS * 52 * 5) }, (_, i) => ({
  startedAt: new Date(Date.UTC(2016, 0, 1, 7) + Math.floor(i * 1.4) * 86_400_000 + (i % 3) * 3_600_000).toISOString(),
  timeZone: 'Europe/Berlin',
  durationMin: 20 + ((i * 7) % 70),
  rpe: ((i * 3) % 21) / 2,
  modality: modalities[i % modalities.length]!,
}));

/** As they come from storage: frozen records. */
const frozen = sessions.map((s) => Object.freeze({ ...s }));
dailyLoads(frozen);
let fresh: typeof sessions = [];

async function main(): Promise<void> {
  const runs = 25;
  const figures = [
    // Cold: sessions never seen before (fresh frozen copies each run), so every local date is computed.
    await measure('loadwise/metrics', `daily loads from ${sessions.length.toLocaleString('en')} sessions (10 years), cold`, runs, {
      prepare: async () => void (fresh = sessions.map((s) => Object.freeze({ ...s }))),
      run: async () => void dailyLoads(fresh),
    }),
    // Warm: the same frozen records again, as a redraw after one more session sees them.
    await measure('loadwise/metrics', 'daily loads again, the same records plus one', runs, {
      prepare: async () => void (fresh = [...frozen, Object.freeze({ ...sessions[0]!, startedAt: new Date().toISOString() })]),
      run: async () => void dailyLoads(fresh),
    }),
  ];
  const daily = dailyLoads(frozen);
  figures.push(
    await measure('loadwise/metrics', `ACWR (EWMA), monotony, strain, fitness/fatigue over ${daily.length.toLocaleString('en')} days`, runs, {
      run: async () => {
        acuteChronic(daily);
        monotonyStrain(daily);
        fitnessFatigue(daily);
      },
    }, 2),
    await measure('loadwise/metrics', 'all of it from stored (frozen) sessions, every ACWR method', runs, {
      run: async () => {
        const days = dailyLoads(frozen);
        for (const method of ['ewma', 'rolling', 'rolling-uncoupled'] as const) acuteChronic(days, { method });
        monotonyStrain(days);
        fitnessFatigue(days);
      },
    }),
  );
  report(figures);
}

main().catch(fail);

/**
 * The tracker demo's "load sample data" button: six months of plausible sessions and fasting
 * glucose readings ending today, written through the page's store like any save, so every
 * element on the page redraws.
 */
import { sampleGlucose, sampleSessions } from '../src/tracking/sample-data.js';
import { localDate } from '../src/tracking/metrics/calendar.js';
import type { TrainingStore } from '../src/tracking/store/training-store.js';

const button = document.querySelector<HTMLButtonElement>('#load-sample')!;
const status = document.querySelector<HTMLElement>('#sample-status')!;

button.addEventListener('click', async () => {
  const store = document.querySelector<TrainingStore>('training-store')!;
  await customElements.whenDefined('training-store');
  const api = store.api;
  if (!api) return;
  button.disabled = true;
  status.textContent = 'Adding sample sessions…';
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const sample = { until: localDate(Date.now(), timeZone), timeZone, seed: Date.now() % 1000 };
  const sessions = sampleSessions(sample);
  const readings = sampleGlucose(sample);
  let added = 0;
  let glucose = 0;
  try {
    await api.ready;
    for (const session of sessions) {
      await api.adapter.put('sessions', session, { expectedRev: null });
      added++;
    }
    for (const reading of readings) {
      await api.adapter.put('glucose', reading, { expectedRev: null });
      glucose++;
    }
    status.textContent = `Added ${added} sample sessions and ${glucose} fasting glucose readings.`;
  } catch (error) {
    status.textContent = `Added ${added} sample sessions and ${glucose} readings, then: ${(error as Error).message}`;
  } finally {
    button.disabled = false;
  }
});

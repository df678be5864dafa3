/**
 * The tracker demo's "load sample data" button: six months of plausible sessions ending today,
 * written through the page's store like any save, so every element on the page redraws.
 */
import { sampleSessions } from '../src/tracking/sample-data.js';
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
  const sessions = sampleSessions({ until: localDate(Date.now(), timeZone), timeZone, seed: Date.now() % 1000 });
  let added = 0;
  try {
    await api.ready;
    for (const session of sessions) {
      await api.adapter.put('sessions', session, { expectedRev: null });
      added++;
    }
    status.textContent = `Added ${added} sample sessions.`;
  } catch (error) {
    status.textContent = `Added ${added} sample sessions, then: ${(error as Error).message}`;
  } finally {
    button.disabled = false;
  }
});

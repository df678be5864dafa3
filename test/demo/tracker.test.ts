import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { deleteDB } from 'idb';
import { newSession } from '../../src/tracking/model.js';
import type { TrainingStore } from '../../src/tracking/store/training-store.js';

/** The tracker demo page, served by Web Test Runner from the repository root. */
const PAGE = '/demo/tracker.html';

async function loadPage(sandbox?: string, query = ''): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox);
  frame.title = 'tracker page';
  frame.style.cssText = 'width: 1024px; height: 768px; border: 0;';
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.src = PAGE + query;
  document.body.append(frame);
  await loaded;
  return frame;
}

describe('tracker demo page', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => {
    frame?.remove();
    frame = undefined;
  });

  it('shows the session logger inside its store', async () => {
    frame = await loadPage();
    const doc = frame.contentDocument!;
    await waitUntil(() => !!doc.querySelector('session-logger')?.shadowRoot?.querySelector('form'), 'the logger rendered', { timeout: 8000 });
    const logger = doc.querySelector('session-logger')!;
    expect(logger.closest('training-store')?.getAttribute('namespace')).to.equal('tracker');
    expect(logger.shadowRoot!.querySelector('h2')?.textContent).to.equal('Log a training session');
  });

  it('shows the week and the chart with the logger, and fills them with sample data on request', async () => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('loadwise:tracker:')) localStorage.removeItem(key);
    try {
      frame = await loadPage();
      const doc = frame.contentDocument!;
      const chart = () => doc.querySelector('load-chart')?.shadowRoot;
      const summary = () => doc.querySelector('weekly-summary')?.shadowRoot?.textContent ?? '';
      await waitUntil(() => chart()?.querySelector('.empty'), 'the chart invites the first log', { timeout: 8000 });
      expect(doc.querySelector('load-chart')!.closest('training-store')).to.equal(doc.querySelector('session-logger')!.closest('training-store'));
      await waitUntil(() => summary().includes('Nothing logged yet'), 'the week is empty');
      doc.querySelector<HTMLButtonElement>('#load-sample')!.click();
      await waitUntil(() => doc.querySelector('#sample-status')!.textContent!.startsWith('Added '), 'the sample sessions are saved', { timeout: 20000 });
      expect(doc.querySelector('#sample-status')!.textContent).to.match(/^Added \d{2,3} sample sessions and \d{1,3} fasting glucose readings\.$/);
      // Every element on the page redraws from the same store.
      await waitUntil(() => /This week [\d,]+ AU/.test(chart()?.querySelector('[part="summary"]')?.textContent ?? ''), 'the chart sums up the week');
      const bars = [...chart()!.querySelectorAll('path.bar')].reduce((n, path) => n + (path.getAttribute('d')!.match(/M/g)?.length ?? 0), 0);
      expect(bars).to.be.greaterThan(40);
      // The page asks for both panels, and the sample's fasting readings are drawn.
      expect([...chart()!.querySelectorAll('g.panel')].map((g) => g.getAttribute('data-panel'))).to.deep.equal(['monotony', 'strain', 'fitness']);
      await waitUntil(() => chart()!.querySelector('g.glucose'), 'the fasting glucose overlay');
      await waitUntil(() => !summary().includes('Nothing logged yet'), 'the week shows sessions');
    } finally {
      for (const key of Object.keys(localStorage)) if (key.startsWith('loadwise:tracker:')) localStorage.removeItem(key);
    }
  });

  it('tells readers without JavaScript that the log needs it', async () => {
    frame = await loadPage('allow-same-origin');
    const text = frame.contentDocument!.querySelector('session-logger')?.textContent ?? '';
    expect(text).to.contain('The training log needs JavaScript.');
  });

  describe('storage switch', () => {
    const forget = async () => {
      const subject = localStorage.getItem('loadwise-demo:subject');
      localStorage.removeItem('loadwise-demo:storage');
      localStorage.removeItem('loadwise-demo:subject');
      if (subject) await deleteDB(`loadwise:remote.${`tracker.${subject}`.slice(0, 64)}`);
    };
    // Started before the tests, not in one: a new PGlite server takes 2-6 s to start, which is not
    // what the test checks, and would count against its timeout.
    let server: { id: number; url: string };
    before(async () => {
      server = (await executeServerCommand('reference-server-start', { demoAuth: true })) as { id: number; url: string };
    });
    after(() => executeServerCommand('reference-server-stop', { id: server.id }));
    beforeEach(forget);
    afterEach(async () => {
      frame?.remove();
      frame = undefined;
      await new Promise((resolve) => setTimeout(resolve, 50));
      await forget();
    });

    it('keeps the log on the reference server when chosen, and in this browser when chosen again', async () => {
      frame = await loadPage(undefined, `?server=${encodeURIComponent(server.url)}`);
      const doc = frame.contentDocument!;
      const store = doc.querySelector<TrainingStore>('training-store')!;
      const status = () => doc.querySelector('#storage-status')!.textContent ?? '';
      await waitUntil(() => store.api, 'the store is ready');
      doc.querySelector<HTMLInputElement>('input[name="storage"][value="remote"]')!.click();
      await waitUntil(() => store.api?.adapter.kind === 'remote', 'the store keeps data on the server', { timeout: 8000 });
      await store.api!.ready;
      const session = newSession({ modality: 'aerobic', rpe: 5, durationMin: 30, timeZone: 'UTC', startedAt: '2026-03-02T07:00:00.000Z' });
      await store.api!.adapter.put('sessions', session, { expectedRev: null });
      await waitUntil(() => status().startsWith('Kept on the reference server') && store.api!.sync!.status?.pending === 0, 'synced', { timeout: 8000 });
      const subject = localStorage.getItem('loadwise-demo:subject');
      const { rows } = (await executeServerCommand('reference-server-query', {
        id: server.id,
        sql: 'SELECT id FROM loadwise_records WHERE user_id = $1',
        params: [subject],
      })) as { rows: { id: string }[] };
      expect(rows.map((r) => r.id)).to.deep.equal([session.id]);

      doc.querySelector<HTMLInputElement>('input[name="storage"][value="local"]')!.click();
      await waitUntil(() => store.api?.adapter.kind === 'local', 'back in this browser');
      expect(status()).to.equal('Kept in this browser only.');
    });

    it('says how to start the server when it is not running, and keeps the log in this browser', async () => {
      frame = await loadPage(undefined, `?server=${encodeURIComponent('http://127.0.0.1:9/')}`);
      const doc = frame.contentDocument!;
      const store = doc.querySelector<TrainingStore>('training-store')!;
      await waitUntil(() => store.api, 'the store is ready');
      doc.querySelector<HTMLInputElement>('input[name="storage"][value="remote"]')!.click();
      await waitUntil(() => (doc.querySelector('#storage-status')!.textContent ?? '').includes('could not be reached'), 'the page says so', { timeout: 8000 });
      expect(doc.querySelector('#storage-status')!.textContent).to.contain('npm run server');
      expect(doc.querySelector<HTMLInputElement>('input[name="storage"][value="local"]')!.checked).to.equal(true);
      expect(store.api!.adapter.kind).to.equal('local');
    });
  });
});

import { expect, waitUntil } from '@open-wc/testing';

/** The tracker demo page, served by Web Test Runner from the repository root. */
const PAGE = '/demo/tracker.html';

async function loadPage(sandbox?: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox);
  frame.title = 'tracker page';
  frame.style.cssText = 'width: 1024px; height: 768px; border: 0;';
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.src = PAGE;
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
});

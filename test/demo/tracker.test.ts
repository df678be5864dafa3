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

  it('tells readers without JavaScript that the log needs it', async () => {
    frame = await loadPage('allow-same-origin');
    const text = frame.contentDocument!.querySelector('session-logger')?.textContent ?? '';
    expect(text).to.contain('The training log needs JavaScript.');
  });
});

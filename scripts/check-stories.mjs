// Opens every story and docs page of the built Storybook (storybook-static/, from
// `npm run build-storybook`) in headless Chromium and fails on anything a reader would hit:
//
// - stories: a console error, an uncaught page error, a failed request, a story that does not
//   render, or any axe-core violation inside #storybook-root;
// - docs pages: a console error, a page error, a failed request, or a page that does not render.
//
// Usage: node scripts/check-stories.mjs [id-substring ...]   (no argument: everything)
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import sirv from 'sirv';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome, noChromeMessage } from './chrome-path.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = join(root, 'storybook-static');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PARALLEL = 2; // pages at once: the machine has two cores
const TIMEOUT = 30_000;

if (!existsSync(join(staticDir, 'index.json'))) {
  console.error('storybook-static/index.json not found: run `npm run build-storybook` first.');
  process.exit(1);
}
const executablePath = findChrome();
if (!executablePath) {
  console.error(noChromeMessage);
  process.exit(1);
}

const filters = process.argv.slice(2);
const index = JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8'));
const entries = Object.values(index.entries)
  .filter((e) => e.type === 'story' || e.type === 'docs')
  .filter((e) => filters.length === 0 || filters.some((f) => e.id.includes(f)));
if (entries.length === 0) {
  console.error(filters.length ? `No story or docs page matches ${filters.join(', ')}.` : 'index.json lists no stories.');
  process.exit(1);
}

// Serve the build on a free port of the loopback interface only.
const server = createServer(sirv(staticDir, { dev: true, etag: false }));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const started = Date.now();
const browser = await chromium.launch({ executablePath, args: chromeArgs, headless: true });
const context = await browser.newContext({ colorScheme: 'light', reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });

// Storybook's preview announces what it rendered on its channel; catch the channel as the
// preview creates it, so no event is missed.
await context.addInitScript(() => {
  const state = { rendered: false, problems: [] };
  Object.defineProperty(window, '__lwStoryCheck', { value: state });
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      const text = (e) => (typeof e === 'string' ? e : [e?.title, e?.description, e?.message].filter(Boolean).join(': '));
      value.on('storyRendered', () => (state.rendered = true));
      value.on('docsRendered', () => (state.rendered = true));
      value.on('storyErrored', (e) => state.problems.push(`story errored: ${text(e)}`));
      value.on('storyThrewException', (e) => state.problems.push(`story threw: ${text(e)}`));
      value.on('storyMissing', (id) => state.problems.push(`story missing: ${id}`));
    },
  });
});

/** Waits until every custom element on the page, in shadow roots too, has finished updating. */
async function settle(page) {
  await page.evaluate(async () => {
    for (let round = 0; round < 3; round++) {
      const pending = [];
      const walk = (node) => {
        for (const el of node.querySelectorAll('*')) {
          if (el.localName.includes('-') && el.updateComplete instanceof Promise) pending.push(el.updateComplete);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      const done = await Promise.all(pending);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      if (done.every(Boolean)) break; // updateComplete resolves false while another update is pending
    }
  });
}

async function check(page, entry) {
  const problems = [];
  const onConsole = (msg) => {
    if (msg.type() !== 'error') return;
    const [first, ...rest] = msg.text().split('\n');
    const where = msg.location()?.url ? ` (${msg.location().url})` : '';
    problems.push(`console error: ${first}${where}${rest.length ? `\n        ${rest.slice(0, 3).join('\n        ')}` : ''}`);
  };
  const onPageError = (error) => problems.push(`page error: ${error.message}`);
  const onRequestFailed = (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  const onResponse = (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('requestfailed', onRequestFailed);
  page.on('response', onResponse);
  let violations = [];
  try {
    const viewMode = entry.type === 'docs' ? 'docs' : 'story';
    // a11y.manual: the a11y addon's own automatic run is not needed here; this script runs axe.
    const url = `${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}&globals=a11y.manual:!true`;
    await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT });
    const rootSelector = viewMode === 'docs' ? '#storybook-docs' : '#storybook-root';
    await page.waitForFunction(
      (sel) => window.__lwStoryCheck.problems.length > 0 || (window.__lwStoryCheck.rendered && document.querySelector(sel)?.childElementCount > 0),
      rootSelector,
      { timeout: TIMEOUT },
    );
    problems.push(...(await page.evaluate(() => window.__lwStoryCheck.problems)));
    if (viewMode === 'docs') await page.waitForLoadState('networkidle', { timeout: TIMEOUT });
    await settle(page);
    if (viewMode === 'story' && problems.length === 0) {
      await page.addScriptTag({ path: axePath });
      const results = await page.evaluate(() =>
        window.axe.run({ include: ['#storybook-root'] }, { resultTypes: ['violations'] }),
      );
      violations = results.violations;
    }
  } catch (error) {
    problems.push(`did not render: ${error.message.split('\n')[0]}`);
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    page.off('requestfailed', onRequestFailed);
    page.off('response', onResponse);
  }
  const lines = [...problems];
  for (const v of violations) {
    lines.push(`axe ${v.id} (${v.impact}): ${v.help}`);
    for (const node of v.nodes.slice(0, 5)) {
      lines.push(`    at ${node.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : t)).join(' ')}`);
      if (node.failureSummary) lines.push(`       ${node.failureSummary.replace(/\s*\n\s*/g, ' ')}`);
    }
    if (v.nodes.length > 5) lines.push(`    and ${v.nodes.length - 5} more`);
  }
  return { entry, ok: lines.length === 0, lines };
}

// Check with PARALLEL pages; print the results in index order as they become available.
const results = new Array(entries.length);
let printed = 0;
const flush = () => {
  while (printed < entries.length && results[printed]) {
    const { entry, ok, lines } = results[printed++];
    const label = entry.type === 'docs' ? `${entry.id} (docs)` : entry.id;
    console.log(`${ok ? 'ok  ' : 'FAIL'}  ${label}`);
    for (const line of lines) console.log(`      ${line}`);
  }
};
let next = 0;
await Promise.all(
  Array.from({ length: Math.min(PARALLEL, entries.length) }, async () => {
    const page = await context.newPage();
    while (next < entries.length) {
      const i = next++;
      results[i] = await check(page, entries[i]);
      flush();
    }
    await page.close();
  }),
);

await browser.close();
server.close();

const failed = results.filter((r) => !r.ok).length;
const stories = entries.filter((e) => e.type === 'story').length;
console.log(`\n${stories} stories and ${entries.length - stories} docs pages in ${((Date.now() - started) / 1000).toFixed(1)}s`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

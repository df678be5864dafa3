// `npm run bench`: builds every bench/*.html page for production, opens each in headless
// Chromium on loopback, and prints what it measured beside the reference libraries that did the
// same work in the same run; then runs the Node benches (bench/server.bench.ts: the reference
// server's writes on PGlite and PostgreSQL). Figures are printed, never asserted: speed goals are
// read here, not enforced by tests.
//
// Usage: npm run bench [-- filter]   (only the benches whose file name contains the filter)
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import sirv from 'sirv';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome, noChromeMessage } from './chrome-path.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}node_modules/.cache/loadwise-bench`;
const only = process.argv[2];
const pages = readdirSync(`${root}bench`).filter((f) => f.endsWith('.html') && (!only || f.includes(only)));
const nodeBenches = ['server.bench.ts'].filter((f) => !only || f.includes(only));

/** Runs each Node bench in a process of its own, through tsx; returns whether any failed. */
async function runNodeBenches() {
  let anyFailed = false;
  for (const bench of nodeBenches) {
    const child = spawn(process.execPath, ['--import', 'tsx', `bench/${bench}`], { cwd: root, stdio: 'inherit' });
    const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
    if (code !== 0) {
      console.error(`${bench} failed.`);
      anyFailed = true;
    }
  }
  return anyFailed;
}

if (pages.length === 0) {
  if (nodeBenches.length === 0) console.error(`No bench matches ${only}.`);
  process.exit(nodeBenches.length === 0 || (await runNodeBenches()) ? 1 : 0);
}

const executablePath = findChrome();
if (!executablePath) {
  console.error(noChromeMessage);
  process.exit(1);
}

await build({
  configFile: false,
  root: `${root}bench`,
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: { input: Object.fromEntries(pages.map((p) => [p.replace('.html', ''), `${root}bench/${p}`])) },
  },
});

const serve = sirv(outDir, { dev: true });
const server = createServer((req, res) => serve(req, res, () => ((res.statusCode = 404), res.end())));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath, args: chromeArgs, headless: true });

/** Which figures compete with which: our adapter against the libraries on the same storage. */
const family = (subject) =>
  /localStorage/i.test(subject) ? 'localStorage' : /indexeddb|dexie/i.test(subject) ? 'IndexedDB' : /chart|plot/i.test(subject) ? 'chart' : subject;
const isOurs = (subject) => /Adapter$|^<[a-z-]+>$/.test(subject);
const ms = (n) => n.toFixed(1);

let failed = false;
try {
  for (const page of pages) {
    const tab = await browser.newPage();
    tab.on('pageerror', (error) => console.error(`${page}: ${error.message}`));
    await tab.goto(`${base}/${page}`);
    const result = await tab.waitForFunction(() => window.__bench, null, { timeout: 10 * 60_000, polling: 250 }).then((h) => h.jsonValue());
    await tab.close();
    if (result.error) {
      console.error(`${page} failed:\n${result.error}`);
      failed = true;
      continue;
    }
    console.log(`\n${page.replace('.html', '')}: median of the runs shown, in ms (Chromium ${browser.version()}, ${new Date().toISOString()})`);
    const rows = result.figures.map((f) => {
      const peers = result.figures.filter((p) => p.task === f.task && !isOurs(p.subject) && family(p.subject) === family(f.subject));
      const best = peers.length ? Math.min(...peers.map((p) => p.median)) : undefined;
      return {
        subject: f.subject,
        task: f.task,
        'median ms': ms(f.median),
        'min–max ms': `${ms(f.min)}–${ms(f.max)}`,
        runs: f.runs,
        goal: f.goal === undefined ? '' : `≤ ${f.goal} ms: ${f.median <= f.goal ? 'met' : 'MISSED'}`,
        'vs fastest peer': isOurs(f.subject) && best !== undefined ? `${(f.median / best).toFixed(2)}×` : '',
      };
    });
    console.table(rows);
  }
} finally {
  await browser.close();
  server.close();
}
if (await runNodeBenches()) failed = true;
process.exit(failed ? 1 : 0);

// Runs chosen browser test files again and again, to make flaky tests visible.
//
//   npm run test:repeat -- <file...> [--times N] [--with <file...>] [--grep TEXT] [--all]
//
// Each run is a fresh `web-test-runner` (a new browser, a new reference server) on the files
// given, plus any `--with` files run beside them at the suite's concurrency, to load the machine
// as the full suite does. `--all` runs the whole browser suite (as npm run test:browser does: the
// soak test apart, unless chosen) beside them each time. One
// throwaway PostgreSQL cluster serves every run (scripts/postgres.mjs), where one can be started.
//
// It prints each run's outcome, then per test of the chosen files: how many runs it passed and
// its slowest duration; `--grep` keeps only tests whose name holds TEXT. Exits 1 if any run of a
// chosen file failed. The runs' full output is kept in a temporary folder, named at the end.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { findChrome, noChromeMessage } from './chrome-path.mjs';
import { findPostgresBin, installHint, startCluster } from './postgres.mjs';
import { SUITE_FILES } from '../test/suites.mjs';

function parse(argv) {
  const options = { files: [], with: [], times: 10, grep: undefined, all: false };
  let target = options.files;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--times') options.times = Number(argv[++i]);
    else if (arg === '--grep') options.grep = argv[++i];
    else if (arg === '--with') target = options.with;
    else if (arg === '--all') options.all = true;
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}.`);
    else target.push(relative(process.cwd(), resolve(arg)));
  }
  if (options.files.length === 0) throw new Error('Name at least one test file.');
  if (!Number.isInteger(options.times) || options.times < 1) throw new Error('--times must be a whole number, 1 or more.');
  for (const file of [...options.files, ...options.with]) if (!existsSync(file)) throw new Error(`No such file: ${file}`);
  return options;
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function runOnce(files, env, logFile) {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn('npx', ['web-test-runner', ...files], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('exit', (code) => {
      writeFileSync(logFile, Buffer.concat(output));
      done({ code: code ?? 1, ms: performance.now() - started });
    });
  });
}

async function main() {
  let options;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\nUsage: npm run test:repeat -- <file...> [--times N] [--with <file...>] [--grep TEXT] [--all]`);
    return 2;
  }
  if (!findChrome()) {
    console.error(noChromeMessage);
    return 1;
  }
  let cluster;
  const env = { ...process.env };
  if (!env.TEST_DATABASE_URL) {
    if (findPostgresBin()) {
      cluster = await startCluster();
      env.TEST_DATABASE_URL = cluster.url;
    } else console.warn(`PostgreSQL is not installed: only PGlite's half runs. ${installHint}`);
  }
  const folder = mkdtempSync(join(tmpdir(), 'loadwise-repeat-'));
  // --all: the suite as npm test runs it (the soak test apart), plus the files chosen.
  const files = options.all ? [...options.files, ...SUITE_FILES.filter((glob) => !options.files.includes(glob.slice(1)))] : [...options.files, ...options.with];
  /** Per test of the chosen files: runs passed, runs seen, slowest ms, and the first error. */
  const tests = new Map();
  const fileRuns = new Map(options.files.map((file) => [file, { passed: 0, slowest: 0 }]));
  let failedRuns = 0;
  try {
    for (let run = 1; run <= options.times; run++) {
      const timings = join(folder, `run-${run}.json`);
      const log = join(folder, `run-${run}.log`);
      const { code, ms } = await runOnce(files, { ...env, LOADWISE_TEST_TIMINGS: timings }, log);
      const report = existsSync(timings) ? JSON.parse(readFileSync(timings, 'utf8')) : { files: [] };
      const failures = [];
      for (const file of options.files) {
        const result = report.files.find((f) => f.file === file);
        const stats = fileRuns.get(file);
        const total = result ? result.tests.reduce((sum, t) => sum + (t.duration ?? 0), 0) : 0;
        stats.slowest = Math.max(stats.slowest, total);
        if (result?.passed) stats.passed++;
        else failures.push(`${file}${result ? '' : ' (no result: the run broke off)'}${result?.errors.length ? `: ${result.errors.join('; ')}` : ''}`);
        for (const test of result?.tests ?? []) {
          if (test.skipped || (options.grep && !test.name.includes(options.grep))) continue;
          const entry = tests.get(test.name) ?? { file, passed: 0, runs: 0, slowest: 0, error: undefined };
          entry.runs++;
          if (test.passed) entry.passed++;
          else {
            entry.error ??= test.error;
            failures.push(`${test.name}: ${test.error ?? 'failed'}`);
          }
          entry.slowest = Math.max(entry.slowest, test.duration ?? 0);
          tests.set(test.name, entry);
        }
      }
      if (failures.length) failedRuns++;
      const others = code !== 0 && failures.length === 0 ? ' (a file given with --with or --all failed; see the log)' : '';
      console.log(`run ${run}/${options.times}: ${failures.length ? 'FAILED' : 'passed'} in ${seconds(ms)}${others}`);
      for (const failure of failures) console.log(`    ✗ ${failure}`);
    }
  } finally {
    cluster?.stop();
  }
  console.log('');
  for (const [file, stats] of fileRuns) console.log(`${file}: ${stats.passed}/${options.times} runs passed, slowest ${seconds(stats.slowest)} of test time`);
  const slowestFirst = [...tests].sort(([, a], [, b]) => b.slowest - a.slowest);
  for (const [name, t] of slowestFirst) {
    console.log(`  ${t.passed}/${t.runs} passed, slowest ${seconds(t.slowest)}  ${name}${t.error ? `\n      first failure: ${t.error}` : ''}`);
  }
  console.log(`\nEach run's output and timings: ${folder}`);
  return failedRuns ? 1 : 0;
}

process.exitCode = await main();

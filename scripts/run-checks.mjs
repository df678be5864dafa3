// `npm test`: every check, one npm script after another, stopping at the first that fails. Each
// stage's time is printed as it ends and again in a table at the end, so the suite's growth
// against CI's 15-minute goal can be watched.
import { spawn } from 'node:child_process';

const stages = [
  'typecheck',
  'lint',
  'test:browser',
  'test:soak',
  'test:server',
  'build',
  'size',
  'analyze:check',
  ['prerender', '--', '--check'],
  'build-storybook',
  'test:stories',
];

const GOAL_S = 15 * 60;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function run([script, ...args]) {
  return new Promise((done) => {
    const child = spawn('npm', ['run', script, ...args], { stdio: 'inherit' });
    child.on('error', () => done(1));
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

const times = [];
const started = performance.now();
let failed;
for (const stage of stages) {
  const argv = Array.isArray(stage) ? stage : [stage];
  const t0 = performance.now();
  const code = await run(argv);
  const ms = performance.now() - t0;
  times.push([argv.join(' '), ms, code]);
  console.log(`\n⏱  ${argv[0]}: ${seconds(ms)}${code ? ` (failed, exit ${code})` : ''}\n`);
  if (code) {
    failed = code;
    break;
  }
}
const total = performance.now() - started;
const width = Math.max(...times.map(([name]) => name.length));
console.log('npm test, stage by stage:');
for (const [name, ms, code] of times) console.log(`  ${name.padEnd(width)}  ${seconds(ms).padStart(8)}${code ? '  FAILED' : ''}`);
console.log(`  ${'total'.padEnd(width)}  ${seconds(total).padStart(8)}  (goal: under ${GOAL_S / 60} min on a 2-core machine)`);
if (failed) console.log(`Stopped at the first failure; ${stages.length - times.length} stage(s) not run.`);
process.exitCode = failed ?? 0;

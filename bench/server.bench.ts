/**
 * Server benchmark (issue 7), run in Node by `npm run bench` (filter: `server`): writes per
 * second and latency of `PUT` creates against the reference server, on PGlite and on
 * PostgreSQL, with 1, 10 and 50 clients writing at once.
 *
 * The server runs as `npm run server` does, in a process of its own (server/main.ts), on
 * loopback; the clients are fetch calls from this process, each awaiting its reply before
 * sending the next, as a person's device does. Each client is a different user, as in real use;
 * one more row has 50 clients of the same user, whose writes the server commits one at a time
 * (that is what keeps the changes feed gap-free). PGlite keeps its data in a temporary folder;
 * PostgreSQL is a temporary cluster with its default durability (fsync on), as in production.
 * Both the server and the clients share this machine's cores, so figures are for comparing
 * configurations, not capacity planning.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hmacTokens } from '../server/auth.js';
import { newSession } from '../src/tracking/model.js';
import { findPostgresBin, installHint, startCluster } from '../scripts/postgres.mjs';

const WRITES = 3000;
const WARM_UP = 100;
const CONFIGS: { clients: number; sameUser: boolean }[] = [
  { clients: 1, sameUser: false },
  { clients: 10, sameUser: false },
  { clients: 50, sameUser: false },
  { clients: 50, sameUser: true },
];
const SECRET = randomUUID() + randomUUID();
const root = fileURLToPath(new URL('..', import.meta.url));
const tokens = hmacTokens(SECRET);

interface Row {
  database: string;
  clients: string;
  writes: number;
  'writes/s': string;
  'p50 ms': string;
  'p99 ms': string;
  'max ms': string;
}

/** Starts server/main.ts on a free port with `env`; resolves to its URL and process. */
async function serve(args: string[], env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', ...args], {
    cwd: root,
    env: { ...process.env, LOADWISE_TOKEN_SECRET: SECRET, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      const match = /reference server on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`The server exited (${code}):\n${output}`)));
  });
  return { url, child };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

async function put(url: string, token: string): Promise<number> {
  const record = newSession({ modality: 'resistance', startedAt: new Date().toISOString(), timeZone: 'Europe/Paris', durationMin: 45, rpe: 7 });
  const started = performance.now();
  const response = await fetch(`${url}/v1/sessions/${record.id}`, {
    method: 'PUT',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      'If-None-Match': '*',
      'Idempotency-Key': randomUUID(),
    },
    body: JSON.stringify(record),
  });
  await response.arrayBuffer();
  if (response.status !== 201) throw new Error(`PUT answered ${response.status}`);
  return performance.now() - started;
}

/** `writes` creates split among `clients` concurrent clients; every latency, and the wall time. */
async function run(url: string, clients: number, sameUser: boolean, writes: number): Promise<{ latencies: number[]; seconds: number }> {
  const shared = randomUUID();
  const clientTokens = await Promise.all(Array.from({ length: clients }, () => tokens.sign(sameUser ? shared : randomUUID())));
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    clientTokens.map(async (token, i) => {
      const mine = Math.floor(writes / clients) + (i < writes % clients ? 1 : 0);
      for (let n = 0; n < mine; n++) latencies.push(await put(url, token));
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function measure(database: string, url: string): Promise<Row[]> {
  await run(url, 10, false, WARM_UP);
  const rows: Row[] = [];
  for (const { clients, sameUser } of CONFIGS) {
    const { latencies, seconds } = await run(url, clients, sameUser, WRITES);
    latencies.sort((a, b) => a - b);
    rows.push({
      database,
      clients: sameUser ? `${clients}, one user` : String(clients),
      writes: latencies.length,
      'writes/s': (latencies.length / seconds).toFixed(0),
      'p50 ms': quantile(latencies, 0.5).toFixed(1),
      'p99 ms': quantile(latencies, 0.99).toFixed(1),
      'max ms': latencies.at(-1)!.toFixed(1),
    });
  }
  return rows;
}

const rows: Row[] = [];

const dataDir = mkdtempSync(join(tmpdir(), 'loadwise-bench-pglite-'));
try {
  const { url, child } = await serve(['--data', dataDir], { DATABASE_URL: '' });
  try {
    rows.push(...(await measure('PGlite (on disk)', url)));
  } finally {
    await stop(child);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

if (findPostgresBin()) {
  const cluster = await startCluster({ durable: true });
  try {
    const { url, child } = await serve([], { DATABASE_URL: cluster.url });
    try {
      rows.push(...(await measure('PostgreSQL (fsync on)', url)));
    } finally {
      await stop(child);
    }
  } finally {
    cluster.stop();
  }
} else {
  console.warn(`PostgreSQL is not installed, so only PGlite was measured. ${installHint}`);
}

console.log(
  `\nserver: PUT creates over HTTP on loopback, ${WRITES} per row after ${WARM_UP} to warm up ` +
    `(Node ${process.version}, ${availableParallelism()} cores, ${new Date().toISOString()})`,
);
console.table(rows);

// A throwaway PostgreSQL cluster for the server's tests and benchmark.
//
//   node scripts/postgres.mjs <command> [args...]
//
// runs <command> with TEST_DATABASE_URL pointing at a fresh cluster (initdb'd in a temporary
// folder, listening on 127.0.0.1 on a free port), then stops the cluster and deletes it. When
// TEST_DATABASE_URL is already set, the command just runs against it. When PostgreSQL is not
// installed, the command runs without it (only the PGlite half of the tests), saying so clearly;
// under CI=true that is a failure instead.
//
// PostgreSQL refuses to run as root: as root, the cluster belongs to, and runs as, the `postgres`
// user (through runuser). The binaries are looked up in $PG_BIN, /usr/lib/postgresql/<newest>/bin,
// then PATH.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const installHint = 'Install PostgreSQL to run it too: sudo apt-get install -y postgresql (Debian, Ubuntu), or set TEST_DATABASE_URL.';

/** The folder holding initdb, pg_ctl and postgres, or undefined. */
export function findPostgresBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(root, v, 'bin')));
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir) candidates.push(dir);
  return candidates.find((dir) => ['initdb', 'pg_ctl', 'postgres'].every((tool) => existsSync(join(dir, tool))));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a new cluster and returns its URL (superuser `postgres`, trust auth on loopback) and
 * `stop()`, which also deletes it. `durable: false` turns fsync off: fine for tests, not for
 * measuring writes.
 */
export async function startCluster({ durable = false } = {}) {
  const bin = findPostgresBin();
  if (!bin) throw new Error(`PostgreSQL is not installed. ${installHint}`);
  const asRoot = process.getuid?.() === 0;
  const run = (tool, args) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    return execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  };
  const dir = mkdtempSync(join(tmpdir(), 'loadwise-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  let started = false;
  const stop = () => {
    try {
      if (started) run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      started = false;
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-instructions', ...(durable ? [] : ['--no-sync'])]);
    const settings = [`-p ${port}`, '-c listen_addresses=127.0.0.1', `-c unix_socket_directories=${dir}`, '-c max_connections=200'];
    if (!durable) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', settings.join(' '), 'start']);
    started = true;
  } catch (error) {
    stop();
    throw new Error(`Could not start a temporary PostgreSQL (${bin}): ${error.stderr || error.message}`, { cause: error });
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop, bin };
}

async function main(command) {
  if (command.length === 0) {
    console.error('Usage: node scripts/postgres.mjs <command> [args...]');
    return 2;
  }
  let cluster;
  let missing = false;
  if (!process.env.TEST_DATABASE_URL) {
    if (findPostgresBin()) {
      try {
        cluster = await startCluster();
      } catch (error) {
        console.error(error.message);
        return 1;
      }
      console.log(`PostgreSQL: a temporary cluster at ${cluster.url} (${cluster.bin})`);
    } else if (process.env.CI === 'true') {
      console.error(`PostgreSQL is not installed, and CI=true requires the PostgreSQL half of the tests. ${installHint}`);
      return 1;
    } else {
      missing = true;
      console.warn(`\n*** PostgreSQL is not installed: the PostgreSQL half of these tests will NOT run, only PGlite's.\n*** ${installHint}\n`);
    }
  }
  const env = cluster ? { ...process.env, TEST_DATABASE_URL: cluster.url } : process.env;
  const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  const code = await new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`Could not run ${command[0]}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
  cluster?.stop();
  // Again at the end, where it is seen after the tests' output.
  if (missing) console.warn(`\n*** The PostgreSQL half did NOT run (PostgreSQL is not installed). ${installHint}`);
  return code;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));

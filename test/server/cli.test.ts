/**
 * `npm run server` as a process: it starts on the database it is told, shuts down cleanly on
 * SIGTERM (finishing a request in flight), keeps its data across restarts, and takes fault
 * settings from the environment.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { hmacTokens } from '../../server/index.js';
import { Api } from './api.js';
import { session } from './fixtures.js';
import { databaseKinds, freshDatabase } from './harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SECRET = 'a secret for the server process, long enough';

/** Servers still running when the file ends (a test failed half-way) are stopped then. */
const running = new Set<ChildProcess>();
after(() => {
  for (const child of running) child.kill('SIGKILL');
});

interface Child {
  process: ChildProcess;
  url: string;
  output: () => string;
}

/** Runs server/main.ts with `args` and `env`; resolves once it says where it listens. */
async function run(args: string[], env: Record<string, string>): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', ...args], {
    cwd: root,
    env: { ...process.env, LOADWISE_TOKEN_SECRET: SECRET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start:\n${output}`)), 30_000);
    child.stdout!.on('data', () => {
      const match = /reference server on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}):\n${output}`));
    });
  });
  return { process: child, url, output: () => output };
}

async function stop(child: Child): Promise<number | null> {
  const exited = once(child.process, 'exit');
  child.process.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  return code;
}

for (const kind of databaseKinds) {
  describe(`npm run server (${kind})`, () => {
    it('stops cleanly on SIGTERM, finishing a request in flight, and finds its data again', async () => {
      const db = await freshDatabase(kind, { onDisk: true });
      // The server process opens the data itself: the test lets go of it first.
      await db.close();
      const where: { args: string[]; env: Record<string, string> } =
        'url' in db.location ? { args: [], env: { DATABASE_URL: db.location.url } } : { args: ['--data', (db.location as { dataDir: string }).dataDir], env: { DATABASE_URL: '' } };
      const token = await hmacTokens(SECRET).sign('carol');
      const record = session();
      try {
        // Each request takes 400 ms here, so SIGTERM arrives while the write is in flight.
        let child = await run(where.args, { ...where.env, LOADWISE_LATENCY_MS: '400' });
        assert.match(child.output(), kind === 'postgres' ? /PostgreSQL/ : /PGlite in/);
        const writing = new Api(child.url, token).put('sessions', record, { create: true });
        await new Promise((resolve) => setTimeout(resolve, 100));
        const code = await stop(child);
        assert.equal((await writing).status, 201, 'the request in flight was answered');
        assert.equal(code, 0, child.output());

        child = await run(where.args, where.env);
        try {
          const read = await new Api(child.url, token).get('sessions', record.id);
          assert.equal(read.status, 200);
          assert.deepEqual(read.body.record, record);
        } finally {
          assert.equal(await stop(child), 0);
        }
      } finally {
        await db.drop();
      }
    });
  });
}

describe('npm run server options', () => {
  it('takes fault settings from the environment and refuses a port that is not one', async () => {
    const child = await run(['--memory'], { LOADWISE_FAIL_RATE: '1' }).catch((error: Error) => error);
    assert.ok(!(child instanceof Error), String(child));
    try {
      assert.match(child.output(), /fault injection ON/);
      const reply = await new Api(child.url, await hmacTokens(SECRET).sign('dave')).list('sessions');
      assert.equal(reply.status, 503);
      assert.equal(reply.headers.get('Retry-After'), '1');
    } finally {
      await stop(child);
    }

    const bad = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', 'eighty'], { cwd: root, stdio: 'ignore' });
    const [code] = (await once(bad, 'exit')) as [number];
    assert.equal(code, 2);
  });
});

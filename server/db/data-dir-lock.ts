/**
 * One server at a time per PGlite data folder. PGlite does not guard its folder, and two
 * processes writing the same files (a second `npm run server` started by mistake) would corrupt
 * it; this does what postmaster.pid does for PostgreSQL. A lock left by a process that has died
 * is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const LOCK_FILE = 'loadwise-server.pid';
/** Folders this process holds, which the pid in the file cannot tell apart. */
const held = new Set<string>();

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the folder (creating it), or throws if another server has it. Returns the release. */
export function lockDataDir(dir: string): () => void {
  const path = resolve(dir);
  const file = join(path, LOCK_FILE);
  if (held.has(path)) throw new Error(`${dir} is already open in this process; PGlite allows one server per data folder.`);
  mkdirSync(path, { recursive: true });
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const pid = Number(readFileSync(file, 'utf8'));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
      throw new Error(`${dir} is in use by another server (process ${pid}); PGlite allows one server per data folder.`, { cause: error });
    }
    writeFileSync(file, String(process.pid));
  }
  held.add(path);
  return () => {
    held.delete(path);
    rmSync(file, { force: true });
  };
}

/**
 * Fault injection, for testing clients against a server that fails the way real ones do: off
 * unless asked for, through `createApp`'s `faults` option, or for a server run as a child process
 * through the environment (`LOADWISE_FAIL_RATE`, `LOADWISE_DROP_AFTER_COMMIT_RATE`,
 * `LOADWISE_LATENCY_MS`).
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { unavailable } from './problems.js';

export interface Faults {
  /** Share of /v1 requests (0–1) answered 503 with `Retry-After: 1` before anything is done. */
  failRate?: number;
  /** Share of writes (0–1) committed, then answered with nothing: the connection is destroyed. */
  dropAfterCommitRate?: number;
  /** Delay before every /v1 request is handled, in milliseconds. */
  latencyMs?: number;
}

export function checkFaults(faults: Faults): Faults {
  for (const name of ['failRate', 'dropAfterCommitRate'] as const) {
    const rate = faults[name];
    if (rate !== undefined && !(rate >= 0 && rate <= 1)) throw new Error(`faults.${name} must be between 0 and 1 (got ${rate}).`);
  }
  if (faults.latencyMs !== undefined && !(faults.latencyMs >= 0)) throw new Error(`faults.latencyMs must be 0 or more (got ${faults.latencyMs}).`);
  return faults;
}

/** The faults set in the environment, for a server started as a child process. */
export function faultsFromEnv(env: NodeJS.ProcessEnv = process.env): Faults {
  const read = (name: string) => (env[name] ? Number(env[name]) : undefined);
  const faults: Faults = {};
  const failRate = read('LOADWISE_FAIL_RATE');
  const dropAfterCommitRate = read('LOADWISE_DROP_AFTER_COMMIT_RATE');
  const latencyMs = read('LOADWISE_LATENCY_MS');
  if (failRate !== undefined) faults.failRate = failRate;
  if (dropAfterCommitRate !== undefined) faults.dropAfterCommitRate = dropAfterCommitRate;
  if (latencyMs !== undefined) faults.latencyMs = latencyMs;
  return checkFaults(faults);
}

export const anyFaults = (faults: Faults) => !!(faults.failRate || faults.dropAfterCommitRate || faults.latencyMs);

/** Delays, then maybe refuses, a request before it is looked at. */
export function injectFaults(faults: Faults): MiddlewareHandler<AppEnv> {
  return async (_c, next) => {
    if (faults.latencyMs) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    if (faults.failRate && Math.random() < faults.failRate) throw unavailable('Injected fault: try again shortly.', 1);
    await next();
  };
}

/**
 * After a commit, maybe destroys the connection so the client never hears back, as when a reply
 * is lost on the network. Returns whether it did.
 */
export function dropAfterCommit(c: Context<AppEnv>, faults: Faults): boolean {
  const socket = c.env.incoming?.socket;
  if (!socket || !faults.dropAfterCommitRate || Math.random() >= faults.dropAfterCommitRate) return false;
  socket.destroy();
  return true;
}

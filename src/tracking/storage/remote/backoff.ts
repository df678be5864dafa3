/**
 * When to try again after a failed send: exponential backoff with full jitter (AWS architecture
 * blog, "Exponential Backoff And Jitter"), capped, and never sooner than the server's
 * `Retry-After`. Jitter spreads out many clients that failed at the same moment.
 */
export interface BackoffOptions {
  /** First delay's ceiling, ms. */
  base?: number;
  /** Longest delay, ms. */
  cap?: number;
}

export const DEFAULT_BACKOFF = { base: 1000, cap: 60_000 } as const;

/** The delay before attempt `attempt + 1` (attempt 0 is the first retry), ms. */
export function retryDelay(attempt: number, { base = DEFAULT_BACKOFF.base, cap = DEFAULT_BACKOFF.cap }: BackoffOptions = {}, retryAfterMs?: number, random = Math.random): number {
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 30));
  const jittered = random() * ceiling;
  return Math.min(Math.max(jittered, retryAfterMs ?? 0), Math.max(cap, retryAfterMs ?? 0));
}

/** `Retry-After` as ms: seconds, or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(at - now, 0);
}

/**
 * The HTTP side of `RestAdapter`: one method per call of the protocol in server/openapi.yaml,
 * each answer read with zod (a server reply is untrusted input) and turned into an outcome the
 * sync engine can act on. It keeps no state but the endpoint and how to get a token; the token is
 * asked for on every request and only ever sent in the Authorization header.
 */
import * as z from 'zod/mini';
import type { FieldIssue } from '../../../base/validation.js';
import { COLLECTIONS, type CollectionName, type Stored } from '../types.js';
import { parseRetryAfter } from './backoff.js';

/** Gives the bearer token for a request; `refresh` is true on the second try after a 401. */
export type GetToken = (context: { refresh: boolean }) => string | null | undefined | Promise<string | null | undefined>;

const stored = z.union([
  z.object({ id: z.string(), rev: z.string(), deleted: z.literal(false), record: z.unknown() }),
  z.object({ id: z.string(), rev: z.string(), deleted: z.literal(true), deletedAt: z.string() }),
]);
const issue = z.object({ path: z.string(), message: z.string() });
const problem = z.object({
  type: z.optional(z.string()),
  title: z.optional(z.string()),
  detail: z.optional(z.string()),
  errors: z.optional(z.array(issue)),
  current: z.optional(z.nullable(stored)),
});
const changesPage = z.object({
  changes: z.array(z.object({ seq: z.number(), collection: z.enum(COLLECTIONS as [CollectionName, ...CollectionName[]]), stored })),
  last: z.number(),
  hasMore: z.boolean(),
});
export type ChangesPage = z.infer<typeof changesPage>;

/** What a call came to. Only `ok` carries data; everything else says what to do next. */
export type Outcome<T> =
  | { kind: 'ok'; value: T }
  /** 412: the server holds another revision (or none: `current` undefined). */
  | { kind: 'conflict'; current: Stored<unknown> | undefined }
  /** 4xx that retrying cannot fix: the request itself is wrong. Names the fields at fault. */
  | { kind: 'rejected'; status: number; message: string; issues: FieldIssue[]; type: string | undefined }
  /** 401 twice: the person has to sign in again. */
  | { kind: 'unauthorized' }
  /** No connection, a dropped one, 5xx or 429: try again later (not before `retryAfter` ms). */
  | { kind: 'transient'; reason: 'offline' | 'server'; status?: number; retryAfter?: number; message: string };

export interface WriteCall {
  collection: CollectionName;
  id: string;
  /** `null` to create (If-None-Match: *), else the server revision it replaces (If-Match). */
  base: string | null;
  idempotencyKey: string;
}

/** How long a call may take, reply included, before it counts as a passing failure. */
export const DEFAULT_REQUEST_TIMEOUT = 30_000;

export interface RestClientOptions {
  /** For a site that wraps fetch (logging, its own headers). */
  fetch?: typeof fetch;
  /** ms; see DEFAULT_REQUEST_TIMEOUT. */
  timeout?: number;
}

export class RestClient {
  private readonly fetcher: typeof fetch;
  private readonly timeout: number;

  constructor(
    private readonly endpoint: string,
    private readonly getToken: GetToken,
    { fetch: fetcher = (...args) => fetch(...args), timeout = DEFAULT_REQUEST_TIMEOUT }: RestClientOptions = {},
  ) {
    this.fetcher = fetcher;
    this.timeout = timeout;
  }

  /** `signal` abandons the call (the adapter closing): its outcome is then a transient one. */
  put(call: WriteCall, record: unknown, signal?: AbortSignal): Promise<Outcome<Stored<unknown>>> {
    const precondition: Record<string, string> = call.base === null ? { 'If-None-Match': '*' } : { 'If-Match': `"${call.base}"` };
    return this.request(`/v1/${call.collection}/${encodeURIComponent(call.id)}`, {
      method: 'PUT',
      headers: { ...precondition, 'Idempotency-Key': call.idempotencyKey, 'Content-Type': 'application/json' },
      body: JSON.stringify(record),
    }, (body) => stored.parse(body), signal);
  }

  remove(call: WriteCall & { base: string }, signal?: AbortSignal): Promise<Outcome<Stored<unknown>>> {
    return this.request(`/v1/${call.collection}/${encodeURIComponent(call.id)}`, {
      method: 'DELETE',
      headers: { 'If-Match': `"${call.base}"`, 'Idempotency-Key': call.idempotencyKey },
    }, (body) => stored.parse(body), signal);
  }

  changes(since: number, limit = 500, signal?: AbortSignal): Promise<Outcome<ChangesPage>> {
    return this.request(`/v1/changes?since=${since}&limit=${limit}`, { method: 'GET' }, (body) => changesPage.parse(body), signal);
  }

  /** One call, with the token asked for again once after a 401. */
  private async request<T>(path: string, init: RequestInit, read: (body: unknown) => T, signal: AbortSignal | undefined): Promise<Outcome<T>> {
    for (const refresh of [false, true]) {
      let token: string | null | undefined;
      try {
        token = await this.getToken({ refresh });
      } catch (error) {
        return { kind: 'transient', reason: 'server', message: `Could not get a sign-in token: ${(error as Error)?.message ?? error}` };
      }
      if (!token) return { kind: 'unauthorized' };
      // A server that never answers must not hold the sync (and its lock, in every tab) forever:
      // the call, reply body included, has `timeout` ms.
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(), this.timeout);
      const abandon = () => deadline.abort();
      signal?.addEventListener('abort', abandon, { once: true });
      try {
        if (signal?.aborted) return this.unreached(signal.reason, deadline.signal, signal);
        let response: Response;
        try {
          response = await this.fetcher(new URL(path, this.endpoint), {
            ...init,
            headers: { ...init.headers, Authorization: `Bearer ${token}`, Accept: 'application/json' },
            credentials: 'omit',
            cache: 'no-store',
            signal: deadline.signal,
          });
        } catch (error) {
          return this.unreached(error, deadline.signal, signal);
        }
        if (response.status === 401) {
          if (!refresh) continue;
          return { kind: 'unauthorized' };
        }
        return await this.outcome(response, read, deadline.signal, signal);
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', abandon);
      }
    }
    return { kind: 'unauthorized' };
  }

  /** Why no reply came: timed out, abandoned, offline, or unreachable. */
  private unreached(error: unknown, deadline: AbortSignal, signal: AbortSignal | undefined): Outcome<never> {
    if (signal?.aborted) return { kind: 'transient', reason: 'offline', message: 'Stopped: the storage was closed.' };
    if (deadline.aborted) return { kind: 'transient', reason: 'server', message: `The server did not answer within ${this.timeout >= 1000 ? `${Math.round(this.timeout / 1000)} s` : `${this.timeout} ms`}.` };
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    return { kind: 'transient', reason: 'offline', message: offline ? 'Offline.' : `The server could not be reached (${(error as Error)?.message ?? error}).` };
  }

  private async outcome<T>(response: Response, read: (body: unknown) => T, deadline: AbortSignal, signal: AbortSignal | undefined): Promise<Outcome<T>> {
    const { status } = response;
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      // Cut off mid-reply: a write may have been applied, so it is retried with its key.
      if (deadline.aborted) return this.unreached(error, deadline, signal);
      body = undefined;
    }
    if (status >= 200 && status < 300) {
      try {
        return { kind: 'ok', value: read(body) };
      } catch (error) {
        // A 2xx we cannot read may still have been applied: treat it like a lost reply and let
        // the retry, with the same idempotency key, get the saved answer again.
        return { kind: 'transient', reason: 'server', status, message: `The server's reply did not read: ${describe(error)}` };
      }
    }
    const parsed = problem.safeParse(body);
    const details = parsed.success ? parsed.data : {};
    if (status === 412) return { kind: 'conflict', current: details.current ?? undefined };
    if (status === 429 || status >= 500) {
      const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
      return { kind: 'transient', reason: 'server', status, ...(retryAfter === undefined ? {} : { retryAfter }), message: details.detail ?? details.title ?? `The server answered ${status}.` };
    }
    return {
      kind: 'rejected',
      status,
      type: details.type,
      issues: details.errors ?? [],
      message: details.detail ?? details.title ?? `The server refused this (${status}).`,
    };
  }
}

function describe(error: unknown): string {
  const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] })?.issues;
  if (issues) return issues.map((i) => `${i.path.map(String).join('.') || '(reply)'} ${i.message}`).join('; ');
  return String((error as Error)?.message ?? error);
}

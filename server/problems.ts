/**
 * Errors as RFC 9457 problem details (`application/problem+json`): `type`, `title`, `status`,
 * `detail`, plus members of our own where a client needs more: `errors` (each field or parameter
 * at fault, as `{ path, message }`) and `current` (the record as it is now, on a 412).
 *
 * Handlers throw a `Problem`; the app's error handler turns it into the response.
 */
import type { FieldIssue } from '../src/base/validation.js';
import type { Stored } from '../src/tracking/storage/types.js';

/** Problem types are URNs: stable names to switch on, documented in server/openapi.yaml. */
export const problemType = (name: string) => `urn:loadwise:problem:${name}`;

export interface ProblemInit {
  status: number;
  /** `about:blank` (the default) when the status says it all. */
  type?: string;
  title: string;
  detail?: string;
  headers?: Record<string, string>;
  extensions?: Record<string, unknown>;
}

export class Problem extends Error {
  override name = 'Problem';
  constructor(readonly init: ProblemInit) {
    super(init.detail ?? init.title);
  }

  toResponse(): Response {
    const { status, type = 'about:blank', title, detail, headers, extensions } = this.init;
    const body = { type, title, status, ...(detail === undefined ? {} : { detail }), ...extensions };
    return new Response(JSON.stringify(body), { status, headers: { ...headers, 'Content-Type': 'application/problem+json' } });
  }
}

export const badRequest = (detail: string, errors?: FieldIssue[], name = 'invalid-request') =>
  new Problem({ status: 400, type: problemType(name), title: 'Bad request', detail, ...(errors ? { extensions: { errors } } : {}) });

/** Query parameters that are not allowed; each issue's path is the parameter's name. */
export const badParameters = (errors: FieldIssue[]) =>
  badRequest(`Check the query parameters: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`, errors, 'invalid-parameters');

export const invalidRecord = (errors: FieldIssue[]) =>
  new Problem({
    status: 422,
    type: problemType('validation'),
    title: 'The record is not valid',
    detail: `Not saved: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`,
    extensions: { errors },
  });

/** A value the database cannot hold got past the checks (see app.ts): refused, not retried. */
export const unstorable = () =>
  new Problem({
    status: 400,
    type: problemType('unstorable'),
    title: 'A value cannot be stored',
    detail: 'The database cannot hold a value in this request (such as a NUL character or a date out of range). Nothing was saved.',
  });

export const unauthorized = (detail: string, tokenGiven: boolean) =>
  new Problem({
    status: 401,
    type: problemType('unauthorized'),
    title: 'Sign in again',
    detail,
    // RFC 6750: a token that was given but cannot be used is an `invalid_token`.
    headers: { 'WWW-Authenticate': tokenGiven ? 'Bearer realm="loadwise", error="invalid_token"' : 'Bearer realm="loadwise"' },
  });

export const notFound = (detail = 'Nothing is here.') => new Problem({ status: 404, title: 'Not Found', detail });

export const methodNotAllowed = (allow: string[]) =>
  new Problem({ status: 405, title: 'Method Not Allowed', detail: `Use ${allow.join(', ')}.`, headers: { Allow: allow.join(', ') } });

/** The revision did not match. `current` lets the client show both versions and decide. */
export const preconditionFailed = (current: Stored<unknown> | undefined, detail: string) =>
  new Problem({
    status: 412,
    type: problemType('conflict'),
    title: 'The record changed elsewhere',
    detail,
    extensions: { current: current ?? null },
  });

export const preconditionRequired = (detail: string) =>
  new Problem({ status: 428, type: problemType('precondition-required'), title: 'Say which revision this write replaces', detail });

export const payloadTooLarge = (limit: number) =>
  new Problem({
    status: 413,
    title: 'Content Too Large',
    detail: `The request body is over the limit of ${limit} bytes.`,
    // The rest of the body is never read: close the connection, or its bytes would be read as
    // the next request on it.
    headers: { Connection: 'close' },
  });

export const unsupportedMediaType = () =>
  new Problem({
    status: 415,
    title: 'Unsupported Media Type',
    detail: 'Send the body as JSON, with Content-Type: application/json.',
  });

export const unavailable = (detail: string, retryAfterSeconds: number) =>
  new Problem({ status: 503, title: 'Service Unavailable', detail, headers: { 'Retry-After': String(retryAfterSeconds) } });

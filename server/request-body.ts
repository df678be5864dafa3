/** Reading what a write sends: its JSON body (and the exact text, for fingerprints) and its key. */
import type { Context } from 'hono';
import { badRequest, problemType, Problem, unsupportedMediaType } from './problems.js';

const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/** The body as JSON (415 when it is not sent as JSON, 400 when it does not parse). */
export async function readJson(c: Context): Promise<{ text: string; value: unknown }> {
  if (!JSON_TYPE.test(c.req.header('Content-Type') ?? '')) throw unsupportedMediaType();
  const text = await c.req.text();
  try {
    return { text, value: JSON.parse(text) as unknown };
  } catch (error) {
    throw badRequest(`The body is not valid JSON: ${(error as Error).message}`, undefined, 'invalid-json');
  }
}

/**
 * The request's `Idempotency-Key`: any 1–255 visible ASCII characters (a UUID is best). The
 * quoted form of the IETF draft (`"…"`, a structured-field string) is read as the same key.
 */
export function readIdempotencyKey(c: Context): string {
  const raw = c.req.header('Idempotency-Key');
  if (raw === undefined) {
    throw new Problem({
      status: 400,
      type: problemType('idempotency-key-missing'),
      title: 'Idempotency-Key is required',
      detail: 'Send an Idempotency-Key header (a new UUID for each write; the same one when retrying it).',
    });
  }
  const key = /^"(.*)"$/.exec(raw.trim())?.[1] ?? raw.trim();
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) throw badRequest('Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID.');
  return key;
}

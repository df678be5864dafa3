/**
 * Query parameters, checked with zod like every other input: each problem names its parameter
 * (`limit must be a whole number from 1 to 1000`). Also the list cursor, which is opaque to
 * clients: base64url JSON of where the last page ended.
 */
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { idFault, inRecordYears, yearsMessage } from '../src/base/storable.js';
import { validate } from '../src/base/validation.js';
import { badParameters } from './problems.js';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

const instantMessage = 'must be an ISO 8601 instant such as 2026-11-24T07:30:00Z';
const isoInstant = z.iso.datetime({ offset: true });
// Bounds outside the years records may hold would reach PostgreSQL as instants it cannot read
// (it has no year 0): refuse them here, naming the parameter. No record lies out there anyway.
const instant = z.string().check(
  z.superRefine((value, ctx) => {
    if (!z.safeParse(isoInstant, value).success) ctx.addIssue({ code: 'custom', message: instantMessage, input: value });
    else if (!inRecordYears(value)) ctx.addIssue({ code: 'custom', message: yearsMessage, input: value });
  }),
);
const wholeNumber = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  // One check, so a bad value gets one message.
  return z.string().check(z.refine((s) => /^[0-9]{1,16}$/.test(s) && Number(s) >= min && Number(s) <= max, message));
};
const limit = z.optional(wholeNumber(1, MAX_LIMIT));
const bool = z.optional(z.enum(['true', 'false'], 'must be true or false'));
const order = z.optional(z.enum(['asc', 'desc'], 'must be asc or desc'));

export const listQuerySchema = z.strictObject({ from: z.optional(instant), to: z.optional(instant), order, limit, cursor: z.optional(z.string()), includeDeleted: bool });
export const changesQuerySchema = z.strictObject({ since: z.optional(wholeNumber(0, Number.MAX_SAFE_INTEGER)), limit });

/** The request's query checked against `schema`; a 400 naming each parameter at fault otherwise. */
export function readQuery<S extends z.ZodMiniType>(c: Context, schema: S): z.infer<S> {
  const all = c.req.queries();
  const repeated = Object.keys(all).filter((name) => all[name]!.length > 1);
  if (repeated.length) throw badParameters(repeated.map((path) => ({ path, message: 'must be given once' })));
  const result = validate(schema, c.req.query(), { root: '(query)', unknownField: 'is not a parameter of this request' });
  if (!result.ok) throw badParameters(result.issues);
  return result.value;
}

export interface Cursor {
  order: 'asc' | 'desc';
  /** The sort time of the last item of the page (ISO instant). */
  at: string;
  id: string;
}

// A cursor comes back from the client, so it is checked like any input: a crafted one must not
// carry an instant or an id the database cannot read.
const cursorSchema = z.strictObject({
  o: z.enum(['asc', 'desc']),
  t: z.iso.datetime().check(z.refine(inRecordYears)),
  i: z.string().check(z.refine((id) => idFault(id) === undefined)),
});

export const encodeCursor = ({ order, at, id }: Cursor) => Buffer.from(JSON.stringify({ o: order, t: at, i: id })).toString('base64url');

/** The cursor's position, checked to belong to a list in the same order. */
export function decodeCursor(text: string, order: 'asc' | 'desc'): Cursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = z.safeParse(cursorSchema, value);
  if (!parsed.success) throw badParameters([{ path: 'cursor', message: 'is not one this server gave out: pass nextCursor from the previous page' }]);
  if (parsed.data.o !== order) throw badParameters([{ path: 'cursor', message: `was given for order=${parsed.data.o}; keep the order while paging` }]);
  return { order, at: parsed.data.t, id: parsed.data.i };
}

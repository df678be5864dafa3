/**
 * What every place loadwise keeps data in can hold, as zod/mini rules the schemas share: the
 * browser's storage, JSON, and PostgreSQL (`text`, `json` and `timestamptz` columns) alike. A
 * value these rules accept is stored and given back unchanged everywhere; one they refuse is
 * refused at the schema, with a message on its field, before any adapter or database sees it.
 *
 * - Text: no NUL (PostgreSQL's text cannot hold it) and no lone surrogate (UTF-8 cannot encode
 *   one: it would come back as U+FFFD, a different string).
 * - Ids: the same, and no control characters either (they end up in URLs, headers and logs).
 * - Instants: years RECORD_YEARS.min to RECORD_YEARS.max. PostgreSQL has no year 0, JavaScript
 *   dates and PostgreSQL disagree far out, and no training log starts before 1900 or after 2199.
 * - Numbers: zod 4's `z.number()` already refuses NaN and ±Infinity (JSON has neither; they
 *   would come back as null). Negative zero is read as 0: JSON writes both as `0`, so IndexedDB
 *   would give back -0 and every other store 0.
 */
import * as z from 'zod/mini';

/** The years a stored instant may fall in (UTC), both included. Documented in the README. */
export const RECORD_YEARS = { min: 1900, max: 2199 } as const;

/** The first and last milliseconds of RECORD_YEARS, for comparing parsed instants. */
export const RECORD_TIME_RANGE = {
  min: Date.UTC(RECORD_YEARS.min, 0, 1),
  max: Date.UTC(RECORD_YEARS.max + 1, 0, 1) - 1,
} as const;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// C0 controls, DEL and C1 controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Why `text` cannot be stored as it is, or undefined when it can. */
export function textFault(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain a lone surrogate (a broken character)';
  return undefined;
}

/** Why `id` cannot be used as an id, or undefined when it can. */
export function idFault(id: string, maxLength = 200): string | undefined {
  if (id.length === 0) return 'must not be empty';
  if (id.length > maxLength) return `must be at most ${maxLength} characters`;
  if (CONTROL.test(id)) return 'must not contain control characters';
  return textFault(id);
}

/** Whether an instant (any form Date.parse reads) falls within RECORD_YEARS. */
export function inRecordYears(iso: string): boolean {
  const ms = Date.parse(iso);
  return ms >= RECORD_TIME_RANGE.min && ms <= RECORD_TIME_RANGE.max;
}

export const yearsMessage = `must be in the years ${RECORD_YEARS.min} to ${RECORD_YEARS.max}`;

/** A zod/mini check that reports the first fault `fault` finds, in its own words. */
const faultCheck = (fault: (value: string) => string | undefined) =>
  z.superRefine<string>((value, ctx) => {
    const message = fault(value);
    if (message) ctx.addIssue({ code: 'custom', message, input: value });
  });

/** Text any storage keeps as it is. */
export const storableText = () => z.string().check(faultCheck(textFault));

/** An id that is safe in storage, URLs and headers: 1 to `maxLength` characters, no controls. */
export const storableId = (maxLength = 200) => z.string().check(faultCheck((id) => idFault(id, maxLength)));

/**
 * An ISO 8601 instant in UTC (`2026-11-24T07:30:00Z`) within RECORD_YEARS. The year check passes
 * what it cannot read, which the format check already refuses: a bad value gets one message.
 */
export const storableInstant = (message = 'must be an ISO 8601 instant in UTC such as 2026-11-24T07:30:00Z') =>
  z.iso.datetime(message).check(z.refine((value) => Number.isNaN(Date.parse(value)) || inRecordYears(value), yearsMessage));

/** -0 becomes 0 (see the top of this file); every other number is left as it is. */
const noNegativeZero = z.overwrite<number>((n) => (n === 0 ? 0 : n));

/** A number every store gives back unchanged: finite, and never -0. */
export const storableNumber = () => z.number().check(noNegativeZero);

/** A safe integer every store gives back unchanged. */
export const storableInt = () => z.int().check(noNegativeZero);

/**
 * Revisions on the wire: a record's revision is its strong ETag (the revision in quotes), and a
 * write says what it expects to replace with `If-None-Match: *` (nothing: create) or
 * `If-Match: "<rev>"` (this revision: update, remove, or bring back a removed record).
 */
import type { Context } from 'hono';
import { badRequest, preconditionRequired } from './problems.js';

export const etagOf = (rev: string) => `"${rev}"`;

/** What a write expects: that nothing is there, or one of these revisions. */
export type Precondition = { create: true } | { create: false; revs: string[] };

const ENTITY_TAGS = /^\s*"([\x21\x23-\x7e]*)"\s*(?:,\s*"([\x21\x23-\x7e]*)"\s*)*$/;

/**
 * Reads the precondition headers of a write. Only what keeps writes safe is accepted: `If-Match: *`
 * (any revision) and weak tags would let a stale write overwrite a newer one, so they are refused.
 */
export function readPrecondition(c: Context, { mayCreate }: { mayCreate: boolean }): Precondition {
  const ifMatch = c.req.header('If-Match');
  const ifNoneMatch = c.req.header('If-None-Match');
  if (ifMatch !== undefined && ifNoneMatch !== undefined) throw badRequest('Send If-Match or If-None-Match, not both.');
  if (ifNoneMatch !== undefined) {
    if (!mayCreate) throw badRequest('A removal needs If-Match with the revision it removes.');
    if (ifNoneMatch.trim() !== '*') throw badRequest('If-None-Match: * is the only form accepted: it creates a record.');
    return { create: true };
  }
  if (ifMatch === undefined) {
    throw preconditionRequired(
      mayCreate
        ? 'Send If-None-Match: * to create the record, or If-Match: "<rev>" with the revision it replaces.'
        : 'Send If-Match: "<rev>" with the revision this removes.',
    );
  }
  if (!ENTITY_TAGS.test(ifMatch)) {
    throw badRequest('If-Match must hold the ETag the record was read with, such as "3-9f1c2ab4" (quotes included); * and weak tags are not accepted.');
  }
  return { create: false, revs: [...ifMatch.matchAll(/"([^"]*)"/g)].map((m) => m[1]!) };
}

/** Whether a record at `rev` (undefined: none there, tombstones count as there) meets it. */
export const meets = (precondition: Precondition, rev: string | undefined): boolean =>
  precondition.create ? rev === undefined : rev !== undefined && precondition.revs.includes(rev);

/**
 * Validates explainer content from outside (a JSON file, an inline script, the `content`
 * property) with zod/mini. Loaded on demand by the engine, so the presets never pay for it.
 */
import * as z from 'zod/mini';
import { validate } from '../base/validation.js';
import type { ContentIssue, ExplainerContent } from './content-types.js';

const id = z.string().check(
  z.regex(/^[A-Za-z][\w-]{0,63}$/, 'must be a short identifier: a letter, then letters, digits, - or _'),
);
const text = (max: number) =>
  z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`));

const facetValue = z.union([text(2000), z.strictObject({ label: text(120), text: text(2000) })], {
  error: 'must be text, or an object with "label" and "text"',
});

const reference = z
  .strictObject({
    id,
    citation: text(1000),
    doi: z.optional(z.string().check(z.regex(/^10\.\d{4,9}\/\S+$/, 'must be a DOI such as 10.1000/xyz123'))),
    pmc: z.optional(z.string().check(z.regex(/^PMC\d+$/, 'must be a PubMed Central id such as PMC1234567'))),
    url: z.optional(z.url({ protocol: /^https?$/, error: 'must be an http or https URL' })),
  })
  .check(
    z.refine((r) => Boolean(r.doi || r.pmc || r.url), {
      message: 'needs one of "doi", "pmc" or "url" so readers can find it',
      path: ['doi'],
    }),
  );

export const explainerContentSchema = z
  .strictObject({
    schemaVersion: z.optional(z.literal(1, 'must be 1: this version of loadwise reads content version 1')),
    eyebrow: z.optional(text(120)),
    title: text(200),
    intro: z.optional(text(600)),
    facets: z.array(z.strictObject({ id, label: text(120) })).check(z.minLength(1, 'must list at least one facet')),
    options: z
      .array(
        z.strictObject({
          id,
          label: text(120),
          kicker: z.optional(text(80)),
          facets: z.record(z.string(), facetValue),
          references: z.optional(z.array(z.string())),
        }),
      )
      .check(z.minLength(1, 'must list at least one option'), z.maxLength(12, 'must list at most 12 options')),
    notes: z.optional(z.array(z.strictObject({ title: z.optional(text(120)), text: text(2000) }))),
    references: z.optional(z.array(reference)),
  })
  .check(
    z.superRefine((content, ctx) => {
      // Cross-field rules a per-field schema cannot state: ids are unique and every id used is declared.
      const facetIds = new Set(content.facets.map((f) => f.id));
      const refIds = new Set((content.references ?? []).map((r) => r.id));
      const seen = new Set<string>();
      content.options.forEach((option, i) => {
        if (seen.has(option.id)) {
          ctx.addIssue({ code: 'custom', path: ['options', i, 'id'], message: `repeats the id "${option.id}"`, input: option.id });
        }
        seen.add(option.id);
        for (const key of Object.keys(option.facets)) {
          if (!facetIds.has(key)) {
            ctx.addIssue({ code: 'custom', path: ['options', i, 'facets', key], message: `is not one of the declared facets (${[...facetIds].join(', ')})`, input: key });
          }
        }
        option.references?.forEach((ref, j) => {
          if (!refIds.has(ref)) {
            ctx.addIssue({ code: 'custom', path: ['options', i, 'references', j], message: `names reference "${ref}", which is not in "references"`, input: ref });
          }
        });
      });
    }),
  );

// Keeps the hand-written types and the schema in step: this fails to compile if they drift.
type Parsed = z.infer<typeof explainerContentSchema>;
const _sameShape: (p: Parsed) => ExplainerContent = (p) => p;
void _sameShape;

export type ParseResult =
  | { ok: true; content: ExplainerContent }
  | { ok: false; issues: ContentIssue[] };

/**
 * Checks unknown input against the content schema. Never throws: a string is parsed as JSON
 * first, and every problem comes back as an issue naming its field.
 */
export function parseExplainerContent(input: unknown): ParseResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { ok: false, issues: [{ path: '(content)', message: `is not valid JSON: ${(error as Error).message}` }] };
    }
  }
  const result = validate(explainerContentSchema, value, {
    root: '(content)',
    unknownField: 'is not a field explainer content has',
  });
  return result.ok ? { ok: true, content: result.value } : result;
}

/**
 * Turning zod/mini results into issues people can read: each names the field it concerns
 * (`options[1].label`, `exercises[0].sets[2].reps`) and says what is wrong in plain words.
 * Shared by every schema in loadwise, so messages read the same everywhere.
 */
import * as z from 'zod/mini';

/** One problem with one field. */
export interface FieldIssue {
  /** Where: `exercises[0].name`; `(root)` names the value as a whole. */
  path: string;
  /** What is wrong and what is allowed: "must be between 1 and 1440". */
  message: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** `options[1].facets.effect`: the path people see in messages. */
export function formatPath(path: readonly PropertyKey[], root = '(root)'): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || root;
}

/**
 * Words for the issues a schema states no message for. zod/mini ships no locale (every such
 * issue would read "Invalid input"), and loading zod's English one would change global config.
 */
const issueMessage = (unknownField: string): z.core.$ZodErrorMap => (issue) => {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is required';
    const expected: Record<string, string> = { string: 'text', array: 'a list', object: 'an object', number: 'a number', int: 'a whole number' };
    return `must be ${expected[issue.expected] ?? issue.expected}`;
  }
  if (issue.code === 'unrecognized_keys') return unknownField;
  return undefined;
};

export interface ValidateOptions {
  /** How the value as a whole is named in a path: `(content)`, `(session)`. */
  root?: string;
  /** The message for a field the schema does not know. */
  unknownField?: string;
}

/** Checks `value` against `schema`. Never throws; every problem comes back as a field issue. */
export function validate<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  { root, unknownField = 'is not a known field' }: ValidateOptions = {},
): Validation<z.infer<S>> {
  const result = z.safeParse(schema, value, { error: issueMessage(unknownField) });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    // An unknown field is reported on its object; name the field itself instead.
    issues: result.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key], root), message: issue.message }))
        : [{ path: formatPath(issue.path, root), message: issue.message }],
    ),
  };
}

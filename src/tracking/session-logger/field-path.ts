/**
 * Where a value sits in the session form, as a typed path rather than a string to parse: a
 * top-level field (`duration`), an exercise's name, or one part of one set. Each path has one DOM
 * id (`duration`, `ex-3-name`, `ex-3-set-1-reps`), which is also its key in `FieldErrors`, its
 * label's `for` and the anchor of its line in the error summary; and one set of `data-` attributes
 * on its control, which is how an input event finds its way back to the path. Both are written
 * and read here only. No Lit, no DOM beyond a `dataset`.
 */
import { TEXT_FIELDS, type FormValues, type SetValues, type TextFieldName } from './form-model.js';

export type { TextFieldName };
export type SetPart = keyof SetValues;

export type FieldPath =
  | { kind: 'field'; name: TextFieldName }
  | { kind: 'exercise'; exercise: number; part: 'name' }
  | { kind: 'set'; exercise: number; set: number; part: SetPart };

const SET_PARTS: readonly string[] = ['reps', 'load', 'rir'] satisfies SetPart[];

/** The optional sections of the form, folded until wanted. */
export type SectionId = 'hr' | 'exercises' | 'feel' | 'notes' | 'glucose';

/** The DOM id of the control at `path`, and its key in `FieldErrors`. */
export function fieldId(path: FieldPath): string {
  if (path.kind === 'field') return path.name;
  if (path.kind === 'exercise') return `ex-${path.exercise}-name`;
  return `ex-${path.exercise}-set-${path.set}-${path.part}`;
}

/** The `data-` attributes that let an event on the control at `path` find the path again. */
export function fieldData(path: FieldPath): { field: string; exercise?: string; set?: string } {
  if (path.kind === 'field') return { field: path.name };
  if (path.kind === 'exercise') return { field: path.part, exercise: String(path.exercise) };
  return { field: path.part, exercise: String(path.exercise), set: String(path.set) };
}

/**
 * The path a control stands for, from the `data-` attributes `fieldData` wrote (or, for a radio
 * group, its `name`); `undefined` for a control that is not a form field (the file input).
 */
export function pathOf(control: { dataset: DOMStringMap; name?: string }): FieldPath | undefined {
  const { field = control.name, exercise, set } = control.dataset;
  if (!field) return undefined;
  if (exercise === undefined) return TEXT_FIELDS.includes(field as TextFieldName) ? { kind: 'field', name: field as TextFieldName } : undefined;
  const index = Number(exercise);
  if (set === undefined) return field === 'name' ? { kind: 'exercise', exercise: index, part: 'name' } : undefined;
  return SET_PARTS.includes(field) ? { kind: 'set', exercise: index, set: Number(set), part: field as SetPart } : undefined;
}

/** The value at `path`, or `''` where the path points past the exercises or sets there are. */
export function valueAt(values: FormValues, path: FieldPath): string {
  if (path.kind === 'field') return values[path.name];
  const exercise = values.exercises[path.exercise];
  if (path.kind === 'exercise') return exercise?.name ?? '';
  return exercise?.sets[path.set]?.[path.part] ?? '';
}

/**
 * A copy of `values` with `value` at `path`; `undefined` when the path points past the exercises
 * or sets there are (a late event from a row just removed), so nothing is written.
 */
export function withValueAt(values: FormValues, path: FieldPath, value: string): FormValues | undefined {
  const next = structuredClone(values);
  if (path.kind === 'field') {
    next[path.name] = value;
    return next;
  }
  const exercise = next.exercises[path.exercise];
  if (!exercise) return undefined;
  if (path.kind === 'exercise') exercise.name = value;
  else {
    const set = exercise.sets[path.set];
    if (!set) return undefined;
    set[path.part] = value;
  }
  return next;
}

/** The optional section a field sits in, opened when its message must be seen; `undefined` for the main fields. */
export function sectionOf(id: string): SectionId | undefined {
  if (id === 'avgHr' || id === 'maxHr') return 'hr';
  if (id.startsWith('ex-')) return 'exercises';
  if (id === 'notes') return 'notes';
  if (id === 'glucose' || id === 'glucoseContext') return 'glucose';
  return undefined;
}

/** The sections that hold a value in `values`: open them, so nothing typed hides in a folded one. */
export function sectionsWithValues(values: FormValues): SectionId[] {
  const open: SectionId[] = [];
  if (values.avgHr || values.maxHr) open.push('hr');
  if (values.exercises.length) open.push('exercises');
  if (values.notes) open.push('notes');
  if (values.sleepQuality || values.soreness || values.fatigue || values.stress) open.push('feel');
  if (values.glucose || values.glucoseContext) open.push('glucose');
  return open;
}

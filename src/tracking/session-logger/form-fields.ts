/**
 * The form's building blocks: a labelled text field, a select and a folded section, each with
 * its message tied to it (`aria-describedby`) once that message is to be seen. Templates only:
 * what is shown comes in a `FieldsView`, and every field is named by its typed path.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FormValues } from './form-model.js';
import { fieldData, fieldId, valueAt, type FieldPath, type SectionId, type TextFieldName } from './field-path.js';

export interface FieldsView {
  values: FormValues;
  /** The message shown for a field: touched and left, or all of them after a submit. */
  errorOf: (id: string) => string | undefined;
  /** The optional sections open now. */
  open: ReadonlySet<SectionId>;
  /** A section was opened or folded by the person. */
  onToggle: (section: SectionId, open: boolean) => void;
  /** The word after a section's title: "optional". */
  optional: string;
}

export interface TextFieldOptions {
  hint?: string;
  inputmode?: string;
  type?: string;
}

/** A path for one of the top-level fields, for short. */
export const field = (name: TextFieldName): FieldPath => ({ kind: 'field', name });

/** The ids that describe a field: its hint, if it has one, and its message while shown. */
export function describedBy(view: FieldsView, id: string, hint?: boolean): string | typeof nothing {
  const ids = [hint ? `${id}-hint` : '', view.errorOf(id) ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

/** A field's message, while shown. */
export function message(view: FieldsView, id: string): TemplateResult | typeof nothing {
  const error = view.errorOf(id);
  return error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing;
}

export function textField(view: FieldsView, path: FieldPath, label: string, opts: TextFieldOptions = {}): TemplateResult {
  const id = fieldId(path);
  const data = fieldData(path);
  const error = view.errorOf(id);
  return html`<div class="field ${error ? 'invalid' : ''}">
    <label for=${id}>${label}</label>
    ${opts.hint ? html`<p class="hint" id="${id}-hint">${opts.hint}</p>` : nothing}
    <input
      id=${id}
      data-field=${data.field}
      data-exercise=${data.exercise ?? nothing}
      data-set=${data.set ?? nothing}
      type=${opts.type ?? 'text'}
      inputmode=${opts.inputmode ?? nothing}
      autocomplete="off"
      .value=${valueAt(view.values, path)}
      aria-invalid=${error ? 'true' : nothing}
      aria-describedby=${describedBy(view, id, !!opts.hint)}
    />
    ${message(view, id)}
  </div>`;
}

/** A select for a top-level field, from `[value, text]` pairs. */
export function select(view: FieldsView, name: TextFieldName, label: string, options: [string, string][]): TemplateResult {
  const error = view.errorOf(name);
  const value = view.values[name];
  return html`<div class="field ${error ? 'invalid' : ''}">
    <label for=${name}>${label}</label>
    <select id=${name} data-field=${name} aria-invalid=${error ? 'true' : nothing} aria-describedby=${describedBy(view, name)}>
      ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
    </select>
    ${message(view, name)}
  </div>`;
}

/** An optional section, folded until wanted (or until it holds a value or a message to see). */
export function section(view: FieldsView, id: SectionId, title: string, content: TemplateResult): TemplateResult {
  return html`<details class="section" ?open=${view.open.has(id)} @toggle=${(e: Event) => view.onToggle(id, (e.currentTarget as HTMLDetailsElement).open)}>
    <summary>${title} <span class="optional">(${view.optional})</span></summary>
    <div class="section-body">${content}</div>
  </details>`;
}

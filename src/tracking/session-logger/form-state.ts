import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ExerciseValues, FormValues, ParsedForm } from './form-model.js';
import { fieldId, pathOf, sectionOf, sectionsWithValues, withValueAt, type SectionId } from './field-path.js';
import type { FieldsView } from './form-fields.js';

export interface FormStateOptions {
  /** Checks `values` with the host's language, zone and units. */
  parse: (values: FormValues) => ParsedForm;
  /** The person changed the values: the host keeps the draft and starts a new save attempt. */
  onChange: (values: FormValues) => void;
}

/** A host that renders into a shadow root (a `LitElement`): focus moves within it. */
type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * What the form holds and which of its messages are seen. A field's message shows once the
 * person has left it (an empty field left untouched is no error yet), or for every field after
 * a submit with problems, when a summary lists them and focus moves to the first. An optional
 * section opens when it holds a value or a message to see, so nothing typed hides folded.
 *
 * The values are checked before each render of the host (`parsed`), so messages follow typing.
 */
export class FormStateController implements ReactiveController {
  readonly #host: Host;
  readonly #options: FormStateOptions;
  #values: FormValues;
  /** Fields (by id) whose message is shown: touched and left, or all of them after a submit. */
  #shownMessages: ReadonlySet<string> = new Set();
  /** Whether the error summary is shown (after a submit with problems). */
  #showSummary = false;
  #openSections: ReadonlySet<SectionId> = new Set();
  #parsed: ParsedForm = { errors: {} };
  /** Where focus goes after the next render. */
  #focusAfterUpdate: string | undefined;

  constructor(host: Host, values: FormValues, options: FormStateOptions) {
    this.#host = host;
    this.#values = values;
    this.#options = options;
    host.addController(this);
  }

  hostUpdate(): void {
    this.#parsed = this.#options.parse(this.#values);
    if (this.#showSummary && Object.keys(this.#parsed.errors).length === 0) this.#showSummary = false;
  }

  hostUpdated(): void {
    const target = this.#focusAfterUpdate;
    if (target === undefined) return;
    this.#focusAfterUpdate = undefined;
    focusField(this.#host.renderRoot as ShadowRoot, target);
  }

  get values(): FormValues {
    return this.#values;
  }

  /** The person's change (typing, a site setting `values`): kept as the draft. */
  change(values: FormValues): void {
    this.#values = values;
    this.#options.onChange(values);
    this.#host.requestUpdate();
  }

  /** Fills the form afresh (an edit, a repeat): no messages yet, its sections open, focus on the first field. */
  load(values: FormValues): void {
    this.replace(values);
    this.#shownMessages = new Set();
    this.#showSummary = false;
    this.openSectionsWithValues();
    this.focus('modality');
  }

  /** Empties the form to `values` (a fresh empty form): messages, summary and sections too. */
  reset(values: FormValues): void {
    this.replace(values);
    this.#shownMessages = new Set();
    this.#showSummary = false;
    this.#openSections = new Set();
  }

  /** Sets the values without counting it as the person's change (a restored draft, a new zone). */
  replace(values: FormValues): void {
    this.#values = values;
    this.#host.requestUpdate();
  }

  /** Checks the values now, not at the last render (a change and a submit can come in one task), showing any problems. */
  check(): ParsedForm {
    const parsed = this.#options.parse(this.#values);
    const fields = Object.keys(parsed.errors);
    this.#showSummary = fields.length > 0 || !parsed.session;
    if (this.#showSummary) {
      this.#shownMessages = new Set([...this.#shownMessages, ...fields]);
      this.#openSections = new Set([...this.#openSections, ...fields.map(sectionOf).filter((s): s is SectionId => !!s)]);
      this.focus(fields[0]);
    }
    this.#host.requestUpdate();
    return parsed;
  }

  openSectionsWithValues(): void {
    this.#openSections = new Set([...this.#openSections, ...sectionsWithValues(this.#values)]);
    this.#host.requestUpdate();
  }

  /** Moves focus to the field (or element) with this id after the next render. */
  focus(id: string | undefined): void {
    this.#focusAfterUpdate = id;
  }

  /** The form's fields as the template shows them, and the handlers that change them. */
  fieldsView(optional: string) {
    return {
      values: this.#values,
      errorOf: (id: string) => (this.#shownMessages.has(id) ? this.#parsed.errors[id] : undefined),
      problems: this.#showSummary ? Object.entries(this.#parsed.errors) : [],
      open: this.#openSections,
      optional,
      onToggle: (id: SectionId, open: boolean) => {
        const sections = new Set(this.#openSections);
        if (open) sections.add(id);
        else sections.delete(id);
        this.#openSections = sections;
        this.#host.requestUpdate();
      },
      onInput: this.#onInput,
      onFocusOut: this.#onFocusOut,
      onExercises: (change: (exercises: ExerciseValues[]) => void, focus?: string) => {
        const values = structuredClone(this.#values);
        change(values.exercises);
        this.change(values);
        if (focus) this.focus(focus);
      },
      onFocusField: (id: string) => focusField(this.#host.renderRoot as ShadowRoot, id),
    } satisfies FieldsView & Record<string, unknown>;
  }

  readonly #onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const path = pathOf(target);
    if (!path) return;
    if (target instanceof HTMLInputElement && target.type === 'radio' && !target.checked) return;
    const values = withValueAt(this.#values, path, target.value);
    if (!values) return;
    this.change(values);
    // A radio group has no "leaving" worth waiting for: choosing is done.
    if (target.type === 'radio' || target.tagName === 'SELECT') this.#showMessage(fieldId(path));
  };

  readonly #onFocusOut = (event: FocusEvent): void => {
    const target = event.target as HTMLInputElement;
    const path = target.dataset ? pathOf(target) : undefined;
    if (!path || target.type === 'radio') return;
    const id = fieldId(path);
    // Leaving an empty field untouched is not an error yet; submitting is.
    if ((target.value ?? '').trim() === '' && !this.#shownMessages.has(id) && id !== 'date' && id !== 'time') return;
    this.#showMessage(id);
  };

  #showMessage(id: string): void {
    if (this.#shownMessages.has(id)) return;
    this.#shownMessages = new Set([...this.#shownMessages, id]);
    this.#host.requestUpdate();
  }
}

/** Moves focus to a field (the checked radio of a group, else its first), opening its section. */
export function focusField(root: ShadowRoot, id: string): void {
  const el: HTMLElement | null =
    id === 'modality' || id === 'rpe' ? (root.querySelector(`input[name="${id}"]:checked`) ?? root.querySelector(`input[name="${id}"]`)) : root.getElementById(id);
  el?.closest('details')?.setAttribute('open', '');
  el?.focus();
}

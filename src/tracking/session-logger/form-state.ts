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
  private readonly _host: Host;
  private readonly _options: FormStateOptions;
  private _values: FormValues;
  /** Fields (by id) whose message is shown: touched and left, or all of them after a submit. */
  private _shownMessages: ReadonlySet<string> = new Set();
  /** Whether the error summary is shown (after a submit with problems). */
  private _showSummary = false;
  private _openSections: ReadonlySet<SectionId> = new Set();
  private _parsed: ParsedForm = { errors: {} };
  /** Where focus goes after the next render. */
  private _focusAfterUpdate: string | undefined;

  constructor(host: Host, values: FormValues, options: FormStateOptions) {
    this._host = host;
    this._values = values;
    this._options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  hostUpdate(): void {
    this._parsed = this._options.parse(this._values);
    if (this._showSummary && Object.keys(this._parsed.errors).length === 0) this._showSummary = false;
  }

  hostUpdated(): void {
    const target = this._focusAfterUpdate;
    if (target === undefined) return;
    this._focusAfterUpdate = undefined;
    focusField(this._host.renderRoot as ShadowRoot, target);
  }

  get values(): FormValues {
    return this._values;
  }

  /** The person's change (typing, a site setting `values`): kept as the draft. */
  change(values: FormValues): void {
    this._values = values;
    this._options.onChange(values);
    this._host.requestUpdate();
  }

  /** Fills the form afresh (an edit, a repeat): no messages yet, its sections open, focus on the first field. */
  load(values: FormValues): void {
    this.replace(values);
    this._shownMessages = new Set();
    this._showSummary = false;
    this.openSectionsWithValues();
    this.focus('modality');
  }

  /** Empties the form to `values` (a fresh empty form): messages, summary and sections too. */
  reset(values: FormValues): void {
    this.replace(values);
    this._shownMessages = new Set();
    this._showSummary = false;
    this._openSections = new Set();
  }

  /** Sets the values without counting it as the person's change (a restored draft, a new zone). */
  replace(values: FormValues): void {
    this._values = values;
    this._host.requestUpdate();
  }

  /** Checks the values now, not at the last render (a change and a submit can come in one task), showing any problems. */
  check(): ParsedForm {
    const parsed = this._options.parse(this._values);
    const fields = Object.keys(parsed.errors);
    this._showSummary = fields.length > 0 || !parsed.session;
    if (this._showSummary) {
      this._shownMessages = new Set([...this._shownMessages, ...fields]);
      this._openSections = new Set([...this._openSections, ...fields.map(sectionOf).filter((s): s is SectionId => !!s)]);
      this.focus(fields[0]);
    }
    this._host.requestUpdate();
    return parsed;
  }

  openSectionsWithValues(): void {
    this._openSections = new Set([...this._openSections, ...sectionsWithValues(this._values)]);
    this._host.requestUpdate();
  }

  /** Moves focus to the field (or element) with this id after the next render. */
  focus(id: string | undefined): void {
    this._focusAfterUpdate = id;
  }

  /** The form's fields as the template shows them, and the handlers that change them. */
  fieldsView(optional: string) {
    return {
      values: this._values,
      errorOf: (id: string) => (this._shownMessages.has(id) ? this._parsed.errors[id] : undefined),
      problems: this._showSummary ? Object.entries(this._parsed.errors) : [],
      open: this._openSections,
      optional,
      onToggle: (id: SectionId, open: boolean) => {
        const sections = new Set(this._openSections);
        if (open) sections.add(id);
        else sections.delete(id);
        this._openSections = sections;
        this._host.requestUpdate();
      },
      onInput: this._onInput,
      onFocusOut: this._onFocusOut,
      onExercises: (change: (exercises: ExerciseValues[]) => void, focus?: string) => {
        const values = structuredClone(this._values);
        change(values.exercises);
        this.change(values);
        if (focus) this.focus(focus);
      },
      onFocusField: (id: string) => focusField(this._host.renderRoot as ShadowRoot, id),
    } satisfies FieldsView & Record<string, unknown>;
  }

  private readonly _onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const path = pathOf(target);
    if (!path) return;
    if (target instanceof HTMLInputElement && target.type === 'radio' && !target.checked) return;
    const values = withValueAt(this._values, path, target.value);
    if (!values) return;
    this.change(values);
    // A radio group has no "leaving" worth waiting for: choosing is done.
    if (target.type === 'radio' || target.tagName === 'SELECT') this._showMessage(fieldId(path));
  };

  private readonly _onFocusOut = (event: FocusEvent): void => {
    const target = event.target as HTMLInputElement;
    const path = target.dataset ? pathOf(target) : undefined;
    if (!path || target.type === 'radio') return;
    const id = fieldId(path);
    // Leaving an empty field untouched is not an error yet; submitting is.
    if ((target.value ?? '').trim() === '' && !this._shownMessages.has(id) && id !== 'date' && id !== 'time') return;
    this._showMessage(id);
  };

  private _showMessage(id: string): void {
    if (this._shownMessages.has(id)) return;
    this._shownMessages = new Set([...this._shownMessages, id]);
    this._host.requestUpdate();
  }
}

/** Moves focus to a field (the checked radio of a group, else its first), opening its section. */
export function focusField(root: ShadowRoot, id: string): void {
  const el: HTMLElement | null =
    id === 'modality' || id === 'rpe' ? (root.querySelector(`input[name="${id}"]:checked`) ?? root.querySelector(`input[name="${id}"]`)) : root.getElementById(id);
  el?.closest('details')?.setAttribute('open', '');
  el?.focus();
}

/**
 * The session form as a template, in named parts: the notices above it, the main fields, the RPE
 * scale with the live load, the optional sections, the exercises, and the actions with the save
 * status. The host hands everything in a `FormView`; nothing here keeps state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { numberFormat } from '../../base/formats.js';
import { GLUCOSE_CONTEXTS, MODALITIES } from '../model.js';
import type { GlucoseUnit, WeightUnit } from '../units.js';
import { STRENGTH_MODALITIES, WELLNESS_KEYS, emptyExercise, emptySet, hasInput, sessionLoad, type ExerciseValues } from './form-model.js';
import { fieldId } from './field-path.js';
import { describedBy, field, message, section, select, textField, type FieldsView } from './form-fields.js';
import type { SaveStatus } from './save-controller.js';
import type { SessionLoggerStrings } from './strings.js';

export interface FormView extends FieldsView {
  t: SessionLoggerStrings;
  lang: string;
  weightUnit: WeightUnit;
  glucoseUnit: GlucoseUnit;
  /** Every problem as `[field id, message]`, in form order, while the summary is to be shown (after a submit). */
  problems: [string, string][];
  /** Whether the form edits a stored session. */
  editing: boolean;
  /** Whether the form holds a draft brought back from an earlier visit. */
  draftRestored: boolean;
  status: SaveStatus;
  onSubmit: (event: Event) => void;
  onInput: (event: Event) => void;
  onFocusOut: (event: FocusEvent) => void;
  /** Changes the exercises (adds or removes one, or a set), then moves focus to `focus`, if given. */
  onExercises: (change: (exercises: ExerciseValues[]) => void, focus?: string) => void;
  /** Empties the form (Clear, Cancel edit). */
  onReset: () => void;
  onDiscardDraft: () => void;
  onRetry: () => void;
  onFocusField: (id: string) => void;
}

const number = (view: FormView) => numberFormat(view.lang, { maximumFractionDigits: 1 });

export function renderForm(view: FormView): TemplateResult {
  return html`<form part="form" novalidate @submit=${view.onSubmit} @input=${view.onInput} @change=${view.onInput} @focusout=${view.onFocusOut}>
    <h2 class="title">${view.t.title}</h2>
    ${notices(view)} ${mainFields(view)} ${rpeScale(view)} ${sections(view)} ${actions(view)}
  </form>`;
}

/** The restored-draft notice and, after a submit with problems, the summary of them. */
function notices(view: FormView): TemplateResult {
  const { t, problems } = view;
  return html`${view.draftRestored
    ? html`<div class="notice" role="status">
        <p>${t.draftRestored}</p>
        <button type="button" class="secondary" @click=${view.onDiscardDraft}>${t.discardDraft}</button>
      </div>`
    : nothing}
  ${problems.length
    ? html`<div class="summary" part="error-summary" id="error-summary">
        <p class="summary-title">${t.errorSummary(problems.length)}</p>
        <ul>
          ${problems.map(
            ([id, text]) => html`<li>
              <a href="#${id}" @click=${(e: Event) => { e.preventDefault(); view.onFocusField(id); }}>${text}</a>
            </li>`,
          )}
        </ul>
      </div>`
    : nothing}`;
}

/** What every session has: its kind, when it started and how long it took. */
function mainFields(view: FormView): TemplateResult {
  const { t, values } = view;
  const invalid = view.errorOf('modality');
  return html`<fieldset class="choices modality ${invalid ? 'invalid' : ''}" aria-describedby=${describedBy(view, 'modality')}>
      <legend>${t.modality}</legend>
      <div class="options">
        ${MODALITIES.map(
          (m) => html`<label class="choice" for="modality-${m}">
            <input type="radio" id="modality-${m}" name="modality" value=${m} .checked=${values.modality === m} aria-invalid=${invalid ? 'true' : nothing} />
            <span>${t.modalities[m]}</span>
          </label>`,
        )}
      </div>
      ${message(view, 'modality')}
    </fieldset>

    <div class="row">
      ${textField(view, field('date'), t.date, { type: 'date' })} ${textField(view, field('time'), t.time, { type: 'time' })}
      ${textField(view, field('duration'), `${t.duration} (${t.durationUnit})`, { inputmode: 'decimal' })}
    </div>`;
}

/** Session RPE on Foster's CR-10 scale, with its anchors, and the load it gives. */
function rpeScale(view: FormView): TemplateResult {
  const { t, values } = view;
  const nf = number(view);
  const invalid = view.errorOf('rpe');
  const load = sessionLoad(values);
  return html`<fieldset class="choices rpe ${invalid ? 'invalid' : ''}" aria-describedby=${describedBy(view, 'rpe', true)}>
      <legend>${t.rpe}</legend>
      <p class="hint" id="rpe-hint">${t.rpeHint}</p>
      <div class="options rpe-options">
        ${Array.from({ length: 11 }, (_, n) => {
          const anchor = t.rpeAnchors[n];
          return html`<label class="choice" for="rpe-${n}">
            <input type="radio" id="rpe-${n}" name="rpe" value=${String(n)} .checked=${values.rpe === String(n)} aria-invalid=${invalid ? 'true' : nothing} />
            <span class="rpe-number">${nf.format(n)}</span> ${anchor ? html`<span class="anchor">${anchor}</span>` : nothing}
          </label>`;
        })}
      </div>
      ${message(view, 'rpe')}
    </fieldset>

    <p class="load" part="load" aria-live="polite" id="load">
      <span class="load-label">${t.load}:</span> ${load === undefined ? t.loadEmpty : t.loadValue(nf.format(load))}
    </p>`;
}

/** The optional sections, folded until wanted: heart rate, exercises (strength only), feel, notes, glucose. */
function sections(view: FormView): TemplateResult {
  const { t, values } = view;
  const nf = number(view);
  const ratings = [['', t.notRated], ...[1, 2, 3, 4, 5].map((n): [string, string] => [String(n), nf.format(n)])] as [string, string][];
  return html`${section(
      view,
      'hr',
      t.heartRate,
      html`<div class="row">
        ${textField(view, field('avgHr'), `${t.avgHr} (${t.bpm})`, { inputmode: 'numeric' })}
        ${textField(view, field('maxHr'), `${t.maxHr} (${t.bpm})`, { inputmode: 'numeric' })}
      </div>`,
    )}
    ${STRENGTH_MODALITIES.includes(values.modality as never) ? section(view, 'exercises', t.exercises, exercises(view)) : nothing}
    ${section(
      view,
      'feel',
      t.feel,
      html`<p class="hint">${t.feelHint}</p>
        <div class="row">${WELLNESS_KEYS.map((key) => select(view, key, t.wellness[key], ratings))}</div>`,
    )}
    ${section(
      view,
      'notes',
      t.notes,
      html`<div class="field ${view.errorOf('notes') ? 'invalid' : ''}">
        <label for="notes">${t.notes}</label>
        <textarea id="notes" data-field="notes" rows="3" .value=${values.notes} aria-invalid=${view.errorOf('notes') ? 'true' : nothing} aria-describedby=${describedBy(view, 'notes')}></textarea>
        ${message(view, 'notes')}
      </div>`,
    )}
    ${section(
      view,
      'glucose',
      t.glucose,
      html`<div class="row">
        ${textField(view, field('glucose'), t.glucoseValue(view.glucoseUnit), { inputmode: 'decimal' })}
        ${select(view, 'glucoseContext', t.glucoseContext, [['', '—'], ...GLUCOSE_CONTEXTS.map((c): [string, string] => [c, t.glucoseContexts[c]])])}
      </div>`,
    )}`;
}

/** Each exercise with its sets (reps, load in the person's unit, reps in reserve), and the buttons that add and remove them. */
function exercises(view: FormView): TemplateResult {
  const { t, values } = view;
  const change = view.onExercises;
  return html`${values.exercises.map(
      (exercise, i) => html`<fieldset class="exercise">
        <legend>${t.exercise(i + 1)}</legend>
        ${textField(view, { kind: 'exercise', exercise: i, part: 'name' }, t.exerciseName)}
        ${exercise.sets.map(
          (_, j) => html`<fieldset class="set">
            <legend>${t.set(j + 1)}</legend>
            <div class="row set-row">
              ${textField(view, { kind: 'set', exercise: i, set: j, part: 'reps' }, t.reps, { inputmode: 'numeric' })}
              ${textField(view, { kind: 'set', exercise: i, set: j, part: 'load' }, t.loadWeight(view.weightUnit), { inputmode: 'decimal' })}
              ${textField(view, { kind: 'set', exercise: i, set: j, part: 'rir' }, t.rir, { inputmode: 'numeric' })}
              <button type="button" class="secondary small" aria-label=${t.removeSet(j + 1)} @click=${() => change((list) => list[i]!.sets.splice(j, 1))}>×</button>
            </div>
          </fieldset>`,
        )}
        <div class="actions">
          <button type="button" class="secondary" @click=${() => change((list) => list[i]!.sets.push({ ...(list[i]!.sets.at(-1) ?? emptySet()) }))}>${t.addSet}</button>
          <button type="button" class="secondary" @click=${() => change((list) => list.splice(i, 1))}>${t.removeExercise(i + 1)}</button>
        </div>
      </fieldset>`,
    )}
    <button
      type="button"
      class="secondary"
      id="add-exercise"
      @click=${() => change((list) => list.push(emptyExercise()), fieldId({ kind: 'exercise', exercise: values.exercises.length, part: 'name' }))}
    >${t.addExercise}</button>`;
}

/** Save, Cancel edit or Clear, what became of the last save, and Retry after a failure. */
function actions(view: FormView): TemplateResult {
  const { t, status } = view;
  const saving = status.kind === 'saving';
  return html`<div class="actions">
      <button type="submit" part="submit" class="primary" aria-disabled=${saving ? 'true' : nothing}>${saving ? t.saving : view.editing ? t.saveChanges : t.save}</button>
      ${view.editing || hasInput(view.values)
        ? html`<button type="button" class="secondary" @click=${view.onReset}>${view.editing ? t.cancelEdit : t.clear}</button>`
        : nothing}
    </div>
    <div class="status" role="status">${statusText(status, t)}</div>
    ${status.kind === 'failed'
      ? html`<div class="failure" role="alert">
          <p>${t.failed[status.code as keyof SessionLoggerStrings['failed']] ?? t.failed.other}</p>
          <button type="button" class="secondary" id="retry" @click=${view.onRetry}>${t.retry}</button>
        </div>`
      : nothing}`;
}

function statusText(status: SaveStatus, t: SessionLoggerStrings): string {
  switch (status.kind) {
    case 'saved':
      return status.glucose ? t.savedGlucose : t.saved;
    case 'vetoed':
      return t.vetoed;
    case 'no-store':
      return t.noStore;
    case 'saving':
      return t.saving;
    default:
      return '';
  }
}

/**
 * The choice offered when a save met a newer version of the session being edited: both
 * versions side by side (mine as the form would save it, theirs as stored now, or "removed
 * there"), and the two ways out. Notes are shown as text, never markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { TrainingSession } from '../model.js';
import type { SaveConflict } from './save-controller.js';
import { sessionDate, sessionFigures } from './session-text.js';
import type { SessionLoggerStrings } from './strings.js';

export interface ConflictView {
  conflict: SaveConflict | undefined;
  t: SessionLoggerStrings;
  lang: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

function version(title: string, record: TrainingSession | undefined, t: SessionLoggerStrings, lang: string): TemplateResult {
  return html`<div class="version">
    <h4>${title}</h4>
    ${record
      ? html`<ul>
          <li>${sessionDate(record, lang)} · ${t.modalities[record.modality]}</li>
          <li>${sessionFigures(record, t, lang).join(' · ')}</li>
          ${record.notes ? html`<li class="notes">${record.notes}</li>` : nothing}
        </ul>`
      : html`<p>${t.conflictRemoved}</p>`}
  </div>`;
}

export function renderConflict({ conflict, t, lang, onKeepMine, onTakeTheirs }: ConflictView): TemplateResult | typeof nothing {
  if (!conflict) return nothing;
  const theirs = conflict.current && !conflict.current.deleted ? conflict.current.record : undefined;
  return html`<section class="conflict" aria-labelledby="conflict-title">
    <h3 id="conflict-title" tabindex="-1">${t.conflictTitle}</h3>
    <p>${t.conflictIntro}</p>
    <div class="versions">${version(t.yourVersion, conflict.mine, t, lang)} ${version(t.theirVersion, theirs, t, lang)}</div>
    <div class="actions">
      <button type="button" class="primary" id="keep-mine" @click=${onKeepMine}>${t.keepMine}</button>
      <button type="button" class="secondary" id="take-theirs" @click=${onTakeTheirs}>${t.takeTheirs}</button>
    </div>
  </section>`;
}

/**
 * The recent sessions as a template: the sync status, Undo after a removal, one row per session
 * (date, kind, minutes, RPE, load; Log again, Edit, Remove) and "Show more".
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LiveSession } from './session-list-controller.js';
import { sessionDate, sessionFigures, sessionLabel } from './session-text.js';
import type { SessionLoggerStrings } from './strings.js';

export interface SessionListView {
  t: SessionLoggerStrings;
  lang: string;
  items: readonly LiveSession[];
  hasMore: boolean;
  undoable: boolean;
  /** The sync status above the list (or nothing while in step). */
  sync: TemplateResult | typeof nothing;
  onShowMore: () => void;
  onUndo: () => void;
  onLogAgain: (item: LiveSession) => void;
  onEdit: (item: LiveSession) => void;
  onRemove: (item: LiveSession) => void;
}

function row(view: SessionListView, item: LiveSession): TemplateResult {
  const { t, lang } = view;
  const s = item.record;
  const label = sessionLabel(s, t, lang);
  const [minutes, rpe, load] = sessionFigures(s, t, lang);
  return html`<li class="row-item" part="row" data-id=${item.id}>
    <div class="row-text">
      <span class="row-date">${sessionDate(s, lang)}</span>
      <span class="row-modality">${t.modalities[s.modality]}</span>
      <span>${minutes}</span>
      <span>${rpe}</span>
      <span>${load}</span>
    </div>
    <div class="row-actions">
      <button type="button" class="secondary small" data-action="again" aria-label=${t.logAgainItem(label)} @click=${() => view.onLogAgain(item)}>${t.logAgain}</button>
      <button type="button" class="secondary small" data-action="edit" aria-label=${t.edit(label)} @click=${() => view.onEdit(item)}>${t.editShort}</button>
      <button type="button" class="secondary small" data-action="delete" aria-label=${t.remove(label)} @click=${() => view.onRemove(item)}>${t.removeShort}</button>
    </div>
  </li>`;
}

export function renderSessionList(view: SessionListView): TemplateResult {
  const { t } = view;
  return html`<section class="recent" aria-labelledby="recent-title">
    <h3 id="recent-title">${t.recent}</h3>
    ${view.sync}
    <div role="status" class="undo-status">
      ${view.undoable ? html`<span>${t.deleted}</span> <button type="button" class="secondary" id="undo" @click=${view.onUndo}>${t.undo}</button>` : nothing}
    </div>
    ${view.items.length === 0
      ? html`<p class="empty">${t.noSessions}</p>`
      : html`<ul class="list" part="list">
          ${view.items.map((item) => row(view, item))}
        </ul>`}
    ${view.hasMore ? html`<button type="button" class="secondary" id="show-more" @click=${view.onShowMore}>${t.showMore}</button>` : nothing}
  </section>`;
}

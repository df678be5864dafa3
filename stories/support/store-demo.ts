/**
 * `<store-demo>`: a minimal tracking element for the stories, not part of the library. It finds
 * its store the way loadwise's tracking elements do (`TrainingStoreController`), lists the
 * sessions stored there, logs a demo session, and follows every change live.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { TrainingStoreController } from '../../src/tracking/store/store-controller.js';
import { newSession, type TrainingSession } from '../../src/tracking/model.js';

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

export class StoreDemo extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin-block: 1em;
      padding: 0.75em 1em;
      border: 1px solid color-mix(in srgb, currentColor 30%, transparent);
      border-radius: 0.5rem;
    }
    h2 {
      margin: 0 0 0.25em;
      font-size: 1.1em;
    }
    p {
      margin: 0 0 0.5em;
    }
    button {
      font: inherit;
      color: inherit;
      background: transparent;
      border: 1px solid currentColor;
      border-radius: 0.35rem;
      padding: 0.2em 0.8em;
      cursor: pointer;
    }
    button:disabled {
      opacity: 0.6;
      cursor: not-allowed;
    }
    button:focus-visible {
      outline: 2px solid currentColor;
      outline-offset: 2px;
    }
    ul {
      margin: 0.5em 0 0;
      padding-inline-start: 1.25em;
    }
  `;

  static override properties = {
    label: { type: String },
  };

  /** The heading above the list. */
  declare label: string;

  private readonly _store = new TrainingStoreController(this, { onStoreChange: () => void this._load() });
  private _sessions: TrainingSession[] = [];
  private _unavailable = false;

  constructor() {
    super();
    this.label = 'Sessions';
    this._store.onChange(() => void this._load());
  }

  private async _load(): Promise<void> {
    const api = this._store.api;
    this._unavailable = false;
    if (!api) {
      this._sessions = [];
      this.requestUpdate();
      return;
    }
    try {
      await api.ready;
      const page = await api.adapter.list('sessions', { order: 'desc', limit: 20 });
      if (this._store.api !== api) return;
      this._sessions = page.items.flatMap((item) => (item.deleted ? [] : [item.record]));
    } catch {
      // The store has reported it (storage-error); here it is enough to say so.
      if (this._store.api === api) this._unavailable = true;
    }
    this.requestUpdate();
  }

  private async _log(): Promise<void> {
    const adapter = this._store.adapter;
    if (!adapter) return;
    const session = newSession({
      modality: 'aerobic',
      startedAt: new Date().toISOString(),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      durationMin: 30,
      rpe: 3,
    });
    try {
      await adapter.put('sessions', session, { expectedRev: null });
    } catch (error) {
      this._store.reportError(error, 'put');
    }
  }

  private _status(): string {
    const api = this._store.api;
    if (!api) return 'No storage: the store this element uses is missing or could not be set up.';
    if (this._unavailable) return 'Storage is not available here.';
    const where = `${api.adapter.kind} storage${api.namespace ? `, namespace “${api.namespace}”` : ''}`;
    const count = this._sessions.length;
    return `${count === 0 ? 'No sessions' : count === 1 ? '1 session' : `${count} sessions`} in ${where}.`;
  }

  protected override render(): TemplateResult {
    return html`
      <h2>${this.label}</h2>
      <p role="status">${this._status()}</p>
      <button type="button" ?disabled=${!this._store.api} @click=${() => void this._log()}>Log a 30-minute walk</button>
      ${this._sessions.length
        ? html`<ul>
            ${this._sessions.map(
              (s) => html`<li>${when.format(new Date(s.startedAt))}: ${s.modality}, ${s.durationMin} min, RPE ${s.rpe}</li>`,
            )}
          </ul>`
        : nothing}
    `;
  }
}

/**
 * Registers `<store-demo>`. A function to call rather than a side effect of importing: the
 * package's `sideEffects` list lets the bundler drop an import made only for its side effects.
 */
export function defineStoreDemo(): void {
  if (!customElements.get('store-demo')) customElements.define('store-demo', StoreDemo);
}

declare global {
  interface HTMLElementTagNameMap {
    'store-demo': StoreDemo;
  }
}

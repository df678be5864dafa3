import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ImportReport } from '../storage/transfer/import.js';
import type { TrainingStoreController } from '../store/store-controller.js';
import type { SessionLoggerStrings } from './strings.js';

export type ExportFormat = 'json' | 'csv';

/** How many of an import's problems the report lists; the counts cover them all. */
const PROBLEMS_SHOWN = 10;

/**
 * The person's data in and out: an export of the store (JSON of every collection, or a sessions
 * CSV) as a download, and an import of either, with its report (or why it failed) kept to show.
 * The export and import code is loaded on demand: most visits log a session and never export.
 */
export class DataPanelController {
  readonly #host: ReactiveControllerHost;
  readonly #store: TrainingStoreController;
  #result: { report?: ImportReport; error?: string } | undefined;

  constructor(host: ReactiveControllerHost, store: TrainingStoreController) {
    this.#host = host;
    this.#store = store;
  }

  /** The last import's report, or why it failed; `undefined` before any import. */
  get result(): { report?: ImportReport; error?: string } | undefined {
    return this.#result;
  }

  /** The store's data as a JSON export (every collection) or a sessions CSV, as the export buttons download it. */
  async exportText(format: ExportFormat): Promise<string> {
    const api = this.#store.api;
    if (!api) throw new Error('No store to export from.');
    // Loaded on demand: most visits log a session and never export.
    if (format === 'json') return (await import('../storage/transfer/export-json.js')).exportJsonText(api.adapter, { space: 2 });
    return (await import('../storage/transfer/export-csv.js')).exportCsv(api.adapter, { bom: true });
  }

  /** Downloads the export as `training-sessions.<format>`; a failure is reported as an `export` storage-error. */
  async download(format: ExportFormat): Promise<void> {
    if (!this.#store.api) return;
    try {
      const text = await this.exportText(format);
      const blob = new Blob([text], { type: format === 'json' ? 'application/json' : 'text/csv' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `training-sessions.${format}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 0);
    } catch (error) {
      this.#store.reportError(error, 'export');
    }
  }

  /** Imports a JSON export or a sessions CSV into the store; the report is kept to show, and returned. */
  async importFile(file: Blob): Promise<ImportReport | undefined> {
    const api = this.#store.api;
    if (!api) return undefined;
    try {
      const { importData } = await import('../storage/transfer/import.js');
      const report = await importData(api.adapter, file);
      this.#show({ report });
      return report;
    } catch (error) {
      this.#show({ error: (error as Error).message });
      return undefined;
    }
  }

  #show(result: { report?: ImportReport; error?: string }): void {
    this.#result = result;
    this.#host.requestUpdate();
  }
}

export interface DataPanelView {
  t: SessionLoggerStrings;
  result: DataPanelController['result'];
  onExport: (format: ExportFormat) => void;
  /** A file was chosen in the import input. */
  onFile: (event: Event) => void;
}

export function renderDataPanel({ t, result, onExport, onFile }: DataPanelView): TemplateResult {
  const report = result?.report;
  const problems = report ? [...report.rejected.map((r) => r.message), ...report.conflicts.map((c) => c.message), ...(report.error ? [report.error.message] : [])] : [];
  return html`<section class="data" part="data" aria-labelledby="data-title">
    <h3 id="data-title">${t.dataTitle}</h3>
    <div class="actions">
      <button type="button" class="secondary" id="export-json" @click=${() => onExport('json')}>${t.exportJson}</button>
      <button type="button" class="secondary" id="export-csv" @click=${() => onExport('csv')}>${t.exportCsv}</button>
      <label class="file-label" for="import">${t.importFile}</label>
      <input type="file" id="import" accept=".json,.csv,application/json,text/csv" @change=${onFile} />
    </div>
    <div role="status" class="import-report">
      ${report
        ? html`<p>${t.importReport(report.added, report.unchanged, report.conflicts.length, report.rejected.length)}</p>
            ${problems.length ? html`<ul>${problems.slice(0, PROBLEMS_SHOWN).map((m) => html`<li>${m}</li>`)}</ul>` : nothing}`
        : result?.error
          ? html`<p class="error">${t.importFailed(result.error)}</p>`
          : nothing}
    </div>
  </section>`;
}

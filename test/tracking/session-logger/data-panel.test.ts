import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { DataPanelController, renderDataPanel } from '../../../src/tracking/session-logger/data-panel.js';
import { sessionLoggerStrings } from '../../../src/tracking/session-logger/strings.js';
import { newSession, type TrainingSession } from '../../../src/tracking/model.js';
import { MemoryAdapter } from '../../../src/tracking/storage/memory.js';
import { exportJsonText } from '../../../src/tracking/storage/transfer/export-json.js';
import { hosted } from './controller-host.js';

const en = sessionLoggerStrings.en;
const session = (day: number): TrainingSession =>
  newSession({ modality: 'hiit', startedAt: new Date(Date.UTC(2026, 9, day, 7)).toISOString(), timeZone: 'UTC', durationMin: 20, rpe: 8 });

/** The panel as the logger renders it, for the controller's current result. */
function panel(data: DataPanelController, exported: string[] = []): HTMLElement {
  const root = document.createElement('div');
  render(renderDataPanel({ t: en, result: data.result, onExport: (f) => exported.push(f), onFile: () => {} }), root);
  return root;
}

describe('DataPanelController and the data panel', () => {
  it('exports the store as JSON (every collection) or a sessions CSV', async () => {
    const { controller: data, adapter } = await hosted((h) => new DataPanelController(h, h.store));
    const record = session(3);
    await adapter.put('sessions', record, { expectedRev: null });
    const json = JSON.parse(await data.exportText('json')) as { collections: { sessions: { record: TrainingSession }[] } };
    expect(json.collections.sessions.map((e) => e.record.id)).to.deep.equal([record.id]);
    expect(await data.exportText('csv')).to.contain(record.id);
  });

  it('imports a file, keeps the report and shows it; a file it cannot read says why', async () => {
    const { host, controller: data, adapter } = await hosted((h) => new DataPanelController(h, h.store));
    const source = new MemoryAdapter({ namespace: `t${crypto.randomUUID().slice(0, 8)}` });
    for (const r of [session(1), session(2)]) await source.put('sessions', r, { expectedRev: null });
    const before = host.updates;
    const report = await data.importFile(new Blob([await exportJsonText(source)], { type: 'application/json' }));
    expect(report?.added).to.equal(2);
    expect((await adapter.list('sessions', { limit: 10 })).items).to.have.length(2);
    await host.updateComplete;
    expect(host.updates).to.be.greaterThan(before);
    expect(panel(data).querySelector('.import-report p')!.textContent).to.equal(
      'Import finished: 2 added, 0 already here, 0 kept as stored (a different version is here), 0 not valid.',
    );

    expect(await data.importFile(new Blob(['not a file we know']))).to.equal(undefined);
    expect(panel(data).querySelector('.import-report .error')!.textContent).to.match(/^Import failed: /);
  });

  it('renders the export buttons and the import input, with nothing to report before an import', async () => {
    const { controller: data } = await hosted((h) => new DataPanelController(h, h.store));
    const exported: string[] = [];
    const root = panel(data, exported);
    root.querySelector<HTMLButtonElement>('#export-csv')!.click();
    root.querySelector<HTMLButtonElement>('#export-json')!.click();
    expect(exported).to.deep.equal(['csv', 'json']);
    expect(root.querySelector('label[for="import"]')!.textContent).to.equal('Import a file (JSON or CSV)');
    expect(root.querySelector('.import-report')!.textContent!.trim()).to.equal('');
  });
});

import { expect, html, waitUntil } from '@open-wc/testing';
import { expectNoAxeViolations } from '../../helpers/axe.js';
import { choose, focusedId, mount, ns, q, sessionsIn, submit, text, type } from './helpers.js';
import type { SessionLogger, SessionDeletedDetail, SessionRestoredDetail, SessionSavedDetail } from '../../../src/entries/session-logger.js';
import { newSession, type TrainingSession } from '../../../src/tracking/model.js';
import type { StorageAdapter } from '../../../src/tracking/storage/types.js';
import { MemoryAdapter } from '../../../src/tracking/storage/memory.js';
import { exportJsonText } from '../../../src/tracking/storage/transfer/export-json.js';

const setup = () =>
  mount(html`<training-store storage="memory" namespace=${ns()}>
    <session-logger units="metric" glucose-unit="mg/dL" time-zone="Europe/Paris" lang="en"></session-logger>
  </training-store>`);

function session(day: number, overrides: Partial<TrainingSession> = {}): TrainingSession {
  const startedAt = new Date(Date.UTC(2026, 9, day, 17, 0)).toISOString();
  return { ...newSession({ modality: 'aerobic', startedAt, timeZone: 'Europe/Paris', durationMin: 30 + day, rpe: 5 }), ...overrides };
}

async function seed(adapter: StorageAdapter, records: TrainingSession[]): Promise<void> {
  for (const r of records) await adapter.put('sessions', r, { expectedRev: null });
}

const rows = (logger: SessionLogger) => [...logger.shadowRoot!.querySelectorAll<HTMLElement>('.row-item')];
const rowButton = (logger: SessionLogger, id: string, action: string) =>
  q<HTMLButtonElement>(logger, `.row-item[data-id="${id}"] button[data-action="${action}"]`)!;
const untilRows = (logger: SessionLogger, n: number) => waitUntil(() => rows(logger).length === n, `expected ${n} rows`);

describe('<session-logger>: recent sessions', () => {
  it('shows the last 10, newest first, each with date, modality, duration, RPE and load; then Show more', async () => {
    const { logger, adapter } = await setup();
    await seed(adapter, Array.from({ length: 12 }, (_, i) => session(i + 1)));
    await untilRows(logger, 10);
    expect(text(logger, '.row-item .row-text')).to.equal('Oct 12, 2026, 7:00 PM Aerobic 42 min RPE 5 210 AU');
    expect(rowButton(logger, rows(logger)[0]!.dataset.id!, 'edit').getAttribute('aria-label')).to.equal('Edit Aerobic session, Oct 12, 2026, 7:00 PM');
    await expectNoAxeViolations(logger);
    q<HTMLButtonElement>(logger, '#show-more')!.click();
    await untilRows(logger, 12);
    expect(q(logger, '#show-more')).to.equal(null);
  });

  it('shows a session saved elsewhere (live)', async () => {
    const { logger, adapter } = await setup();
    expect(text(logger, '.empty')).to.equal('No sessions logged yet.');
    await seed(adapter, [session(3)]);
    await untilRows(logger, 1);
  });

  it('edits in place: loads the session into the form and saves over its revision', async () => {
    const { logger, adapter } = await setup();
    const record = session(5, { notes: 'first' });
    await seed(adapter, [record]);
    await untilRows(logger, 1);
    const saved: SessionSavedDetail[] = [];
    logger.addEventListener('session-saved', (e) => saved.push(e.detail));
    rowButton(logger, record.id, 'edit').click();
    await logger.updateComplete;
    expect(focusedId(logger)).to.equal('modality-aerobic');
    expect(q<HTMLInputElement>(logger, '#duration')!.value).to.equal('35');
    expect(q<HTMLInputElement>(logger, '#date')!.value).to.equal('2026-10-05');
    expect(q<HTMLInputElement>(logger, '#time')!.value).to.equal('19:00');
    q<HTMLInputElement>(logger, '#duration')!.select();
    await type(logger, 'duration', '50');
    expect(text(logger, 'button[type="submit"]')).to.equal('Save changes');
    await submit(logger);
    await logger.updateComplete;
    const stored = await sessionsIn(adapter);
    expect(stored.map((s) => [s.id, s.durationMin, s.notes, s.createdAt])).to.deep.equal([[record.id, 50, 'first', record.createdAt]]);
    expect(saved.map((d) => d.created)).to.deep.equal([false]);
  });

  it('after editing a session logged in another zone, the fresh form starts at now on this page\'s clocks', async () => {
    const { logger, adapter } = await setup();
    // Logged in Tokyo, 7 to 8 hours ahead of this page's Paris.
    const record = session(5, { timeZone: 'Asia/Tokyo' });
    await seed(adapter, [record]);
    await untilRows(logger, 1);
    rowButton(logger, record.id, 'edit').click();
    await logger.updateComplete;
    expect(q<HTMLInputElement>(logger, '#time')!.value).to.equal('02:00');
    const parisNow = () =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
    const before = parisNow();
    [...logger.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Cancel editing')!.click();
    await logger.updateComplete;
    expect(text(logger, 'button[type="submit"]')).to.equal('Save session');
    expect([before, parisNow()]).to.include(q<HTMLInputElement>(logger, '#time')!.value);
  });

  it('keeps an unfinished edit as a draft: after a reload, saving still changes that session', async () => {
    const namespace = ns();
    const template = () => html`<training-store storage="local" namespace=${namespace}>
      <session-logger units="metric" time-zone="Europe/Paris" lang="en"></session-logger>
    </training-store>`;
    const first = await mount(template());
    const record = session(6);
    await seed(first.adapter, [record]);
    await untilRows(first.logger, 1);
    rowButton(first.logger, record.id, 'edit').click();
    await first.logger.updateComplete;
    q<HTMLInputElement>(first.logger, '#duration')!.select();
    await type(first.logger, 'duration', '55');
    first.root.remove();

    const second = await mount(template());
    expect(q<HTMLInputElement>(second.logger, '#duration')!.value).to.equal('55');
    expect(text(second.logger, 'button[type="submit"]')).to.equal('Save changes');
    await submit(second.logger);
    await second.logger.updateComplete;
    expect((await sessionsIn(second.adapter)).map((s) => [s.id, s.durationMin])).to.deep.equal([[record.id, 55]]);
    second.root.remove();
    // Only this test's keys: other test files share the origin's localStorage.
    for (const key of Object.keys(localStorage)) if (key.includes(namespace)) localStorage.removeItem(key);
  });

  it('deletes with Undo, firing session-deleted then session-restored', async () => {
    const { logger, adapter } = await setup();
    const record = session(7);
    await seed(adapter, [record]);
    await untilRows(logger, 1);
    const events: string[] = [];
    logger.addEventListener('session-deleted', (e: CustomEvent<SessionDeletedDetail>) => events.push(`deleted ${e.detail.id}`));
    logger.addEventListener('session-restored', (e: CustomEvent<SessionRestoredDetail>) => events.push(`restored ${e.detail.record.id}`));
    rowButton(logger, record.id, 'delete').click();
    await logger.updateComplete;
    await untilRows(logger, 0);
    expect(text(logger, '.undo-status span')).to.equal('Session deleted.');
    expect(focusedId(logger)).to.equal('undo');
    await expectNoAxeViolations(logger);
    q<HTMLButtonElement>(logger, '#undo')!.click();
    await logger.updateComplete;
    await untilRows(logger, 1);
    expect(events).to.deep.equal([`deleted ${record.id}`, `restored ${record.id}`]);
    expect((await sessionsIn(adapter)).map((s) => s.id)).to.deep.equal([record.id]);
  });

  it('on a conflict shows both versions; "Keep mine" writes mine over theirs', async () => {
    const { logger, adapter } = await setup();
    const record = session(9, { notes: 'original' });
    await seed(adapter, [record]);
    await untilRows(logger, 1);
    rowButton(logger, record.id, 'edit').click();
    await logger.updateComplete;
    // Another tab changes the same session meanwhile.
    const current = await adapter.get('sessions', record.id);
    await adapter.put('sessions', { ...record, notes: '<img src=x onerror="window.pwned=1">theirs' }, { expectedRev: current!.rev });
    q<HTMLInputElement>(logger, '#duration')!.select();
    await type(logger, 'duration', '60');
    await submit(logger);
    await logger.updateComplete;
    expect(text(logger, '#conflict-title')).to.equal('This session was changed in another tab or device');
    expect(focusedId(logger)).to.equal('conflict-title');
    const versions = [...logger.shadowRoot!.querySelectorAll('.version')].map((v) => v.textContent!.replace(/\s+/g, ' ').trim());
    expect(versions[0]).to.contain('60 min');
    expect(versions[1]).to.contain('<img src=x onerror="window.pwned=1">theirs');
    expect(logger.shadowRoot!.querySelector('.version img')).to.equal(null);
    await expectNoAxeViolations(logger);
    q<HTMLButtonElement>(logger, '#keep-mine')!.click();
    await logger.updateComplete;
    expect((await sessionsIn(adapter)).map((s) => [s.durationMin, s.notes])).to.deep.equal([[60, 'original']]);
    expect(q(logger, '.conflict')).to.equal(null);
  });

  it('"Take the other version" loads theirs into the form', async () => {
    const { logger, adapter } = await setup();
    const record = session(10);
    await seed(adapter, [record]);
    await untilRows(logger, 1);
    rowButton(logger, record.id, 'edit').click();
    await logger.updateComplete;
    const current = await adapter.get('sessions', record.id);
    await adapter.put('sessions', { ...record, durationMin: 90 }, { expectedRev: current!.rev });
    await choose(logger, 'rpe', '9');
    await submit(logger);
    await logger.updateComplete;
    q<HTMLButtonElement>(logger, '#take-theirs')!.click();
    await logger.updateComplete;
    expect(q<HTMLInputElement>(logger, '#duration')!.value).to.equal('90');
    expect(q<HTMLInputElement>(logger, '#rpe-5')!.checked).to.equal(true);
    expect((await sessionsIn(adapter)).map((s) => s.durationMin)).to.deep.equal([90]);
  });

  it('"Log again" repeats a session with today\'s date', async () => {
    const { logger, adapter } = await setup();
    const record = session(2, { modality: 'resistance', exercises: [{ name: 'Row', sets: [{ reps: 8, loadKg: 40 }] }] });
    await seed(adapter, [record]);
    await untilRows(logger, 1);
    rowButton(logger, record.id, 'again').click();
    await logger.updateComplete;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    expect(q<HTMLInputElement>(logger, '#date')!.value).to.equal(today);
    expect(q<HTMLInputElement>(logger, '#modality-resistance')!.checked).to.equal(true);
    expect(q<HTMLInputElement>(logger, '#ex-0-name')!.value).to.equal('Row');
    await submit(logger);
    await logger.updateComplete;
    expect(await sessionsIn(adapter)).to.have.length(2);
  });

  it('imports a file and shows the report', async () => {
    const { logger, adapter } = await setup();
    const source = new MemoryAdapter({ namespace: ns() });
    await seed(source, [session(1), session(2)]);
    const file = new Blob([await exportJsonText(source)], { type: 'application/json' });
    const report = await logger.importFile(file);
    await logger.updateComplete;
    expect(report?.added).to.equal(2);
    expect(text(logger, '.import-report p')).to.equal(
      'Import finished: 2 added, 0 already here, 0 kept as stored (a different version is here), 0 not valid.',
    );
    expect(await sessionsIn(adapter)).to.have.length(2);
    await untilRows(logger, 2);
    await logger.importFile(new Blob(['not a file we know']));
    await logger.updateComplete;
    expect(text(logger, '.import-report .error')).to.match(/^Import failed: /);
    await expectNoAxeViolations(logger);
  });

  it('exports what the export buttons download: JSON of every collection, CSV of sessions', async () => {
    const { logger, adapter } = await setup();
    const record = session(4, { notes: 'a, "quoted" note' });
    await seed(adapter, [record]);
    const json = JSON.parse(await logger.exportText('json')) as { collections: { sessions: { record: TrainingSession }[] } };
    expect(json.collections.sessions.map((e) => e.record.id)).to.deep.equal([record.id]);
    const csv = await logger.exportText('csv');
    expect(csv).to.contain(record.id);
    expect(csv).to.contain('"a, ""quoted"" note"');
  });

  it('saves a session through the form and lists it', async () => {
    const { logger } = await setup();
    await choose(logger, 'modality', 'hiit');
    await type(logger, 'duration', '20');
    await choose(logger, 'rpe', '8');
    await submit(logger);
    await untilRows(logger, 1);
    expect(text(logger, '.row-item .row-text')).to.contain('HIIT 20 min RPE 8 160 AU');
  });
});

import { expect } from '@open-wc/testing';
import { nothing, render } from 'lit';
import { renderConflict } from '../../../src/tracking/session-logger/conflict-view.js';
import { renderSessionList } from '../../../src/tracking/session-logger/session-list-view.js';
import { sessionDate, sessionFigures, sessionLabel, versionLine } from '../../../src/tracking/session-logger/session-text.js';
import type { LiveSession } from '../../../src/tracking/session-logger/session-list-controller.js';
import { sessionLoggerStrings } from '../../../src/tracking/session-logger/strings.js';
import { newSession, type TrainingSession } from '../../../src/tracking/model.js';

const en = sessionLoggerStrings.en;
const es = sessionLoggerStrings.es!;
const record: TrainingSession = {
  ...newSession({ modality: 'aerobic', startedAt: '2026-10-12T17:00:00.000Z', timeZone: 'Europe/Paris', durationMin: 42.5, rpe: 5 }),
  notes: '<b>easy</b> run',
};
const live = (r: TrainingSession, rev = '1'): LiveSession => ({ id: r.id, rev, deleted: false, record: r }) as LiveSession;
const flat = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('session in words', () => {
  it('names a session by its date in its own zone and its kind, in the language asked', () => {
    expect(sessionDate(record, 'en')).to.equal('Oct 12, 2026, 7:00 PM');
    expect(sessionLabel(record, en, 'en')).to.equal('Aerobic session, Oct 12, 2026, 7:00 PM');
    expect(sessionFigures(record, en, 'en')).to.deep.equal(['42.5 min', 'RPE 5', '212.5 AU']);
    expect(sessionFigures(record, es, 'es')).to.deep.equal(['42,5 min', 'RPE 5', '212,5 UA']);
    expect(versionLine(record, en, 'en')).to.equal('Aerobic · 42.5 min · RPE 5 · “<b>easy</b> run”');
  });
});

describe('the conflict view', () => {
  it('is nothing without a conflict', () => {
    expect(renderConflict({ conflict: undefined, t: en, lang: 'en', onKeepMine: () => {}, onTakeTheirs: () => {} })).to.equal(nothing);
  });

  it('shows mine and theirs side by side, notes as text, and offers both ways out', () => {
    const chosen: string[] = [];
    const root = document.createElement('div');
    const theirs = { ...record, durationMin: 60, notes: '<img src=x onerror="window.pwned=1">' };
    render(
      renderConflict({ conflict: { mine: record, current: live(theirs, '2') }, t: en, lang: 'en', onKeepMine: () => chosen.push('mine'), onTakeTheirs: () => chosen.push('theirs') }),
      root,
    );
    const [mine, other] = [...root.querySelectorAll('.version')];
    expect(flat(mine)).to.equal('Your version Oct 12, 2026, 7:00 PM · Aerobic 42.5 min · RPE 5 · 212.5 AU <b>easy</b> run');
    expect(flat(other)).to.contain('60 min');
    expect(root.querySelector('img, b')).to.equal(null);
    root.querySelector<HTMLButtonElement>('#keep-mine')!.click();
    root.querySelector<HTMLButtonElement>('#take-theirs')!.click();
    expect(chosen).to.deep.equal(['mine', 'theirs']);
  });

  it('says so when theirs was removed', () => {
    const root = document.createElement('div');
    render(renderConflict({ conflict: { mine: record, current: undefined }, t: en, lang: 'en', onKeepMine: () => {}, onTakeTheirs: () => {} }), root);
    expect(flat(root.querySelectorAll('.version')[1])).to.equal(`${en.theirVersion} ${en.conflictRemoved}`);
  });
});

describe('the session list view', () => {
  const view = (overrides: Partial<Parameters<typeof renderSessionList>[0]> = {}) => {
    const calls: string[] = [];
    const root = document.createElement('div');
    render(
      renderSessionList({
        t: en,
        lang: 'en',
        items: [live(record)],
        hasMore: false,
        undoable: false,
        sync: nothing,
        onShowMore: () => calls.push('more'),
        onUndo: () => calls.push('undo'),
        onLogAgain: (item) => calls.push(`again ${item.id}`),
        onEdit: (item) => calls.push(`edit ${item.id}`),
        onRemove: (item) => calls.push(`remove ${item.id}`),
        ...overrides,
      }),
      root,
    );
    return { root, calls };
  };

  it('shows a row per session, its buttons named for it', () => {
    const { root, calls } = view();
    expect(flat(root.querySelector('.row-text'))).to.equal('Oct 12, 2026, 7:00 PM Aerobic 42.5 min RPE 5 212.5 AU');
    for (const action of ['again', 'edit', 'delete']) root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!.click();
    expect(calls).to.deep.equal([`again ${record.id}`, `edit ${record.id}`, `remove ${record.id}`]);
    expect(root.querySelector('button[data-action="edit"]')!.getAttribute('aria-label')).to.equal('Edit Aerobic session, Oct 12, 2026, 7:00 PM');
    expect(root.querySelector('#show-more')).to.equal(null);
    expect(root.querySelector('#undo')).to.equal(null);
  });

  it('says when there are none, and offers Show more and Undo when there is something to do', () => {
    const { root, calls } = view({ items: [], hasMore: true, undoable: true });
    expect(flat(root.querySelector('.empty'))).to.equal('No sessions logged yet.');
    expect(flat(root.querySelector('.undo-status span'))).to.equal('Session deleted.');
    root.querySelector<HTMLButtonElement>('#undo')!.click();
    root.querySelector<HTMLButtonElement>('#show-more')!.click();
    expect(calls).to.deep.equal(['undo', 'more']);
  });
});

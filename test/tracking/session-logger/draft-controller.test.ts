import { expect } from '@open-wc/testing';
import { DraftController } from '../../../src/tracking/session-logger/draft-controller.js';
import { emptyForm, type FormValues } from '../../../src/tracking/session-logger/form-model.js';
import { newSession } from '../../../src/tracking/model.js';
import { LocalStorageAdapter } from '../../../src/tracking/storage/local-storage.js';
import { hosted } from './controller-host.js';

const typed = (): FormValues => ({ ...emptyForm('Europe/Paris'), modality: 'aerobic', duration: '40' });

describe('DraftController', () => {
  const namespaces: string[] = [];
  const namespace = () => {
    const ns = `t${crypto.randomUUID().slice(0, 8)}`;
    namespaces.push(ns);
    return ns;
  };
  afterEach(() => {
    // Only this file's keys: other test files share the origin's localStorage.
    for (const key of Object.keys(localStorage)) if (namespaces.some((ns) => key.includes(ns))) localStorage.removeItem(key);
  });

  it('keeps a draft per namespace and per logger id, and brings it back', async () => {
    const ns = namespace();
    const { host, controller: draft } = await hosted((h) => new DraftController(h, h.store), { namespace: ns, id: 'post-run' });
    expect(draft.key).to.equal(`loadwise-draft:${ns}:session-logger:post-run`);
    draft.save(typed(), undefined);
    expect(localStorage.getItem(draft.key)).to.contain('"duration":"40"');

    const again = new DraftController(host, host.store);
    expect(again.restored).to.equal(false);
    const restored = again.restore()!;
    expect(restored.values).to.deep.equal(typed());
    expect(await restored.editing).to.equal(undefined);
    expect(again.restored).to.equal(true);
  });

  it('keeps no draft of an empty form, and forgets one on clear', async () => {
    const { controller: draft } = await hosted((h) => new DraftController(h, h.store), { namespace: namespace() });
    draft.save(emptyForm('UTC'), undefined);
    expect(localStorage.getItem(draft.key)).to.equal(null);
    draft.save(typed(), undefined);
    draft.restore();
    draft.clear();
    expect(localStorage.getItem(draft.key)).to.equal(null);
    expect(draft.restored).to.equal(false);
    expect(draft.restore()).to.equal(undefined);
  });

  it('ignores what is not a draft of this version', async () => {
    const { controller: draft } = await hosted((h) => new DraftController(h, h.store), { namespace: namespace() });
    localStorage.setItem(draft.key, '{"v":99,"values":{}}');
    expect(draft.restore()).to.equal(undefined);
    localStorage.setItem(draft.key, 'not json');
    expect(draft.restore()).to.equal(undefined);
  });

  it('restores an edit at the revision it started from, even after the session changed', async () => {
    const ns = namespace();
    const { controller: draft, adapter } = await hosted((h) => new DraftController(h, h.store), { adapter: new LocalStorageAdapter({ namespace: ns }) });
    const record = newSession({ modality: 'aerobic', startedAt: '2026-10-05T17:00:00.000Z', timeZone: 'Europe/Paris', durationMin: 35, rpe: 5 });
    const first = await adapter.put('sessions', record, { expectedRev: null });
    draft.save(typed(), { id: record.id, rev: first.rev });
    // Another tab changes the session meanwhile: the draft still edits the revision it began at.
    await adapter.put('sessions', { ...record, durationMin: 90 }, { expectedRev: first.rev });
    const editing = await draft.restore()!.editing;
    expect(editing?.id).to.equal(record.id);
    expect(editing?.rev).to.equal(first.rev);
    expect(editing?.record.durationMin).to.equal(90);

    await adapter.remove('sessions', record.id, { expectedRev: (await adapter.get('sessions', record.id))!.rev });
    expect(await draft.restore()!.editing).to.equal(undefined);
  });
});

import { expect } from '@open-wc/testing';
import { SaveController } from '../../../src/tracking/session-logger/save-controller.js';
import type { LiveSession } from '../../../src/tracking/session-logger/session-list-controller.js';
import { newSession, type SessionInput } from '../../../src/tracking/model.js';
import { BackendAdapter } from '../../../src/tracking/storage/backend-adapter.js';
import type { BackendWrite } from '../../../src/tracking/storage/backend.js';
import { MemoryBackend } from '../../../src/tracking/storage/memory.js';
import { OfflineError } from '../../../src/tracking/storage/errors.js';
import type { StorageAdapter } from '../../../src/tracking/storage/types.js';
import { hosted, type ControllerHost } from './controller-host.js';

const input: SessionInput = { modality: 'aerobic', startedAt: '2026-10-05T17:00:00.000Z', timeZone: 'Europe/Paris', durationMin: 30, rpe: 4 };

/** The write reaches the disk, but the reply is lost once: the page sees an offline error. */
class LostReplyBackend extends MemoryBackend {
  lose = true;
  override async commit(writes: readonly BackendWrite[]): Promise<void> {
    await super.commit(writes);
    if (this.lose && writes.some(([key]) => key.includes('sessions'))) {
      this.lose = false;
      throw new OfflineError();
    }
  }
}

/** A save controller on a tiny host, with what its callbacks were told. */
async function saver(adapter?: StorageAdapter) {
  const calls: string[] = [];
  const theirs: (LiveSession | undefined)[] = [];
  const make = (h: ControllerHost) =>
    new SaveController(h, h.store, {
      onSaved: () => calls.push('saved'),
      onConflict: () => calls.push('conflict'),
      onTakeTheirs: (current) => theirs.push(current),
    });
  const mounted = await hosted(make, adapter ? { adapter } : {});
  return { ...mounted, calls, theirs };
}

const sessions = async (adapter: StorageAdapter) => (await adapter.list('sessions', { limit: 100 })).items.flatMap((i) => (i.deleted ? [] : [i.record]));

describe('SaveController', () => {
  it('writes a new session and its reading, fires session-saved and glucose-saved, and says so', async () => {
    const { host, controller, adapter, calls } = await saver();
    const fired: string[] = [];
    host.addEventListener('session-saved', (e) => fired.push(`session created=${e.detail.created}`));
    host.addEventListener('glucose-saved', (e) => fired.push(`glucose ${e.detail.reading.mgdl}`));
    await controller.save({ session: input, glucose: { measuredAt: input.startedAt, timeZone: input.timeZone, mgdl: 95, context: 'fasting' } });
    expect(controller.status).to.deep.equal({ kind: 'saved', glucose: true });
    expect(calls).to.deep.equal(['saved']);
    expect(fired).to.deep.equal(['session created=true', 'glucose 95']);
    expect((await sessions(adapter)).map((s) => s.durationMin)).to.deep.equal([30]);
  });

  it('lets a session-save listener veto the save, or enrich the record', async () => {
    const { host, controller, adapter } = await saver();
    const veto = (e: Event) => e.preventDefault();
    host.addEventListener('session-save', veto);
    await controller.save({ session: input });
    expect(controller.status.kind).to.equal('vetoed');
    expect(await sessions(adapter)).to.deep.equal([]);

    host.removeEventListener('session-save', veto);
    host.addEventListener('session-save', (e) => (e.detail.record = { ...e.detail.record, notes: 'from the site' }));
    await controller.save({ session: input });
    expect((await sessions(adapter)).map((s) => s.notes)).to.deep.equal(['from the site']);
  });

  it('retries with the same idempotency key until the values change: a lost reply saves once', async () => {
    const adapter = new BackendAdapter(new LostReplyBackend(`t${crypto.randomUUID().slice(0, 8)}`));
    const { controller, errors, calls } = await saver(adapter);
    await controller.save({ session: input });
    expect(controller.status).to.deep.equal({ kind: 'failed', code: 'offline' });
    expect(errors).to.deep.equal(['offline:put']);
    await controller.save({ session: input });
    expect(controller.status.kind).to.equal('saved');
    expect(calls).to.deep.equal(['saved']);
    expect(await sessions(adapter)).to.have.length(1);

    // Changed values are a new submission: a new session.
    controller.changed();
    await controller.save({ session: input });
    expect(await sessions(adapter)).to.have.length(2);
  });

  it('offers the choice when an edit meets a newer version: keep mine writes mine over theirs', async () => {
    const { controller, adapter, calls } = await saver();
    const stored = (await adapter.put('sessions', newSession(input), { expectedRev: null })) as LiveSession;
    controller.editing = stored;
    await adapter.put('sessions', { ...stored.record, notes: 'theirs' }, { expectedRev: stored.rev });
    await controller.save({ session: { ...input, durationMin: 60 } });
    expect(calls).to.deep.equal(['conflict']);
    expect(controller.status.kind).to.equal('idle');
    expect(controller.conflict?.mine.durationMin).to.equal(60);
    expect(controller.conflict?.current?.deleted === false && controller.conflict.current.record.notes).to.equal('theirs');

    await controller.keepMine();
    expect(controller.conflict).to.equal(undefined);
    expect(controller.status.kind).to.equal('saved');
    expect((await sessions(adapter)).map((s) => [s.id, s.durationMin])).to.deep.equal([[stored.id, 60]]);
  });

  it('take theirs hands the stored version to the form, or nothing when it was removed', async () => {
    const { controller, adapter, theirs } = await saver();
    const stored = (await adapter.put('sessions', newSession(input), { expectedRev: null })) as LiveSession;
    controller.editing = stored;
    const current = await adapter.put('sessions', { ...stored.record, durationMin: 90 }, { expectedRev: stored.rev });
    await controller.save({ session: input });
    controller.takeTheirs();
    expect(controller.conflict).to.equal(undefined);
    expect(theirs.map((t) => t?.rev)).to.deep.equal([current.rev]);

    controller.editing = current as LiveSession;
    await adapter.remove('sessions', stored.id, { expectedRev: current.rev });
    await controller.save({ session: input });
    controller.takeTheirs();
    expect(theirs.at(-1)).to.equal(undefined);
  });

  it('says there is no store, rather than writing anywhere else', async () => {
    const el = document.createElement('controller-host');
    const controller = new SaveController(el, el.store, { onSaved: () => {}, onConflict: () => {}, onTakeTheirs: () => {} });
    await controller.save({ session: input });
    expect(controller.status.kind).to.equal('no-store');
  });
});

import { expect } from '@open-wc/testing';
import { putMany } from '../../../src/tracking/storage/batch.js';
import { MemoryAdapter } from '../../../src/tracking/storage/memory.js';
import { QuotaError } from '../../../src/tracking/storage/errors.js';
import { newSession, type TrainingSession } from '../../../src/tracking/model.js';
import type { BatchPut, StorageAdapter } from '../../../src/tracking/storage/types.js';

const session = (day: number, overrides: Partial<TrainingSession> = {}): TrainingSession => ({
  ...newSession({ modality: 'aerobic', startedAt: new Date(Date.UTC(2026, 9, day, 17)).toISOString(), timeZone: 'UTC', durationMin: 30, rpe: 5 }),
  ...overrides,
});

/** The adapter as a site's own would be: everything but putMany. */
function withoutPutMany(adapter: StorageAdapter): StorageAdapter {
  return new Proxy(adapter, { get: (target, key) => (key === 'putMany' ? undefined : Reflect.get(target, key, target)) });
}

describe('putMany() on an adapter without its own', () => {
  it('writes each record as put would, and an invalid one does not stop the others', async () => {
    const adapter = new MemoryAdapter({ namespace: `batch-${Math.random()}` });
    await adapter.open();
    const puts: BatchPut<'sessions'>[] = [
      { record: session(1), expectedRev: null },
      { record: session(2, { durationMin: -5 }), expectedRev: null },
      { record: session(3), expectedRev: null },
    ];
    const results = await putMany(withoutPutMany(adapter), 'sessions', puts);
    expect(results.map((r) => r.ok)).to.deep.equal([true, false, true]);
    const refused = results[1]!;
    expect(!refused.ok && refused.error.code).to.equal('validation');
    expect(!refused.ok && refused.error.message).to.include('durationMin');
    expect((await adapter.list('sessions')).items.map((s) => s.id)).to.deep.equal([puts[0]!.record.id, puts[2]!.record.id]);
  });

  it('stops at a full store: the writes after it are not attempted, and each says why', async () => {
    const adapter = new MemoryAdapter({ namespace: `batch-${Math.random()}` });
    await adapter.open();
    let calls = 0;
    const full = new Proxy(withoutPutMany(adapter), {
      get: (target, key) =>
        key === 'put'
          ? (...args: Parameters<StorageAdapter['put']>) => (++calls === 2 ? Promise.reject(new QuotaError()) : target.put(...args))
          : Reflect.get(target, key),
    });
    const results = await putMany(full, 'sessions', [1, 2, 3, 4].map((d) => ({ record: session(d), expectedRev: null })));
    expect(results.map((r) => (r.ok ? 'kept' : r.error.code))).to.deep.equal(['kept', 'quota', 'quota', 'quota']);
    expect(calls).to.equal(2);
    expect((await adapter.list('sessions')).items).to.have.length(1);
  });
});

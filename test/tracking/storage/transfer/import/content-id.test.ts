import { expect } from '@open-wc/testing';
import { canonical, contentId, hash128, uuidFromHash } from '../../../../../src/tracking/storage/transfer/import/content-id.js';

const row = {
  schemaVersion: 1,
  startedAt: '2026-01-05T06:30:00.000Z',
  timeZone: 'Europe/Paris',
  modality: 'aerobic',
  durationMin: 45,
  rpe: 6,
  wellness: { sleepQuality: 4, fatigue: 2 },
  exercises: [{ name: 'Squat', sets: [{ reps: 5, loadKg: 100 }] }],
  createdAt: '2026-01-05T08:00:00.000Z',
  updatedAt: '2026-01-05T08:00:00.000Z',
};

/** The same keys and values, written in the opposite order at every level. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]));
  return value;
}

describe('content ids', () => {
  it('gives the same content the same id, every time', () => {
    expect(contentId(row)).to.equal(contentId(structuredClone(row)));
    expect(contentId(row)).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('does not depend on the order of the fields', () => {
    expect(JSON.stringify(reversed(row))).not.to.equal(JSON.stringify(row));
    expect(contentId(reversed(row) as Record<string, unknown>)).to.equal(contentId(row));
    expect(canonical(reversed(row))).to.equal(canonical(row));
  });

  it('tells different content apart, down to one value', () => {
    const ids = new Set([row, { ...row, rpe: 6.5 }, { ...row, notes: 'x' }, { ...row, wellness: { sleepQuality: 4, fatigue: 3 } }].map((r) => contentId(r)));
    expect(ids.size).to.equal(4);
  });

  it('leaves out the id, the ignored keys and empty values', () => {
    const filledIn = ['createdAt', 'updatedAt'];
    const later = { ...row, createdAt: '2027-01-01T00:00:00.000Z', updatedAt: '2027-01-01T00:00:00.000Z' };
    expect(contentId(later, filledIn)).to.equal(contentId(row, filledIn));
    expect(contentId(later)).not.to.equal(contentId(row));
    expect(contentId({ ...row, id: 'anything' })).to.equal(contentId(row));
    expect(contentId({ ...row, notes: '', exercises: [], wellness: {} })).to.equal(contentId({ ...row, exercises: undefined, wellness: undefined }));
  });

  it('hashes to 32 hex digits and makes a version-8 UUID from them', () => {
    const hex = hash128('loadwise');
    expect(hex).to.match(/^[0-9a-f]{32}$/);
    expect(hash128('loadwise')).to.equal(hex);
    expect(hash128('loadwisf')).not.to.equal(hex);
    const uuid = uuidFromHash(hex);
    expect(uuid.replace(/-/g, '')).to.have.length(32);
    expect(uuid[14]).to.equal('8');
    expect('89ab').to.include(uuid[19]!);
  });
});

/**
 * The conformance suite against the memory adapter. `MemoryAdapter` is `BackendAdapter` over a
 * `MemoryBackend`; the harness builds the same pair itself so it can reach the entries for real
 * (one backend per namespace, shared by the adapters a test opens on it).
 */
import { expect } from '@open-wc/testing';
import { BackendAdapter } from '../../../src/tracking/storage/backend-adapter.js';
import { MemoryAdapter, MemoryBackend } from '../../../src/tracking/storage/memory.js';
import { describeAdapterConformance } from './conformance.js';

const backends = new Map<string, MemoryBackend>();
const backendFor = (namespace: string): MemoryBackend => {
  let backend = backends.get(namespace);
  if (!backend) backends.set(namespace, (backend = new MemoryBackend(namespace)));
  return backend;
};

describeAdapterConformance('memory', {
  kind: 'memory',
  persistent: false,
  create: (namespace, options) => new BackendAdapter(backendFor(namespace), options),
  createBackend: backendFor,
  raw: {
    entries: (namespace) => backendFor(namespace).readAll(),
    get: (namespace, key) => backendFor(namespace).read(key),
    set: (namespace, entries) => backendFor(namespace).commit(entries),
  },
  keyOf: (collection, id) => `${collection}/${id}`,
  encode: (value) => structuredClone(value),
  decode: (raw) => raw,
  unreadable: { raw: { title: 'not a loadwise record', at: new Date(0), bytes: new Uint8Array([0, 255, 7]) }, reason: 'invalid' },
  clear: async (namespace) => void backends.delete(namespace),
  measuresBytes: false,
});

describe('MemoryAdapter', () => {
  it('keeps nothing between instances: each is its own store', async () => {
    const a = new MemoryAdapter({ namespace: 'shared-name' });
    const b = new MemoryAdapter({ namespace: 'shared-name' });
    const s = {
      id: crypto.randomUUID(),
      schemaVersion: 1 as const,
      modality: 'hiit' as const,
      startedAt: '2026-03-01T08:00:00Z',
      timeZone: 'UTC',
      durationMin: 20,
      rpe: 8,
      createdAt: '2026-03-01T08:30:00Z',
      updatedAt: '2026-03-01T08:30:00Z',
    };
    await a.put('sessions', s, { expectedRev: null });
    expect(a.kind).to.equal('memory');
    expect((await a.list('sessions')).items).to.have.length(1);
    expect((await b.list('sessions')).items).to.deep.equal([]);
  });
});

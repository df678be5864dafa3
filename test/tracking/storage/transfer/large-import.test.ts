import { expect } from '@open-wc/testing';
import type { TrainingSession } from '../../../../src/tracking/model.js';
import { sessionsToCsv } from '../../../../src/tracking/storage/transfer/export-csv.js';
import { importData, type ImportOptions, type ImportReport } from '../../../../src/tracking/storage/transfer/import/import.js';
import type { StorageAdapter } from '../../../../src/tracking/storage/types.js';
import { adapterKinds, expectAccounted, session } from './fixtures.js';

/** A JSON export of `sessions`, made directly (as another device would have written it). */
const envelopeOf = (sessions: TrainingSession[]) =>
  JSON.stringify({
    format: 'loadwise-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    app: 'loadwise',
    collections: { sessions: sessions.map((record, i) => ({ id: record.id, rev: `1-${i.toString(16).padStart(8, '0')}`, deleted: false, record })), glucose: [] },
  });

const many = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    session(i % 3000, {
      notes: i % 7 === 0 ? `Session ${i}, "quoted", with a comma` : undefined,
      exercises: i % 5 === 0 ? [{ name: 'Squat', sets: [{ reps: 5, loadKg: 100, rir: 2 }] }] : undefined,
    }),
  ).map((s) => JSON.parse(JSON.stringify(s)) as TrainingSession); // no undefined-valued keys

interface Watched {
  report: ImportReport;
  ms: number;
  progressCalls: number;
  intervalTicks: number;
  frames: number;
  longestGapMs: number;
}

/**
 * Runs an import while a `setInterval(…, 0)` and a `requestAnimationFrame` loop count how often
 * the page got to run something else: a page frozen for the whole import would count none.
 */
async function watchImport(adapter: StorageAdapter, input: string, options: ImportOptions = {}): Promise<Watched> {
  let intervalTicks = 0;
  let frames = 0;
  let progressCalls = 0;
  let last = performance.now();
  let longestGapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    intervalTicks++;
  }, 0);
  let animating = true;
  const frame = () => {
    frames++;
    if (animating) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const started = performance.now();
  try {
    const report = await importData(adapter, input, {
      ...options,
      onProgress: (done, total) => {
        progressCalls++;
        options.onProgress?.(done, total);
      },
    });
    return { report, ms: Math.round(performance.now() - started), progressCalls, intervalTicks, frames, longestGapMs: Math.round(longestGapMs) };
  } finally {
    clearInterval(timer);
    animating = false;
  }
}

const { kinds, cleanUp } = adapterKinds();
const [memory, local] = kinds as [(typeof kinds)[0], (typeof kinds)[0]];

describe('importing a large file', () => {
  afterEach(cleanUp);

  it('imports 10,000 sessions from JSON in chunks, reporting progress, without blocking the page', async function () {
    this.timeout(180_000);
    const sessions = many(10_000);
    const store = memory.make();
    const seen: number[] = [];
    const run = await watchImport(store, envelopeOf(sessions), { chunkSize: 250, onProgress: (done, total) => seen.push(done) && expect(total).to.equal(10_000) });
    console.log(
      `10,000-session JSON import: ${run.ms} ms, ${run.progressCalls} progress callbacks, ${run.intervalTicks} setInterval(0) ticks, ${run.frames} animation frames, longest gap between ticks ${run.longestGapMs} ms`,
    );
    expectAccounted(run.report);
    expect(run.report).to.deep.include({ total: 10_000, processed: 10_000, added: 10_000, complete: true });
    expect(run.progressCalls).to.equal(40);
    expect(seen[0]).to.equal(250);
    expect(seen.at(-1)).to.equal(10_000);
    expect([...seen].sort((a, b) => a - b)).to.deep.equal(seen);
    // The event loop ran other tasks all through the import, not only at its end.
    expect(run.intervalTicks).to.be.greaterThan(40);
    expect((await store.estimate()).records.sessions).to.equal(10_000);
  });

  it('imports 10,000 sessions from CSV the same way', async function () {
    this.timeout(180_000);
    const store = memory.make();
    const run = await watchImport(store, sessionsToCsv(many(10_000)));
    console.log(
      `10,000-session CSV import: ${run.ms} ms, ${run.progressCalls} progress callbacks, ${run.intervalTicks} setInterval(0) ticks, ${run.frames} animation frames, longest gap between ticks ${run.longestGapMs} ms`,
    );
    expectAccounted(run.report);
    expect(run.report).to.deep.include({ total: 10_000, added: 10_000, complete: true });
    expect(run.progressCalls).to.equal(100);
    expect(run.intervalTicks).to.be.greaterThan(100);
  });

  for (const kind of [memory, local]) {
    it(`stops when cancelled and reports what was done, consistently (${kind.name})`, async () => {
      const sessions = many(1_000);
      const file = envelopeOf(sessions);
      const store = kind.make();
      const controller = new AbortController();
      const report = await importData(store, file, {
        chunkSize: 100,
        signal: controller.signal,
        onProgress: (done) => {
          if (done >= 300) controller.abort();
        },
      });
      expectAccounted(report);
      expect(report).to.deep.include({ total: 1_000, processed: 300, added: 300, cancelled: true, complete: false });
      expect((await store.estimate()).records.sessions).to.equal(300);

      // Running it again finishes the job: what was done is recognised, nothing is doubled.
      const rest = await importData(store, file, { chunkSize: 100 });
      expectAccounted(rest);
      expect(rest).to.deep.include({ processed: 1_000, added: 700, unchanged: 300, complete: true });
      expect((await store.estimate()).records.sessions).to.equal(1_000);
    });
  }

  it('does nothing with a signal that is already aborted', async () => {
    const store = memory.make();
    const report = await importData(store, envelopeOf(many(10)), { signal: AbortSignal.abort() });
    expectAccounted(report);
    expect(report).to.deep.include({ total: 10, processed: 0, cancelled: true, complete: false });
    expect((await store.estimate()).records.sessions).to.equal(0);
  });
});

/**
 * One rule at the server's boundary, as properties over generated records
 * (test/helpers/record-arbitraries.ts): what the schemas accept, the server stores and gives back
 * exactly as the schema read it, on PGlite and PostgreSQL; what they refuse gets a 4xx problem
 * naming the field, and nothing is stored.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { validateGlucose, validateSession } from '../../src/tracking/model.js';
import { reading, refusal, session } from '../helpers/record-arbitraries.js';
import { databaseKinds, someone, useServer } from './harness.js';

/** Fixed, so a failure is the same failure when run again (fast-check prints the seed and path). */
const SEED = 20261205;
const RUNS = 150;

const collections = [
  { name: 'sessions', arbitrary: session, kind: 'session', validate: validateSession },
  { name: 'glucose', arbitrary: reading, kind: 'reading', validate: validateGlucose },
] as const;

for (const kind of databaseKinds) {
  describe(`round trip through the server (${kind})`, () => {
    const t = useServer(kind);

    for (const { name, arbitrary, kind: recordKind, validate } of collections) {
      it(`gives back every ${recordKind} the schema accepts exactly as the schema read it`, async () => {
        const api = await t.as(someone('roundtrip'));
        await fc.assert(
          fc.asyncProperty(arbitrary, async (generated) => {
            const checked = validate(generated);
            assert.ok(checked.ok, `the generator made a record the schema refuses: ${JSON.stringify(!checked.ok && checked.issues)}`);
            const record = checked.value;
            const created = await api.put(name, record, { create: true });
            assert.equal(created.status, 201, JSON.stringify(created.body));
            assert.deepStrictEqual(created.body.record, record);
            const read = await api.get(name, record.id);
            assert.equal(read.status, 200);
            assert.deepStrictEqual(read.body.record, record);
          }),
          { seed: SEED, numRuns: RUNS, includeErrorInReport: true },
        );
        // And listed: the instants at the ends of the range sort and page like any other.
        const all = await api.list(name, { limit: 1000 });
        assert.equal(all.status, 200);
        assert.equal(all.body.items.length, RUNS);
      });

      it(`refuses every ${recordKind} with an unstorable value with a 422 problem naming the field, storing nothing`, async () => {
        const api = await t.as(someone('refused'));
        await fc.assert(
          fc.asyncProperty(refusal(recordKind, arbitrary as fc.Arbitrary<{ id: string }>), async ({ record, path }) => {
            const reply = await api.put(name, record, { create: true });
            assert.equal(reply.status, 422, `${path}: ${JSON.stringify(reply.body)}`);
            assert.equal(reply.headers.get('Content-Type'), 'application/problem+json');
            assert.equal(reply.body.type, 'urn:loadwise:problem:validation');
            assert.ok(
              reply.body.errors.some((e: { path: string }) => e.path === path),
              `no message names ${path}: ${JSON.stringify(reply.body.errors)}`,
            );
            assert.equal((await api.get(name, record.id)).status, 404);
          }),
          { seed: SEED, numRuns: RUNS, includeErrorInReport: true },
        );
      });
    }
  });
}

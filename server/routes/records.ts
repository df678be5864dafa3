/**
 * /v1/sessions and /v1/glucose: list, read, put (create, update, bring back) and remove records
 * of one collection, for the signed-in user only.
 */
import { Hono, type Context } from 'hono';
import { idFault } from '../../src/base/storable.js';
import { defaultCollections } from '../../src/tracking/storage/collections.js';
import { nextRev } from '../../src/tracking/storage/envelope.js';
import type { CollectionName, Stored } from '../../src/tracking/storage/types.js';
import type { Database } from '../db/database.js';
import { getRecord, listRecords } from '../db/records.js';
import type { AppEnv } from '../env.js';
import { dropAfterCommit, type Faults } from '../faults.js';
import { etagOf, meets, readPrecondition } from '../preconditions.js';
import { badRequest, invalidRecord, methodNotAllowed, notFound, preconditionFailed } from '../problems.js';
import { decodeCursor, DEFAULT_LIMIT, encodeCursor, listQuerySchema, readQuery } from '../query.js';
import { readIdempotencyKey, readJson } from '../request-body.js';
import { fingerprint, writeRecord, type WriteRequest, type WriteResult } from '../write-record.js';

export interface RouteDeps {
  database: Database;
  faults: Faults;
}

const instant = (iso: string) => new Date(Date.parse(iso)).toISOString();

/** The record id in the path, refused (naming `id`) when no storage could key a record by it. */
function readId(c: Context<AppEnv>): string {
  const id = c.req.param('id')!;
  const fault = idFault(id);
  if (fault) throw badRequest(`The record id in the path ${fault}.`, [{ path: 'id', message: fault }], 'invalid-parameters');
  return id;
}

export function recordRoutes(collection: CollectionName, { database, faults }: RouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const spec = defaultCollections[collection];
  const path = (id: string) => `/v1/${collection}/${encodeURIComponent(id)}`;

  routes.get('/', async (c) => {
    const query = readQuery(c, listQuerySchema);
    const order = query.order ?? 'asc';
    const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, order);
    const { rows, more } = await listRecords(database, c.get('user'), collection, {
      ...(query.from ? { from: instant(query.from) } : {}),
      ...(query.to ? { to: instant(query.to) } : {}),
      order,
      limit,
      ...(after ? { after } : {}),
      includeDeleted: query.includeDeleted === 'true',
    });
    const last = rows.at(-1);
    return c.json({
      items: rows.map((row) => row.stored),
      nextCursor: more && last ? encodeCursor({ order, at: last.sortAt.toISOString(), id: last.stored.id }) : null,
    });
  });
  routes.all('/', () => {
    throw methodNotAllowed(['GET', 'HEAD']);
  });

  routes.get('/:id', async (c) => {
    const id = readId(c);
    const row = await getRecord(database, c.get('user'), collection, id);
    if (!row) throw notFound(`No ${collection} record with id ${id}.`);
    // A tombstone is answered too (200): a client needs its revision to bring the record back.
    return c.json(row.stored, 200, { ETag: etagOf(row.stored.rev) });
  });

  routes.put('/:id', async (c) => {
    const id = readId(c);
    const precondition = readPrecondition(c, { mayCreate: true });
    const key = readIdempotencyKey(c);
    const body = await readJson(c);
    const result = spec.validate(body.value);
    const issues = result.ok ? [] : [...result.issues];
    const bodyId = (body.value as { id?: unknown } | null)?.id;
    if (typeof bodyId === 'string' && bodyId !== id && !issues.some((i) => i.path === 'id')) {
      issues.push({ path: 'id', message: `must be ${id}, the id in the URL` });
    }
    if (!result.ok || issues.length) throw invalidRecord(issues);
    const record = result.value;
    return write(c, {
      ...request(c, id, key, [c.req.header('If-Match'), c.req.header('If-None-Match'), body.text]),
      decide(current) {
        if (!meets(precondition, current?.rev)) {
          throw preconditionFailed(
            current,
            !current
              ? 'There is no such record (any more): create it with If-None-Match: *.'
              : precondition.create
                ? `A record with this id exists already${current.deleted ? ' (removed: bring it back with If-Match and its ETag)' : ''}.`
                : 'The record was changed since it was read: current holds it as it is now.',
          );
        }
        return { write: { id, rev: nextRev(current?.rev), deleted: false, record }, status: current ? 200 : 201 };
      },
    });
  });

  routes.delete('/:id', async (c) => {
    const id = readId(c);
    const precondition = readPrecondition(c, { mayCreate: false });
    const key = readIdempotencyKey(c);
    return write(c, {
      ...request(c, id, key, [c.req.header('If-Match')]),
      decide(current) {
        if (!current) throw notFound(`No ${collection} record with id ${id}.`);
        if (!meets(precondition, current.rev)) throw preconditionFailed(current, 'The record was changed since it was read: current holds it as it is now.');
        // Removing what is already removed, at its revision, changes nothing: the intent holds.
        if (current.deleted) return { keep: current };
        const tombstone: Stored<unknown> = { id, rev: nextRev(current.rev), deleted: true, deletedAt: new Date().toISOString() };
        return { write: tombstone, status: 200 };
      },
    });
  });
  routes.all('/:id', () => {
    throw methodNotAllowed(['GET', 'HEAD', 'PUT', 'DELETE']);
  });

  function request(c: Context<AppEnv>, id: string, idempotencyKey: string, parts: (string | undefined)[]): Omit<WriteRequest, 'decide'> {
    return {
      user: c.get('user'),
      collection,
      id,
      idempotencyKey,
      fingerprint: fingerprint([c.req.method, collection, id, ...parts]),
      location: path(id),
    };
  }

  async function write(c: Context<AppEnv>, request: WriteRequest): Promise<Response> {
    const result = await writeRecord(database, request);
    // The reply is lost on purpose (fault injection), after the write was committed.
    if (result.committed && dropAfterCommit(c, faults)) return new Response(null, { status: 500 });
    return reply(result);
  }

  return routes;
}

/** The write's reply, or the saved one for a replay (marked `Idempotent-Replayed: true`). */
function reply({ reply, replayed }: WriteResult): Response {
  return new Response(reply.body, {
    status: reply.status,
    headers: { ...reply.headers, 'Content-Type': 'application/json', ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}) },
  });
}

/**
 * GET /v1/changes: what changed for the signed-in user since the change a client last saw, in
 * the order the changes were committed. Each change has a number from a per-user sequence that
 * only increases, and numbers become visible in order (see db/records.ts, nextSeq), so reading
 * from `last` again never skips one.
 */
import { Hono } from 'hono';
import type { Database } from '../db/database.js';
import { lastSeq, listChanges } from '../db/records.js';
import type { AppEnv } from '../env.js';
import { badRequest, methodNotAllowed } from '../problems.js';
import { changesQuerySchema, DEFAULT_LIMIT, readQuery } from '../query.js';

export function changesRoutes(database: Database): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', async (c) => {
    const query = readQuery(c, changesQuerySchema);
    const since = Number(query.since ?? 0);
    const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
    const user = c.get('user');
    const latest = await lastSeq(database, user);
    if (since > latest) {
      // The client saw changes this server has never made: its data was reset or restored from
      // an older backup. Reading on would silently miss everything up to `since`.
      throw badRequest(
        `since is ahead of the latest change on this server (${latest}): its data was reset. List every record again, then follow changes from ${latest}.`,
        [{ path: 'since', message: `must be at most ${latest}, the latest change` }],
        'since-ahead',
      );
    }
    const { rows, more } = await listChanges(database, user, since, limit);
    return c.json({
      changes: rows.map((row) => ({ seq: row.seq, collection: row.collection, stored: row.stored })),
      last: rows.at(-1)?.seq ?? since,
      hasMore: more,
    });
  });
  routes.all('/', () => {
    throw methodNotAllowed(['GET', 'HEAD']);
  });
  return routes;
}

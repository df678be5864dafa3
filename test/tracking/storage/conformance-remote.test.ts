/**
 * The conformance suite against `RestAdapter`, talking to the real reference server (started by
 * test/plugins/reference-server.mjs): on PGlite, and again on PostgreSQL where the run has one.
 * Each namespace is its own user on the server. The replica is IndexedDB, laid out as the
 * IndexedDB adapter's, so the raw-store parts of the harness are that harness's, under the
 * replica's database name. Two tabs run two real pages, each syncing with the server. Full
 * storage is the IndexedDB backend's, filled in that adapter's run.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { SYNC_PREFIX } from '../../../src/tracking/storage/envelope.js';
import { IndexedDbBackend } from '../../../src/tracking/storage/indexeddb.js';
import { RestAdapter } from '../../../src/tracking/storage/remote/rest-adapter.js';
import { describeAdapterConformance } from './conformance.js';
import { indexedDbHarness } from './harness-indexeddb.js';

const databases = (await executeServerCommand('reference-server-databases')) as string[];
const replica = (namespace: string) => `remote.${namespace}`;
const { raw } = indexedDbHarness;

for (const database of databases) {
  // With the demo sign-in, so the second tab (test/pages/second-tab.ts) can get its own token.
  const server = (await executeServerCommand('reference-server-start', { database, demoAuth: true })) as { id: number; url: string };
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (sub: string) => {
    if (!tokens.has(sub)) tokens.set(sub, executeServerCommand('reference-server-token', { id: server.id, sub }).then((r) => (r as { token: string }).token));
    return tokens.get(sub)!;
  };

  describeAdapterConformance(`Remote (REST, ${database})`, {
    ...indexedDbHarness,
    kind: 'remote',
    secondTab: `remote:${server.url}`,
    quota: undefined,
    create: (namespace, options) => new RestAdapter({ namespace, endpoint: server.url, getToken: () => tokenFor(namespace), ...options }),
    createBackend: (namespace) => new IndexedDbBackend(replica(namespace)),
    raw: {
      // Without the sync engine's own sync/ entries: it writes them in the background (a pull on
      // open records how far it read), so a test that reads storage before and after a write of
      // its own would see them change, through no act of that write.
      entries: async (namespace) => new Map([...(await raw.entries(replica(namespace)))].filter(([key]) => !key.startsWith(SYNC_PREFIX))),
      get: (namespace, key) => raw.get(replica(namespace), key),
      set: (namespace, entries) => raw.set(replica(namespace), entries),
    },
    clear: (namespace) => indexedDbHarness.clear(replica(namespace)),
  });
}

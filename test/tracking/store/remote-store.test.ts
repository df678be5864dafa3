/**
 * `<training-store storage="remote">` with the real reference server: the store makes a
 * `RestAdapter` from `endpoint` and `getToken`, re-dispatches its sync status, reports a lost
 * sign-in, and `<session-logger>` shows what waits to sync and lets the person settle conflicts.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { deleteDB } from 'idb';
import '../../../src/index.js';
import { newSession } from '../../../src/tracking/model.js';
import type { StorageErrorDetail } from '../../../src/tracking/store/events.js';
import type { TrainingStore } from '../../../src/tracking/store/training-store.js';
import type { SyncStatus } from '../../../src/tracking/storage/sync.js';
import { RestAdapter } from '../../../src/tracking/storage/remote/rest-adapter.js';
import { expectNoAxeViolations } from '../../helpers/axe.js';

interface Server {
  id: number;
  url: string;
}
const server = (await executeServerCommand('reference-server-start')) as Server;
const tokenOf = async (sub: string) => ((await executeServerCommand('reference-server-token', { id: server.id, sub })) as { token: string }).token;
const namespaces: string[] = [];

async function render(getToken: TrainingStore['getToken'], endpoint = server.url) {
  const namespace = `store-${crypto.randomUUID().slice(0, 8)}`;
  namespaces.push(namespace);
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <training-store storage="remote" endpoint=${endpoint} namespace=${namespace} .getToken=${getToken}>
      <session-logger></session-logger>
      <load-chart></load-chart>
      <weekly-summary></weekly-summary>
    </training-store>
  </div>`);
  const store = wrapper.querySelector('training-store')!;
  const logger = wrapper.querySelector('session-logger')!;
  const chart = wrapper.querySelector('load-chart')!;
  const summary = wrapper.querySelector('weekly-summary')!;
  await store.api!.ready;
  return { store, logger, chart, summary, wrapper };
}
const syncText = (logger: Element) => (logger.shadowRoot!.querySelector('.sync')?.textContent ?? '').replace(/\s+/g, ' ').trim();
const session = (day: number, overrides = {}) =>
  newSession({ modality: 'aerobic', rpe: 5, durationMin: 30, timeZone: 'UTC', startedAt: `2026-03-${String(day).padStart(2, '0')}T07:00:00.000Z`, ...overrides });

afterEach(async () => {
  // Closing the store's adapter happens when it leaves the page; then the replicas can go.
  fixtureCleanup();
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (const name of namespaces.splice(0)) await deleteDB(`loadwise:remote.${name}`);
});

describe('<training-store storage="remote">', () => {
  it('keeps sessions on the server through its RestAdapter, and says so in sync-status events', async () => {
    const user = `user-${crypto.randomUUID()}`;
    const token = await tokenOf(user);
    const { store, logger } = await render(() => token);
    expect(store.api!.adapter.kind).to.equal('remote');
    const statuses: SyncStatus[] = [];
    store.addEventListener('sync-status', (e) => statuses.push(e.detail));
    const s = session(2);
    await store.api!.adapter.put('sessions', s, { expectedRev: null });
    await store.api!.sync!.syncNow();
    // The change was waiting, then sent: the last status is in step.
    expect(statuses.some((st) => st.pending === 1)).to.equal(true);
    expect(statuses.at(-1)).to.include({ state: 'idle', pending: 0 });
    const rows = (await executeServerCommand('reference-server-query', { id: server.id, sql: 'SELECT id FROM loadwise_records WHERE user_id = $1', params: [user] })) as {
      rows: { id: string }[];
    };
    expect(rows.rows.map((r) => r.id)).to.deep.equal([s.id]);
    // In step: the logger shows no sync line.
    await logger.updateComplete;
    expect(syncText(logger)).to.equal('');
  });

  it('shows changes waiting while the server cannot be reached, and clears when they are sent', async () => {
    const flaky = (await executeServerCommand('reference-server-start')) as Server;
    const token = ((await executeServerCommand('reference-server-token', { id: flaky.id, sub: 'offline-user' })) as { token: string }).token;
    const { store, logger, chart, summary } = await render(() => token, flaky.url);
    await executeServerCommand('reference-server-down', { id: flaky.id });
    await store.api!.adapter.put('sessions', session(3), { expectedRev: null });
    await waitUntil(() => syncText(logger).includes('1 change saved on this device; they will sync when you are back online.'), 'the waiting change is shown', {
      timeout: 8000,
    });
    await expectNoAxeViolations(logger);
    // The elements that only read say so too.
    const line = (el: Element) => el.shadowRoot!.querySelector('[part="sync"]')?.textContent ?? '';
    await waitUntil(() => [chart, summary].every((el) => line(el).includes('1 change saved on this device')), 'the chart and the week show it');
    await expectNoAxeViolations(chart);
    await executeServerCommand('reference-server-up', { id: flaky.id });
    await store.api!.sync!.syncNow();
    await waitUntil(() => syncText(logger) === '', 'the line clears once sent', { timeout: 8000 });
    await waitUntil(() => [chart, summary].every((el) => !el.shadowRoot!.querySelector('[part="sync"]')), 'and from the chart and the week');
    fixtureCleanup();
    await executeServerCommand('reference-server-stop', { id: flaky.id });
  });

  it('asks for the token again after a 401, then reports unauthorized and asks the person to sign in', async () => {
    const asked: boolean[] = [];
    const { store, logger } = await render(({ refresh }) => {
      asked.push(refresh);
      return 'not-a-valid-token';
    });
    const error = oneEvent(store, 'storage-error') as Promise<CustomEvent<StorageErrorDetail>>;
    await store.api!.adapter.put('sessions', session(4), { expectedRev: null });
    const { detail } = await error;
    expect(detail.code).to.equal('unauthorized');
    expect(detail.operation).to.equal('sync');
    expect(asked.slice(0, 2)).to.deep.equal([false, true]);
    await waitUntil(() => syncText(logger).includes('Sign in again to sync 1 change'), 'the logger asks for a sign-in');
  });

  it('lets the person keep either version of a session changed on two devices', async () => {
    const user = `user-${crypto.randomUUID()}`;
    const token = await tokenOf(user);
    const { store, logger } = await render(() => token);
    const original = session(5);
    const first = await store.api!.adapter.put('sessions', original, { expectedRev: null });
    await store.api!.sync!.syncNow();
    // Another device changes it on the server; this one changes it before hearing of that.
    const other = new RestAdapter({ namespace: `other-${crypto.randomUUID().slice(0, 8)}`, endpoint: server.url, getToken: () => token });
    namespaces.push(other.namespace);
    await other.open();
    await other.syncNow();
    const there = (await other.get('sessions', original.id))!;
    await other.put('sessions', { ...original, durationMin: 60 }, { expectedRev: there.rev });
    await other.syncNow();
    await other.close();
    await store.api!.adapter.put('sessions', { ...original, durationMin: 45 }, { expectedRev: first.rev });
    await waitUntil(() => logger.shadowRoot!.querySelector('.sync-conflict'), 'the conflict is shown', { timeout: 8000 });
    expect(syncText(logger)).to.contain('was changed here and on another device');
    // Both versions, side by side, so the person can tell them apart.
    const versions = [...logger.shadowRoot!.querySelectorAll('.sync-versions div')].map((div) => [div.querySelector('dt')!.textContent, div.querySelector('dd')!.textContent]);
    expect(versions).to.deep.equal([
      ['This device', 'Aerobic · 45 min · RPE 5'],
      ['The other device', 'Aerobic · 60 min · RPE 5'],
    ]);
    await expectNoAxeViolations(logger);
    logger.shadowRoot!.querySelector<HTMLButtonElement>('.sync-conflict [data-keep="remote"]')!.click();
    await waitUntil(async () => {
      const now = await store.api!.adapter.get('sessions', original.id);
      return now && !now.deleted && now.record.durationMin === 60;
    }, 'the other device’s version is kept here');
    await waitUntil(() => !logger.shadowRoot!.querySelector('.sync-conflict'), 'the conflict is gone');
  });

  it('names the missing endpoint', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const store = document.createElement('training-store');
    store.setAttribute('storage', 'remote');
    const error = oneEvent(store, 'storage-error') as Promise<CustomEvent<StorageErrorDetail>>;
    wrapper.append(store);
    const { detail } = await error;
    expect(detail.code).to.equal('unavailable');
    expect(detail.message).to.contain('endpoint');
  });
});

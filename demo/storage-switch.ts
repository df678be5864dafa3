/**
 * The tracker demo's storage switch: keep the log in this browser (localStorage), or on the
 * reference server (`npm run server`, http://127.0.0.1:8787 unless `?server=` says otherwise),
 * signed in through the server's demo-only token route. A real site signs people in its own way
 * and hands `getToken` its access token; everything else is the same.
 */
import type { TrainingStore } from '../src/tracking/store/training-store.js';
import type { SyncStatus } from '../src/tracking/storage/sync.js';

const CHOICE = 'loadwise-demo:storage';
const SUBJECT = 'loadwise-demo:subject';
const server = new URL(new URLSearchParams(location.search).get('server') ?? 'http://127.0.0.1:8787/');
const store = document.querySelector<TrainingStore>('training-store')!;
const status = document.querySelector<HTMLElement>('#storage-status')!;
const radios = [...document.querySelectorAll<HTMLInputElement>('input[name="storage"]')];

let token: Promise<string> | undefined;

/** A demo token for this browser's demo person, from the server's demo sign-in. */
async function signIn(): Promise<string> {
  const sub = localStorage.getItem(SUBJECT);
  const response = await fetch(new URL('/v1/demo/token', server), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(sub ? { sub } : {}),
  });
  if (!response.ok) throw new Error(`the demo sign-in answered ${response.status}`);
  const body = (await response.json()) as { token: string; sub: string };
  localStorage.setItem(SUBJECT, body.sub);
  return body.token;
}

function describe(s: SyncStatus): string {
  if (s.state === 'offline') return `The reference server at ${server.origin} is not answering; ${s.pending} change(s) wait on this device.`;
  if (s.state === 'unauthorized') return 'The demo sign-in expired: choose the server again to sign in.';
  if (s.pending) return `Syncing ${s.pending} change(s) with ${server.origin}…`;
  return `Kept on the reference server at ${server.origin}, with a copy in this browser.`;
}

async function use(choice: 'local' | 'remote'): Promise<void> {
  localStorage.setItem(CHOICE, choice);
  for (const radio of radios) radio.checked = radio.value === choice;
  if (choice === 'local') {
    store.storage = 'local';
    store.namespace = 'tracker';
    status.textContent = 'Kept in this browser only.';
    return;
  }
  status.textContent = `Signing in to the reference server at ${server.origin}…`;
  try {
    token = signIn();
    await token;
  } catch (error) {
    await use('local');
    status.textContent = `The reference server at ${server.origin} could not be reached (${(error as Error).message}). Start it with “npm run server”, then choose it again. The log stays in this browser.`;
    return;
  }
  store.getToken = async ({ refresh }) => {
    if (refresh || !token) token = signIn();
    return token;
  };
  store.endpoint = server.href;
  store.namespace = `tracker.${localStorage.getItem(SUBJECT)}`.slice(0, 64);
  store.storage = 'remote';
  status.textContent = `Kept on the reference server at ${server.origin}, with a copy in this browser.`;
}

store.addEventListener('sync-status', (event) => {
  if (store.storage === 'remote') status.textContent = describe(event.detail);
});
store.addEventListener('storage-error', (event) => {
  // The demo says what happened in its own status line, and the logger shows what is waiting.
  if (event.detail.code === 'unauthorized') event.preventDefault();
});
for (const radio of radios) radio.addEventListener('change', () => radio.checked && void use(radio.value as 'local' | 'remote'));
if (localStorage.getItem(CHOICE) === 'remote') void use('remote');

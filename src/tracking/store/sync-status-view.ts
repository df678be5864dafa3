/**
 * How a tracking element shows syncing with a server: changes waiting (and why, when offline or
 * retrying or signed out), records changed on two devices with a choice of version, and changes
 * the server refused with its reason. Nothing shows while everything is in step. A controller
 * keeps the host's copy of the status current; a render function draws it.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { StringTable } from '../../base/strings.js';
import type { CollectionName } from '../storage/types.js';
import type { TrainingStoreApi } from './context.js';
import type { SyncConflict, SyncStatus } from '../storage/sync.js';

export interface SyncStrings {
  waiting: (n: number) => string;
  offline: (n: number) => string;
  retrying: (n: number) => string;
  unauthorized: (n: number) => string;
  conflictTitle: string;
  conflict: (what: string) => string;
  thisDevice: string;
  otherDevice: string;
  keepLocal: string;
  keepRemote: string;
  refused: (what: string, reason: string) => string;
  dismiss: string;
  removed: string;
}

const changes = (n: number) => `${n} change${n === 1 ? '' : 's'}`;
const cambios = (n: number) => `${n} cambio${n === 1 ? '' : 's'}`;

export const syncStrings: StringTable<SyncStrings> = {
  en: {
    waiting: (n) => `${changes(n)} saved on this device, syncing…`,
    offline: (n) => `${changes(n)} saved on this device; they will sync when you are back online.`,
    retrying: (n) => `${changes(n)} saved on this device; the server is not answering, trying again shortly.`,
    unauthorized: (n) => `Sign in again to sync ${changes(n)} saved on this device.`,
    conflictTitle: 'Changed on another device too',
    conflict: (what) => `${what} was changed here and on another device. Which version should be kept?`,
    thisDevice: 'This device',
    otherDevice: 'The other device',
    keepLocal: 'Keep this device’s',
    keepRemote: 'Keep the other device’s',
    refused: (what, reason) => `${what} was not synced: ${reason}`,
    dismiss: 'Dismiss',
    removed: 'Removed',
  },
  es: {
    waiting: (n) => `${cambios(n)} guardados en este dispositivo, sincronizando…`,
    offline: (n) => `${cambios(n)} guardados en este dispositivo; se sincronizarán cuando vuelvas a tener conexión.`,
    retrying: (n) => `${cambios(n)} guardados en este dispositivo; el servidor no responde, se reintentará en breve.`,
    unauthorized: (n) => `Vuelve a iniciar sesión para sincronizar ${cambios(n)} guardados en este dispositivo.`,
    conflictTitle: 'Cambiado también en otro dispositivo',
    conflict: (what) => `${what} se cambió aquí y en otro dispositivo. ¿Qué versión se conserva?`,
    thisDevice: 'Este dispositivo',
    otherDevice: 'El otro dispositivo',
    keepLocal: 'La de este dispositivo',
    keepRemote: 'La del otro dispositivo',
    refused: (what, reason) => `${what} no se sincronizó: ${reason}`,
    dismiss: 'Descartar',
    removed: 'Eliminada',
  },
};

/**
 * Keeps `status` current for the host's store, following the store the host's
 * `TrainingStoreController` finds (checked before each update); the host redraws on each change.
 */
export class SyncStatusController implements ReactiveController {
  status: SyncStatus | undefined;
  private api: TrainingStoreApi | undefined;
  private stop: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: { readonly api: TrainingStoreApi | undefined },
  ) {
    host.addController(this);
  }

  /** Follows the store's sync (none for storage on the device only) when the store changed. */
  hostUpdate(): void {
    const api = this.store.api;
    if (api === this.api) return;
    this.stop?.();
    this.api = api;
    this.status = api?.sync?.status;
    this.stop = api?.sync?.subscribe((status) => {
      this.status = status;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = undefined;
    this.api = undefined;
  }

  resolve(conflict: SyncConflict, keep: 'local' | 'remote'): Promise<void> {
    return this.api?.sync?.resolveConflict(conflict.collection, conflict.id, keep) ?? Promise.resolve();
  }

  dismiss(key: string): Promise<void> {
    return this.api?.sync?.dismissFailure(key) ?? Promise.resolve();
  }
}

/** What waits to sync, in words; undefined when nothing does. */
function waitingLine({ pending, state }: SyncStatus, t: SyncStrings): string | undefined {
  if (pending === 0) return undefined;
  if (state === 'offline') return t.offline(pending);
  if (state === 'retrying') return t.retrying(pending);
  if (state === 'unauthorized') return t.unauthorized(pending);
  return t.waiting(pending);
}

/** Just the line saying what waits to sync, for elements that only read (the chart, the week). */
export function renderSyncLine(sync: SyncStatusController, t: SyncStrings): TemplateResult | typeof nothing {
  const line = sync.status && waitingLine(sync.status, t);
  return line ? html`<p class="sync-line" part="sync" role="status">${line}</p>` : nothing;
}

/**
 * The status, or nothing while in step. `describe` names a record for people ("Tue 3 March,
 * aerobic") from the record, when the status has it, or from its id.
 */
export function renderSyncStatus(
  sync: SyncStatusController,
  t: SyncStrings,
  describe: (collection: CollectionName, id: string, record: unknown) => string | undefined,
  detail: (collection: CollectionName, record: unknown) => string = () => '',
): TemplateResult | typeof nothing {
  const status = sync.status;
  if (!status) return nothing;
  const line = waitingLine(status, t);
  const pick = (stored: unknown) => (stored && !(stored as { deleted: boolean }).deleted ? (stored as { record: unknown }).record : undefined);
  const name = (conflict: SyncConflict) => describe(conflict.collection, conflict.id, pick(conflict.local) ?? pick(conflict.remote)) ?? t.removed;
  const version = (conflict: SyncConflict, stored: unknown) => {
    const record = pick(stored);
    return record ? detail(conflict.collection, record) || '—' : t.removed;
  };
  if (!line && !status.conflicts.length && !status.failures.length) return nothing;
  return html`<div class="sync" part="sync">
    ${line ? html`<p class="sync-line" role="status">${line}</p>` : nothing}
    ${status.conflicts.map(
      (conflict) => html`<div class="sync-conflict" role="group" aria-label=${t.conflictTitle}>
        <p>${t.conflict(name(conflict))}</p>
        <dl class="sync-versions">
          <div><dt>${t.thisDevice}</dt><dd>${version(conflict, conflict.local)}</dd></div>
          <div><dt>${t.otherDevice}</dt><dd>${version(conflict, conflict.remote)}</dd></div>
        </dl>
        <button type="button" class="secondary small" data-keep="local" @click=${() => void sync.resolve(conflict, 'local')}>${t.keepLocal}</button>
        <button type="button" class="secondary small" data-keep="remote" @click=${() => void sync.resolve(conflict, 'remote')}>${t.keepRemote}</button>
      </div>`,
    )}
    ${status.failures.map(
      (failure) => html`<p class="sync-failure" role="alert">
        ${t.refused(describe(failure.collection, failure.id, undefined) ?? failure.id, failure.message)}
        <button type="button" class="secondary small" @click=${() => void sync.dismiss(failure.key)}>${t.dismiss}</button>
      </p>`,
    )}
  </div>`;
}

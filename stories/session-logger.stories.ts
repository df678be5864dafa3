import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SessionLogger, SessionSaveDetail, SessionSavedDetail } from '../src/entries/session-logger.js';
import type { StorageErrorDetail } from '../src/tracking/store/events.js';
import type { TrainingStore } from '../src/tracking/store/training-store.js';
import { BackendAdapter } from '../src/tracking/storage/backend-adapter.js';
import { MemoryBackend } from '../src/tracking/storage/memory.js';
import { QuotaError } from '../src/tracking/storage/errors.js';
import type { BackendWrite } from '../src/tracking/storage/backend.js';
import { newSession, type TrainingSession } from '../src/tracking/model.js';
import { emptyForm, type FormValues } from '../src/tracking/session-logger/form-model.js';
import { hiddenPrivateMembers } from './support/manifest.js';
import { ShowcaseSyncAdapter } from './support/sync-showcase.js';
import type { SyncStatus } from '../src/tracking/storage/sync.js';

interface LoggerArgs {
  units?: 'metric' | 'imperial';
  glucoseUnit?: 'mg/dL' | 'mmol/L';
  lang?: string;
  onSessionSave?: (event: CustomEvent<SessionSaveDetail>) => void;
  onSessionSaved?: (event: CustomEvent<SessionSavedDetail>) => void;
  onSessionDeleted?: (event: CustomEvent) => void;
  onSessionRestored?: (event: CustomEvent) => void;
  onGlucoseSaved?: (event: CustomEvent) => void;
}

/** The element's private fields and methods, kept out of the docs table. */
const privateMembers = hiddenPrivateMembers('session-logger');

/** A namespace of its own per render: stories keep their data (and drafts) apart. */
const namespace = () => `story-${crypto.randomUUID().slice(0, 8)}`;

const logger = (args: LoggerArgs) => html`<session-logger
  units=${ifDefined(args.units)}
  glucose-unit=${ifDefined(args.glucoseUnit)}
  lang=${ifDefined(args.lang)}
  @session-save=${args.onSessionSave}
  @session-saved=${args.onSessionSaved}
  @session-deleted=${args.onSessionDeleted}
  @session-restored=${args.onSessionRestored}
  @glucose-saved=${args.onGlucoseSaved}
></session-logger>`;

const inMemory = (content: TemplateResult) => html`<training-store storage="memory" namespace=${namespace()}>${content}</training-store>`;

async function loggerIn(canvas: HTMLElement): Promise<SessionLogger> {
  const el = canvas.querySelector('session-logger')!;
  const store = canvas.querySelector<TrainingStore>('training-store');
  await store?.api?.ready;
  await el.updateComplete;
  return el;
}

const filled = (overrides: Partial<FormValues> = {}): FormValues => ({
  ...emptyForm(Intl.DateTimeFormat().resolvedOptions().timeZone),
  modality: 'resistance',
  duration: '50',
  rpe: '7',
  avgHr: '118',
  maxHr: '156',
  exercises: [
    { name: 'Goblet squat', sets: [{ reps: '10', load: '20', rir: '2' }, { reps: '10', load: '20', rir: '1' }] },
    { name: 'Dumbbell row', sets: [{ reps: '12', load: '16', rir: '2' }] },
  ],
  notes: 'Knees felt fine today.',
  sleepQuality: '4',
  fatigue: '2',
  ...overrides,
});

function recent(days: number): TrainingSession[] {
  const modalities = ['aerobic', 'resistance', 'hiit', 'combined', 'other'] as const;
  return Array.from({ length: days }, (_, i) => {
    const start = new Date();
    start.setDate(start.getDate() - i - 1);
    start.setHours(18, 0, 0, 0);
    return newSession({
      modality: modalities[i % modalities.length]!,
      startedAt: start.toISOString(),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      durationMin: 30 + ((i * 7) % 40),
      rpe: 3 + (i % 6),
    });
  });
}

async function seed(canvas: HTMLElement, records: TrainingSession[]): Promise<void> {
  const adapter = canvas.querySelector<TrainingStore>('training-store')!.api!.adapter;
  for (const record of records) await adapter.put('sessions', record, { expectedRev: null });
}

/** A memory backend whose disk is full: every write fails with `QuotaError`. */
class FullBackend extends MemoryBackend {
  override async commit(writes: readonly BackendWrite[]): Promise<void> {
    if (writes.length) throw new QuotaError();
  }
}

/** A memory backend that takes three seconds to commit: long enough to see the saving state. */
class SlowBackend extends MemoryBackend {
  override async commit(writes: readonly BackendWrite[]): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    return super.commit(writes);
  }
}

/**
 * `<session-logger>` logs a training session in under 15 seconds: the kind of session, when, how
 * long and how hard (session RPE on the CR-10 scale), with optional sections folded until wanted.
 * The session load (RPE × minutes) shows as you type. Recent sessions are listed below, each
 * editable, deletable with Undo, and loggable again with today's date.
 *
 * These stories keep data in memory (`<training-store storage="memory">`), each in a namespace of
 * its own.
 */
const meta: Meta<LoggerArgs> = {
  title: 'session-logger',
  component: 'session-logger',
  tags: ['autodocs'],
  args: { units: 'metric', glucoseUnit: 'mg/dL', lang: 'en' },
  argTypes: {
    ...privateMembers,
    units: { control: 'inline-radio', options: ['metric', 'imperial'] },
    glucoseUnit: { control: 'inline-radio', options: ['mg/dL', 'mmol/L'] },
    lang: { control: 'inline-radio', options: ['en', 'es'] },
    values: { control: false },
  } as Meta<LoggerArgs>['argTypes'],
  render: (args) => inMemory(logger(args)),
};
export default meta;

type Story = StoryObj<LoggerArgs>;

/** An empty form, dated now. */
export const Empty: Story = {};

/** A resistance session filled in, with heart rate, exercises, notes and how the person feels. */
export const Filled: Story = {
  play: async ({ canvasElement }) => {
    const el = await loggerIn(canvasElement);
    el.values = filled();
    await el.updateComplete;
  },
};

/** Saving an empty form: a summary lists each problem, and each field shows its own message. */
export const EmptySubmitted: Story = {
  name: 'Errors: nothing filled in',
  play: async ({ canvasElement }) => {
    const el = await loggerIn(canvasElement);
    await el.save();
  },
};

/** Values out of range: each message says what is wrong and what is allowed. */
export const OutOfRange: Story = {
  name: 'Errors: out of range',
  play: async ({ canvasElement }) => {
    const el = await loggerIn(canvasElement);
    el.values = filled({
      duration: '0',
      avgHr: '180',
      maxHr: '170',
      exercises: [{ name: '', sets: [{ reps: '2.5', load: '2000', rir: '12' }] }],
      notes: '',
      glucose: '900',
    });
    await el.save();
  },
};

/**
 * Saving: the button says so and a second press does nothing while the write is under way. This
 * store takes three seconds to save, then the story shows the saved state.
 */
export const Saving: Story = {
  render: (args) => html`<training-store .adapter=${new BackendAdapter(new SlowBackend(namespace()))}>${logger(args)}</training-store>`,
  play: async ({ canvasElement }) => {
    const el = await loggerIn(canvasElement);
    el.values = filled();
    void el.save();
  },
};

/** Storage is full: the entry is kept, the person is told, and can try again. */
export const StorageFull: Story = {
  name: 'Storage failure',
  render: (args) => html`<training-store
    .adapter=${new BackendAdapter(new FullBackend(namespace()))}
    @storage-error=${(event: CustomEvent<StorageErrorDetail>) => event.preventDefault()}
  >
    ${logger(args)}
  </training-store>`,
  play: async ({ canvasElement }) => {
    const el = await loggerIn(canvasElement);
    el.values = filled();
    await el.save();
  },
};

/** Recent sessions below the form: the last 10, then "Show more". */
export const WithHistory: Story = {
  name: 'With recent sessions',
  play: async ({ canvasElement }) => {
    await seed(canvasElement, recent(14));
    await (await loggerIn(canvasElement)).updateComplete;
  },
};

/** The session being edited was changed in another tab: both versions, and a choice. */
export const Conflict: Story = {
  play: async ({ canvasElement }) => {
    const [record] = recent(1);
    await seed(canvasElement, [record!]);
    const el = await loggerIn(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="edit"]')!.click();
    await el.updateComplete;
    const adapter = canvasElement.querySelector<TrainingStore>('training-store')!.api!.adapter;
    const current = await adapter.get('sessions', record!.id);
    await adapter.put('sessions', { ...record!, durationMin: 75, notes: 'Changed on the phone.' }, { expectedRev: current!.rev });
    el.values = { ...el.values, duration: '45', rpe: '6' };
    await el.save();
  },
};

/** With `storage="remote"`: what shows while syncing with the server is not in step. */
const syncing = (status: (sessions: TrainingSession[]) => SyncStatus): Story => ({
  render: (args) => {
    const sessions = recent(3);
    const adapter = new ShowcaseSyncAdapter(namespace(), status(sessions));
    // The page handles a lost sign-in itself (its own sign-in prompt), so it keeps it out of the console.
    return html`<training-store .adapter=${adapter} @storage-error=${(event: CustomEvent<StorageErrorDetail>) => event.preventDefault()}
      >${logger(args)}</training-store
    >`;
  },
  play: async ({ canvasElement }) => {
    const store = canvasElement.querySelector<TrainingStore>('training-store')!;
    const adapter = store.adapter as ShowcaseSyncAdapter;
    await store.api!.ready;
    for (const s of recent(3)) await adapter.put('sessions', s, { expectedRev: null });
    await (await loggerIn(canvasElement)).updateComplete;
  },
});
const idle: SyncStatus = { state: 'idle', pending: 0, conflicts: [], failures: [] };
/** Offline: changes are saved on the device and wait to be sent. */
export const SyncOffline: Story = { name: 'Sync: offline, changes waiting', ...syncing(() => ({ ...idle, state: 'offline', pending: 3 })) };
export const SyncSignedOut: Story = { name: 'Sync: signed out', ...syncing(() => ({ ...idle, state: 'unauthorized', pending: 1 })) };
/** A session changed here and on another device: the person picks the version to keep. */
export const SyncConflict: Story = {
  name: 'Sync: changed on another device',
  ...syncing(() => {
    const mine = recent(1)[0]!;
    return {
      ...idle,
      conflicts: [
        {
          collection: 'sessions',
          id: mine.id,
          local: { id: mine.id, rev: '3-local', deleted: false, record: { ...mine, durationMin: 45 } },
          remote: { id: mine.id, rev: '4-remote', deleted: false, record: { ...mine, durationMin: 60 } },
        },
      ],
    };
  }),
};
/** The server refused a change (here, too large): kept on the device, with the server's reason. */
export const SyncRefused: Story = {
  name: 'Sync: refused by the server',
  ...syncing(() => ({
    ...idle,
    failures: [{ key: 'sync/failed/1', collection: 'sessions', id: crypto.randomUUID(), op: 'put', status: 413, message: 'The request body is larger than the server accepts (262144 bytes).', issues: [] }],
  })),
};

/** `units="imperial"`: loads in pounds (stored as kilograms). */
export const Imperial: Story = {
  args: { units: 'imperial' },
  play: async ({ canvasElement }) => {
    const el = await loggerIn(canvasElement);
    el.values = filled({ exercises: [{ name: 'Back squat', sets: [{ reps: '5', load: '185', rir: '2' }] }] });
    await el.updateComplete;
  },
};

/** `glucose-unit="mmol/L"`: glucose typed in mmol/L (stored as mg/dL). */
export const Mmol: Story = {
  name: 'Glucose in mmol/L',
  args: { glucoseUnit: 'mmol/L' },
  play: async ({ canvasElement }) => {
    const el = await loggerIn(canvasElement);
    el.values = filled({ modality: 'aerobic', exercises: [], glucose: '5.6', glucoseContext: 'after-meal' });
    await el.updateComplete;
  },
};

/** `lang="es"`: every word from the Spanish table, numbers and dates through `Intl`. */
export const Spanish: Story = {
  name: 'Spanish',
  args: { lang: 'es' },
  play: async ({ canvasElement }) => {
    await seed(canvasElement, recent(3));
    const el = await loggerIn(canvasElement);
    await el.save();
  },
};

/** On a dark page: colours follow the page's text colour. */
export const Dark: Story = {
  globals: { scheme: 'dark' },
  play: async ({ canvasElement }) => {
    await seed(canvasElement, recent(3));
    const el = await loggerIn(canvasElement);
    el.values = filled({ duration: '0' });
    await el.save();
  },
};

/** In a 320 px column, as on a small phone. */
export const Narrow: Story = {
  globals: { width: 'narrow' },
  play: async ({ canvasElement }) => {
    await seed(canvasElement, recent(3));
    const el = await loggerIn(canvasElement);
    el.values = filled();
    await el.updateComplete;
  },
};

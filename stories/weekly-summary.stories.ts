import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/entries/weekly-summary.js';
import { MemoryAdapter } from '../src/tracking/storage/memory.js';
import { ShowcaseSyncAdapter } from './support/sync-showcase.js';
import { newSession, type Modality } from '../src/tracking/model.js';

type Plan = [day: number, modality: Modality, minutes: number][];

interface SummaryArgs {
  plan: Plan;
  lang?: string;
  /** Keep the week in a store whose changes are waiting to sync (storage="remote", offline). */
  syncWaiting?: boolean;
}

/** Ids differ per render: a docs page shows every story at once. */
let renders = 0;

/** A session at 07:30 UTC on day `day` of the week from Monday 23 November 2026. */
const on = ([day, modality, durationMin]: Plan[number]) =>
  newSession({ modality, durationMin, rpe: 5, timeZone: 'UTC', startedAt: `2026-11-${23 + day}T07:30:00.000Z` });

/**
 * `<weekly-summary>` reads the week's sessions from its store and shows them against the
 * published targets. Each story seeds a memory store with a week of sessions; the summary is
 * pinned to the week of 25 November 2026 (weeks from Monday, UTC) so every render is the same.
 */
const meta: Meta<SummaryArgs> = {
  title: 'weekly-summary',
  component: 'weekly-summary',
  tags: ['autodocs'],
  args: { plan: [] },
  argTypes: { plan: { control: false } },
  loaders: [
    async ({ args }) => {
      const namespace = `weekly-story-${++renders}`;
      const adapter = (args as SummaryArgs).syncWaiting
        ? new ShowcaseSyncAdapter(namespace, { state: 'offline', pending: 2, conflicts: [], failures: [] })
        : new MemoryAdapter({ namespace });
      await adapter.open();
      for (const entry of (args as SummaryArgs).plan) await adapter.put('sessions', on(entry), { expectedRev: null });
      return { adapter };
    },
  ],
  render: (args, { loaded }) =>
    html`<div lang=${args.lang ?? 'en'}>
      <training-store .adapter=${loaded.adapter}>
        <weekly-summary date="2026-11-25" week-start="monday" time-zone="UTC"></weekly-summary>
      </training-store>
    </div>`,
};
export default meta;
type Story = StoryObj<SummaryArgs>;

const goodWeek: Plan = [
  [0, 'aerobic', 40],
  [1, 'resistance', 45],
  [2, 'hiit', 25],
  [3, 'resistance', 45],
  [4, 'aerobic', 45],
  [6, 'combined', 80],
];

/** Nothing logged yet: every target at zero, said plainly. */
export const Empty: Story = {};

/** Every target reached: 150 aerobic-type minutes, resistance on non-consecutive days, no long break. */
export const TargetsReached: Story = { name: 'Targets reached', args: { plan: goodWeek } };

/** Part of the way there, early in the week. */
export const Partway: Story = { args: { plan: [[0, 'aerobic', 30], [1, 'resistance', 40]] } };

/** Two resistance days back to back, and a four-day break. */
export const BackToBack: Story = {
  name: 'Back-to-back resistance days',
  args: { plan: [[0, 'resistance', 40], [1, 'resistance', 40], [6, 'aerobic', 30]] },
};

/** `lang="es"`: the element's words in Spanish, dates and numbers through Intl. */
export const Spanish: Story = { name: 'Spanish (lang="es")', args: { plan: goodWeek, lang: 'es' } };

/** On a dark page: the text colour is inherited and the bars are mixed from it. */
export const Dark: Story = { args: { plan: goodWeek }, globals: { scheme: 'dark' } };

/** In a 320px phone column. */
export const Narrow: Story = { name: '320px', args: { plan: goodWeek }, globals: { width: 'narrow' } };
/** With `storage="remote"` while offline: the week says changes are waiting to sync. */
export const SyncWaiting: Story = { name: 'Sync: changes waiting (offline)', args: { plan: goodWeek, syncWaiting: true } };

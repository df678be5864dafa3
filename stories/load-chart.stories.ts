import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/entries/load-chart.js';
import { MemoryAdapter } from '../src/tracking/storage/memory.js';
import { ShowcaseSyncAdapter } from './support/sync-showcase.js';
import { sampleGlucose, sampleSessions } from '../src/tracking/sample-data.js';
import { addDays } from '../src/tracking/metrics/calendar.js';
import { newSession } from '../src/tracking/model.js';

interface ChartArgs {
  range?: string;
  method?: string;
  panels?: string;
  variant?: string;
  glucoseUnit?: string;
  /** Seed fasting glucose readings too. */
  glucose?: boolean;
  /** Keep the data in a store whose changes are waiting to sync (storage="remote", offline). */
  syncWaiting?: boolean;
  lang?: string;
  /** Days of sample history (0 for none). */
  history: number;
  /** The hand-worked 28-day series instead of sample history. */
  vector?: boolean;
}

const TODAY = '2026-11-22';
const VECTOR = [150, 0, 280, 0, 180, 0, 200, 160, 0, 280, 0, 200, 0, 220, 180, 0, 300, 0, 210, 0, 240, 300, 240, 420, 0, 360, 300, 400];
let renders = 0;

/**
 * `<load-chart>` reads sessions from its store. Each story seeds a memory store (six months of
 * plausible training, or the hand-worked 28 days) and pins "today" to 22 November 2026.
 */
const meta: Meta<ChartArgs> = {
  title: 'load-chart',
  component: 'load-chart',
  tags: ['autodocs'],
  args: { range: '12w', method: 'ewma', panels: '', variant: 'exponential', history: 182, glucose: false },
  argTypes: {
    range: { control: 'inline-radio', options: ['4w', '12w', '6m', '1y', 'all'] },
    method: { control: 'inline-radio', options: ['ewma', 'rolling', 'rolling-uncoupled'] },
    panels: { control: 'select', options: ['', 'monotony', 'fitness', 'monotony fitness'] },
    variant: { control: 'inline-radio', options: ['exponential', 'linear'] },
    glucoseUnit: { control: 'inline-radio', options: [undefined, 'mg/dL', 'mmol/L'] },
    glucose: { control: 'boolean' },
    history: { control: { type: 'number', min: 0, max: 730 } },
    vector: { control: 'boolean' },
  },
  loaders: [
    async ({ args }) => {
      const { history, vector, glucose, syncWaiting } = args as ChartArgs;
      const namespace = `chart-story-${++renders}`;
      const adapter = syncWaiting
        ? new ShowcaseSyncAdapter(namespace, { state: 'offline', pending: 3, conflicts: [], failures: [] })
        : new MemoryAdapter({ namespace });
      await adapter.open();
      const sessions = vector
        ? VECTOR.flatMap((load, i) =>
            load ? [newSession({ modality: 'aerobic', rpe: 5, durationMin: load / 5, timeZone: 'UTC', startedAt: `${addDays(TODAY, i - 27)}T07:00:00.000Z` })] : [],
          )
        : history
          ? sampleSessions({ until: TODAY, days: history })
          : [];
      for (const s of sessions) await adapter.put('sessions', s, { expectedRev: null });
      if (glucose) for (const r of sampleGlucose({ until: TODAY, days: history })) await adapter.put('glucose', r, { expectedRev: null });
      return { adapter };
    },
  ],
  render: (args, { loaded }) =>
    html`<div lang=${args.lang ?? 'en'}>
      <training-store .adapter=${loaded.adapter}>
        <load-chart
          date=${TODAY}
          time-zone="UTC"
          range=${args.range ?? '12w'}
          method=${args.method ?? 'ewma'}
          panels=${args.panels ?? ''}
          variant=${args.variant ?? 'exponential'}
          glucose-unit=${ifDefined(args.glucoseUnit)}
        ></load-chart>
      </training-store>
    </div>`,
};
export default meta;
type Story = StoryObj<ChartArgs>;

/** Six months of training, the last 12 weeks drawn. */
export const TwelveWeeks: Story = { name: '12 weeks' };
/** The 28 days: 2,020 AU this week, 1.46 times the chronic load, "well above". */
export const HandWorkedVector: Story = { name: 'Hand-worked 28 days', args: { vector: true, range: '4w' } };
export const FourWeeks: Story = { name: '4 weeks', args: { range: '4w' } };
export const SixMonths: Story = { name: '6 months', args: { range: '6m' } };
export const OneYear: Story = { name: '1 year', args: { range: '1y', history: 365 } };
export const All: Story = { args: { range: 'all', history: 540 } };
/** Rolling 7- and 28-day means, coupled. */
export const Rolling: Story = { args: { method: 'rolling' } };
/** The 7-day mean over the 21 days before it. */
export const RollingUncoupled: Story = { name: 'Rolling, uncoupled', args: { method: 'rolling-uncoupled' } };
/** The first weeks: the ratio waits for 28 days of history. */
export const BuildingBaseline: Story = { name: 'Building the baseline', args: { history: 12, range: '4w' } };
/** Nothing logged yet: the chart invites the first log. */
export const Empty: Story = { args: { history: 0 } };
export const Spanish: Story = { name: 'Spanish (lang="es")', args: { lang: 'es' } };
export const Dark: Story = { globals: { scheme: 'dark' } };
export const Narrow: Story = { name: '320px', args: { range: '4w' }, globals: { width: 'narrow' } };
/** Monotony (mean ÷ SD of the last 7 days) and strain (week load × monotony), Foster 1998. */
export const MonotonyAndStrain: Story = { name: 'Panel: monotony and strain', args: { panels: 'monotony' } };
/** Fitness (42-day), fatigue (7-day) and form, with exponential decay as GoldenCheetah. */
export const FitnessFatigueForm: Story = { name: 'Panel: fitness, fatigue and form', args: { panels: 'fitness' } };
/** The same with linear decay (1/N), as TrainingPeaks. */
export const FitnessLinear: Story = { name: 'Panel: fitness, linear decay', args: { panels: 'fitness', variant: 'linear' } };
export const AllPanels: Story = { name: 'Every panel, 6 months', args: { panels: 'monotony fitness', range: '6m' } };
/** Fasting glucose readings over the load, on their own axis (mg/dL). */
export const FastingGlucose: Story = { name: 'Fasting glucose overlay', args: { glucose: true, glucoseUnit: 'mg/dL' } };
export const FastingGlucoseMmol: Story = { name: 'Fasting glucose in mmol/L', args: { glucose: true, glucoseUnit: 'mmol/L', panels: 'fitness' } };
/** A day explored with the keyboard: the tooltip beside the focus line. */
export const Tooltip: Story = {
  name: 'Tooltip (keyboard)',
  args: { glucose: true, panels: 'monotony' },
  play: async ({ canvasElement }) => {
    const chart = canvasElement.querySelector('load-chart')!;
    const svg = await new Promise<SVGSVGElement>((resolve) => {
      const look = () => {
        const found = chart.shadowRoot?.querySelector('svg');
        if (found) resolve(found);
        else requestAnimationFrame(look);
      };
      look();
    });
    svg.focus();
    for (const key of ['End', 'ArrowLeft', 'ArrowLeft']) svg.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  },
};
export const DarkWithPanels: Story = { name: 'Dark, with panels and glucose', args: { panels: 'monotony fitness', glucose: true }, globals: { scheme: 'dark' } };
export const NarrowWithPanels: Story = { name: '320px, with panels and glucose', args: { range: '4w', panels: 'monotony fitness', glucose: true }, globals: { width: 'narrow' } };
/** With `storage="remote"` while offline: the chart says changes are waiting to sync. */
export const SyncWaiting: Story = { name: 'Sync: changes waiting (offline)', args: { syncWaiting: true } };

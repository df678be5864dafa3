import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/index.js';
import '../../../src/entries/weekly-summary.js';
import { newSession, type Modality } from '../../../src/tracking/model.js';
import { localeFirstDay, weekStartOf } from '../../../src/tracking/weekly-summary/week.js';
import type { WeeklySummary } from '../../../src/tracking/weekly-summary/weekly-summary.js';
import type { TrainingStore } from '../../../src/tracking/store/training-store.js';
import { expectNoAxeViolations } from '../../helpers/axe.js';

let n = 0;
/** A memory store with a summary of the week of Wednesday 25 November 2026 (weeks from Monday, UTC). */
async function render(lang = 'en') {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}>
    <training-store storage="memory" namespace=${`weekly-${++n}`}>
      <weekly-summary date="2026-11-25" week-start="monday" time-zone="UTC"></weekly-summary>
    </training-store>
  </div>`);
  const store = wrapper.querySelector('training-store') as TrainingStore;
  const summary = wrapper.querySelector('weekly-summary') as WeeklySummary;
  await store.api!.ready;
  return { wrapper, store, summary };
}

/** A session at 08:00 UTC on day `day` of the week from Monday 23 November. */
const on = (day: number, modality: Modality, durationMin: number) =>
  newSession({ modality, durationMin, rpe: 5, timeZone: 'UTC', startedAt: `2026-11-${23 + day}T08:00:00.000Z` });

const text = (summary: WeeklySummary) => (summary.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
const target = (summary: WeeklySummary, id: string) =>
  (summary.shadowRoot!.querySelector(`[data-target="${id}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** How much of its track a target's bar fills, as drawn (0–1). */
function barFill(summary: WeeklySummary, id: string): number {
  const track = summary.shadowRoot!.querySelector(`[data-target="${id}"] [part="bar"]`)!;
  return track.firstElementChild!.getBoundingClientRect().width / track.getBoundingClientRect().width;
}

describe('<weekly-summary>', () => {
  it('shows an empty week encouragingly, with every target at zero and its sources', async () => {
    const { summary } = await render();
    await waitUntil(() => text(summary).includes('Nothing logged yet'), 'the empty week shows');
    expect(target(summary, 'aerobic')).to.contain('0 of 150 minutes').and.contain('Not yet');
    expect(target(summary, 'resistance')).to.contain('0 of 2–3 days');
    // Pinned to Wednesday: Monday to Wednesday have happened, the rest of the week has not.
    expect(target(summary, 'rest')).to.contain('3 days in a row without activity');
    expect(text(summary)).to.match(/November 23\s*–\s*29/);
    const links = [...summary.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="sources"] a')].map((a) => a.href);
    expect(links).to.deep.equal(['https://doi.org/10.2337/dc16-1728', 'https://doi.org/10.1249/MSS.0000000000002800']);
    expect(text(summary)).to.contain('not personal medical advice');
    await expectNoAxeViolations(summary);
  });

  it('shows the week against each target, and updates live as sessions are saved', async () => {
    const { store, summary } = await render();
    const { adapter } = store.api!;
    for (const s of [on(0, 'aerobic', 50), on(1, 'resistance', 45), on(2, 'hiit', 25), on(4, 'aerobic', 50)]) {
      await adapter.put('sessions', s, { expectedRev: null });
    }
    await waitUntil(() => target(summary, 'aerobic').includes('125 of 150'), 'aerobic minutes show');
    // The bars are as long as the figures say: 125 of 150 minutes, 1 of 2 days.
    expect(barFill(summary, 'aerobic')).to.be.closeTo(125 / 150, 0.02);
    expect(barFill(summary, 'resistance')).to.be.closeTo(1 / 2, 0.02);
    expect(target(summary, 'resistance')).to.contain('1 of 2–3 days').and.contain('Not yet');
    // Monday to Wednesday (today) each had a session; Friday's is logged ahead, and later days have not happened.
    expect(target(summary, 'rest')).to.contain('Active every day').and.contain('Reached');
    expect(target(summary, 'both')).to.contain('This week combined aerobic-type and resistance training.');

    // A combined session on Sunday: 25 aerobic minutes (half of 50) and a second resistance day.
    await adapter.put('sessions', on(6, 'combined', 50), { expectedRev: null });
    await waitUntil(() => target(summary, 'aerobic').includes('150 of 150'), 'the summary redraws without a reload');
    expect(target(summary, 'aerobic')).to.contain('Reached');
    expect(target(summary, 'resistance')).to.contain('2 of 2–3 days').and.contain('Reached');
    // Sessions outside the week change nothing.
    await adapter.put('sessions', on(7, 'aerobic', 500), { expectedRev: null });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(target(summary, 'aerobic')).to.contain('150 of 150');
    await expectNoAxeViolations(summary);
  });

  it('says so when two resistance days are back to back', async () => {
    const { store, summary } = await render();
    await store.api!.adapter.put('sessions', on(0, 'resistance', 40), { expectedRev: null });
    await store.api!.adapter.put('sessions', on(1, 'resistance', 40), { expectedRev: null });
    await waitUntil(() => target(summary, 'resistance').includes('2 of 2–3'), 'both days count');
    expect(target(summary, 'resistance')).to.contain('back to back').and.contain('Not yet');
  });

  it('speaks Spanish with lang="es"', async () => {
    const { summary } = await render('es');
    await waitUntil(() => text(summary).includes('Aún no hay nada registrado'), 'Spanish empty state');
    expect(text(summary)).to.contain('Esta semana').and.contain('0 de 150 minutos');
    await expectNoAxeViolations(summary);
  });
});

describe('which week', () => {
  it('starts weeks on the locale’s first day: Sunday in the US, Monday in the UK', () => {
    expect(localeFirstDay('en-US')).to.equal(0);
    expect(localeFirstDay('en-GB')).to.equal(1);
    expect(weekStartOf('2026-11-25', 0)).to.equal('2026-11-22');
    expect(weekStartOf('2026-11-25', 1)).to.equal('2026-11-23');
    expect(weekStartOf('2026-11-23', 1)).to.equal('2026-11-23');
    expect(weekStartOf('2026-11-22', 1)).to.equal('2026-11-16');
  });
});

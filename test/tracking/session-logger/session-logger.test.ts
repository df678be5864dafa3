import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { pageDefaultStore } from '../../../src/tracking/store/page-default.js';
import { expectNoAxeViolations } from '../../helpers/axe.js';
import { choose, enterRoutineSession, focusedId, mount, ns, openSection, press, q, sessionsIn, submit, text, type } from './helpers.js';
import type { SessionLogger, SessionSavedDetail, GlucoseSavedDetail, SessionSaveDetail } from '../../../src/entries/session-logger.js';
import { BackendAdapter } from '../../../src/tracking/storage/backend-adapter.js';
import { MemoryBackend } from '../../../src/tracking/storage/memory.js';
import { OfflineError, QuotaError } from '../../../src/tracking/storage/errors.js';
import type { BackendWrite } from '../../../src/tracking/storage/backend.js';

const metric = (namespace = ns()) => html`<training-store storage="memory" namespace=${namespace}>
  <session-logger units="metric" glucose-unit="mg/dL" time-zone="Europe/Paris" lang="en"></session-logger>
</training-store>`;

/** A memory backend whose disk is full until told otherwise: a real backend, a real failure. */
class FullBackend extends MemoryBackend {
  full = true;
  override async commit(writes: readonly BackendWrite[]): Promise<void> {
    if (this.full) throw new QuotaError();
    return super.commit(writes);
  }
}

/** The write reaches the disk, but the reply is lost once: the page sees an offline error. */
class LostReplyBackend extends MemoryBackend {
  lose = true;
  override async commit(writes: readonly BackendWrite[]): Promise<void> {
    await super.commit(writes);
    if (this.lose && writes.some(([key]) => key.includes('sessions'))) {
      this.lose = false;
      throw new OfflineError();
    }
  }
}

/** A backend whose writes wait until released: a slow disk or network. */
class GatedBackend extends MemoryBackend {
  release: () => void = () => {};
  private gate = new Promise<void>((resolve) => (this.release = resolve));
  override async commit(writes: readonly BackendWrite[]): Promise<void> {
    await this.gate;
    return super.commit(writes);
  }
}

describe('<session-logger>: the form', () => {
  it('labels every field in plain words and starts at now in its time zone', async () => {
    const { logger } = await mount(metric());
    const date = q<HTMLInputElement>(logger, '#date')!;
    const now = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    expect(date.value).to.equal(now);
    expect(text(logger, 'label[for="duration"]')).to.equal('Duration (minutes)');
    expect(text(logger, 'fieldset.modality legend')).to.equal('Kind of session');
    expect(text(logger, 'label[for="rpe-7"]')).to.equal('7 Very hard');
    expect(text(logger, 'label[for="rpe-0"]')).to.equal('0 Rest');
    expect(text(logger, '#rpe-hint')).to.contain('about 30 minutes after');
    await expectNoAxeViolations(logger);
  });

  it('on an empty submit, lists every problem, marks each field and moves focus to the first', async () => {
    const { logger, adapter } = await mount(metric());
    await submit(logger);
    expect(text(logger, '.summary-title')).to.equal('There are 3 problems to fix before saving:');
    expect(focusedId(logger)).to.equal('modality-aerobic');
    const duration = q<HTMLInputElement>(logger, '#duration')!;
    expect(duration.getAttribute('aria-invalid')).to.equal('true');
    expect(duration.getAttribute('aria-describedby')).to.equal('duration-error');
    expect(text(logger, '#duration-error')).to.equal('Duration must be between 1 and 1440 minutes.');
    expect(text(logger, '#modality-error')).to.equal('Choose the kind of session: Aerobic, Resistance, HIIT, Combined or Other.');
    expect(q(logger, 'fieldset.rpe')!.getAttribute('aria-describedby')).to.equal('rpe-hint rpe-error');
    expect(await sessionsIn(adapter)).to.have.length(0);
    await expectNoAxeViolations(logger);

    // A link in the summary focuses its field.
    q<HTMLAnchorElement>(logger, '.summary a[href="#duration"]')!.click();
    expect(focusedId(logger)).to.equal('duration');
  });

  it('checks a field when the person leaves it, and clears the message once fixed', async () => {
    const { logger } = await mount(metric());
    await type(logger, 'duration', '0');
    expect(q(logger, '#duration-error')).to.equal(null);
    await press(logger, 'Tab');
    expect(text(logger, '#duration-error')).to.equal('Duration must be between 1 and 1440 minutes.');
    await type(logger, 'duration', '{Backspace}');
    q<HTMLInputElement>(logger, '#duration')!.select();
    await type(logger, 'duration', '30');
    expect(q(logger, '#duration-error')).to.equal(null);
    expect(q<HTMLInputElement>(logger, '#duration')!.hasAttribute('aria-invalid')).to.equal(false);
  });

  it('saves a routine session typed with the keyboard alone, showing the load live', async () => {
    const { logger, adapter } = await mount(metric());
    const saved: SessionSavedDetail[] = [];
    logger.addEventListener('session-saved', (e) => saved.push(e.detail));
    // Keyboard only: focus the first radio, arrow to "HIIT".
    q<HTMLInputElement>(logger, '#modality-aerobic')!.focus();
    await press(logger, 'ArrowRight');
    await press(logger, 'ArrowRight');
    expect(q<HTMLInputElement>(logger, '#modality-hiit')!.checked).to.equal(true);
    q<HTMLInputElement>(logger, '#duration')!.focus();
    await press(logger, '2');
    await press(logger, '5');
    expect(text(logger, '#load')).to.equal('Session load: Enter duration and RPE to see the load.');
    q<HTMLInputElement>(logger, '#rpe-0')!.focus();
    for (let i = 0; i < 8; i++) await press(logger, 'ArrowRight');
    expect(text(logger, '#load')).to.equal('Session load: 200 AU (RPE × minutes)');
    expect(q(logger, '#load')!.getAttribute('aria-live')).to.equal('polite');
    await press(logger, 'Enter');
    await logger.updateComplete;

    const [session] = await sessionsIn(adapter);
    expect(session?.modality).to.equal('hiit');
    expect(session?.durationMin).to.equal(25);
    expect(session?.rpe).to.equal(8);
    expect(session?.timeZone).to.equal('Europe/Paris');
    expect(saved.map((d) => [d.record.id, d.created])).to.deep.equal([[session!.id, true]]);
    expect(text(logger, '.status')).to.equal('Session saved.');
    expect(q<HTMLInputElement>(logger, '#duration')!.value).to.equal('');
    await expectNoAxeViolations(logger);
  });

  it('converts pounds and mmol/L to kilograms and mg/dL, and saves the glucose reading', async () => {
    const { logger, adapter } = await mount(html`<training-store storage="memory" namespace=${ns()}>
      <session-logger units="imperial" glucose-unit="mmol/L" time-zone="UTC" lang="en"></session-logger>
    </training-store>`);
    const glucoseSaved: GlucoseSavedDetail[] = [];
    logger.addEventListener('glucose-saved', (e) => glucoseSaved.push(e.detail));
    await choose(logger, 'modality', 'resistance');
    await type(logger, 'duration', '50');
    await choose(logger, 'rpe', '7');
    await openSection(logger, 'Exercises');
    q<HTMLButtonElement>(logger, '#add-exercise')!.click();
    await logger.updateComplete;
    expect(focusedId(logger)).to.equal('ex-0-name');
    await type(logger, 'ex-0-name', '<b>Squat</b>');
    expect(text(logger, 'label[for="ex-0-set-0-load"]')).to.equal('Load (lb)');
    await type(logger, 'ex-0-set-0-reps', '5');
    await type(logger, 'ex-0-set-0-load', '225');
    await type(logger, 'ex-0-set-0-rir', '2');
    await openSection(logger, 'Glucose reading');
    expect(text(logger, 'label[for="glucose"]')).to.equal('Glucose (mmol/L)');
    await type(logger, 'glucose', '5,5');
    const context = q<HTMLSelectElement>(logger, '#glucoseContext')!;
    context.value = 'fasting';
    context.dispatchEvent(new Event('change', { bubbles: true }));
    await submit(logger);
    await logger.updateComplete;

    const [session] = await sessionsIn(adapter);

    expect(session?.exercises).to.deep.equal([{ name: '<b>Squat</b>', sets: [{ reps: 5, loadKg: 102.058, rir: 2 }] }]);
    const readings = (await adapter.list('glucose')).items.flatMap((i) => (i.deleted ? [] : [i.record]));
    expect(readings.map((r) => [r.mgdl, r.context])).to.deep.equal([[99.1, 'fasting']]);
    expect(glucoseSaved).to.have.length(1);
    expect(text(logger, '.status')).to.equal('Session and glucose reading saved.');
  });

  it('shows each glucose and exercise error next to its field', async () => {
    const { logger } = await mount(html`<training-store storage="memory" namespace=${ns()}>
      <session-logger units="metric" glucose-unit="mmol/L" lang="en"></session-logger>
    </training-store>`);
    await choose(logger, 'modality', 'combined');
    await openSection(logger, 'Exercises');
    q<HTMLButtonElement>(logger, '#add-exercise')!.click();
    await logger.updateComplete;
    await type(logger, 'ex-0-set-0-reps', '2.5');
    await type(logger, 'ex-0-set-0-load', '2000');
    await openSection(logger, 'Glucose reading');
    await type(logger, 'glucose', '99');
    await submit(logger);
    expect(text(logger, '#ex-0-name-error')).to.equal('Give this exercise a name.');
    expect(text(logger, '#ex-0-set-0-reps-error')).to.equal('Reps must be a whole number between 0 and 1000.');
    expect(text(logger, '#ex-0-set-0-load-error')).to.equal('Load must be between 0 and 1000 kg.');
    expect(text(logger, '#glucose-error')).to.equal('Glucose must be between 1.2 and 33.3 mmol/L.');
    expect(text(logger, '#glucoseContext-error')).to.equal('Choose when the glucose reading was taken.');
    await openSection(logger, 'Heart rate');
    await type(logger, 'avgHr', '170');
    await type(logger, 'maxHr', '160');
    await press(logger, 'Tab');
    expect(text(logger, '#avgHr-error')).to.equal('Average heart rate cannot be above the maximum heart rate.');
    await expectNoAxeViolations(logger);
  });

  it('keeps an unfinished entry as a draft across a reload, until discarded', async () => {
    const namespace = ns();
    const first = await mount(metric(namespace));
    await choose(first.logger, 'modality', 'aerobic');
    await type(first.logger, 'duration', '40');
    first.root.remove();

    const second = await mount(metric(namespace));
    expect(q<HTMLInputElement>(second.logger, '#modality-aerobic')!.checked).to.equal(true);
    expect(q<HTMLInputElement>(second.logger, '#duration')!.value).to.equal('40');
    expect(text(second.logger, '.notice p')).to.equal('Your unfinished entry was restored.');
    await expectNoAxeViolations(second.logger);
    [...second.logger.shadowRoot!.querySelectorAll<HTMLButtonElement>('.notice button')][0]!.click();
    await second.logger.updateComplete;
    expect(q<HTMLInputElement>(second.logger, '#duration')!.value).to.equal('');
    expect(localStorage.getItem(`loadwise-draft:${namespace}:session-logger`)).to.equal(null);
    second.root.remove();
  });

  it('keeps the values when storage is full, says so, and Retry saves once', async () => {
    const backend = new FullBackend(ns());
    const adapter = new BackendAdapter(backend);
    const reported: string[] = [];
    const onError = (e: CustomEvent<{ code: string }>) => {
      e.preventDefault();
      reported.push(e.detail.code);
    };
    const { logger } = await mount(html`<training-store .adapter=${adapter} @storage-error=${onError}>
      <session-logger units="metric" time-zone="UTC" lang="en"></session-logger>
    </training-store>`);
    await enterRoutineSession(logger);
    await submit(logger);
    await logger.updateComplete;
    expect(text(logger, '.failure p')).to.equal('Not saved: storage on this device is full. Your entry is kept; free some space and try again.');
    expect(q<HTMLInputElement>(logger, '#duration')!.value).to.equal('30');
    expect(reported).to.deep.equal(['quota']);
    await expectNoAxeViolations(logger);

    backend.full = false;
    q<HTMLButtonElement>(logger, '#retry')!.click();
    await logger.updateComplete;
    const sessions = await sessionsIn(adapter);
    expect(sessions.map((s) => s.durationMin)).to.deep.equal([30]);
    expect(q(logger, '.failure')).to.equal(null);
  });

  it('a retry after a lost reply does not save twice (one idempotency key per submission)', async () => {
    const backend = new LostReplyBackend(ns());
    const adapter = new BackendAdapter(backend);
    const { logger } = await mount(html`<training-store .adapter=${adapter} @storage-error=${(e: Event) => e.preventDefault()}>
      <session-logger units="metric" time-zone="UTC" lang="en"></session-logger>
    </training-store>`);
    await enterRoutineSession(logger);
    await submit(logger);
    await logger.updateComplete;
    expect(text(logger, '.failure p')).to.equal('Not saved: you appear to be offline. Your entry is kept; try again when you are back online.');
    q<HTMLButtonElement>(logger, '#retry')!.click();
    await logger.updateComplete;
    expect(text(logger, '.status')).to.equal('Session saved.');
    // One record on disk, not two; and a fresh adapter over the same backend reads the same.
    expect([...(await backend.readAll()).keys()].filter((k) => k.startsWith('sessions/'))).to.have.length(1);
    expect(await sessionsIn(new BackendAdapter(backend))).to.have.length(1);
  });

  it('says it is saving, and a second press while saving saves nothing more', async () => {
    const backend = new GatedBackend(ns());
    const adapter = new BackendAdapter(backend);
    const { logger } = await mount(html`<training-store .adapter=${adapter}>
      <session-logger units="metric" time-zone="UTC" lang="en"></session-logger>
    </training-store>`);
    await enterRoutineSession(logger);
    const button = q<HTMLButtonElement>(logger, 'button[type="submit"]')!;
    button.click();
    await waitUntil(() => button.textContent?.trim() === 'Saving…', 'the button says it is saving');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    button.click();
    backend.release();
    await logger.updateComplete;
    expect(text(logger, '.status')).to.equal('Session saved.');
    expect(await sessionsIn(adapter)).to.have.length(1);
  });

  it('lets a site veto the save (nothing written, entry kept) or enrich the record', async () => {
    const { logger, adapter } = await mount(metric());
    let veto = true;
    logger.addEventListener('session-save', (e: CustomEvent<SessionSaveDetail>) => {
      if (veto) e.preventDefault();
      else e.detail.record = { ...e.detail.record, notes: 'from the site' };
    });
    await choose(logger, 'modality', 'other');
    await type(logger, 'duration', '15');
    await choose(logger, 'rpe', '2');
    await submit(logger);
    expect(await sessionsIn(adapter)).to.have.length(0);
    expect(text(logger, '.status')).to.equal('This site did not accept the session. Your entry is kept.');
    expect(q<HTMLInputElement>(logger, '#duration')!.value).to.equal('15');
    veto = false;
    await submit(logger);
    await logger.updateComplete;
    expect((await sessionsIn(adapter)).map((s) => s.notes)).to.deep.equal(['from the site']);
  });

  it('speaks Spanish', async () => {
    const { logger } = await mount(html`<training-store storage="memory" namespace=${ns()}>
      <session-logger lang="es" units="metric" glucose-unit="mmol/L"></session-logger>
    </training-store>`);
    expect(text(logger, '.title')).to.equal('Registrar una sesión de entrenamiento');
    expect(text(logger, 'label[for="rpe-5"]')).to.equal('5 Duro');
    await submit(logger);
    expect(text(logger, '#duration-error')).to.equal('La duración debe estar entre 1 y 1440 minutos.');
    expect(text(logger, '.summary-title')).to.equal('Hay 3 problemas que corregir antes de guardar:');
    await expectNoAxeViolations(logger);
  });

  it('fits 320 px without sideways scrolling, with targets of at least 24 px', async () => {
    const { root, logger } = await mount(metric());
    root.style.width = '320px';
    await submit(logger);
    await openSection(logger, 'Heart rate');
    expect(logger.scrollWidth <= 320, `scrollWidth ${logger.scrollWidth}`).to.equal(true);
    const small = [...logger.shadowRoot!.querySelectorAll<HTMLElement>('button, .choice, summary, input:not([type="radio"]), select')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.height < 24 || r.width < 24);
    expect(small.length).to.equal(0);
    await expectNoAxeViolations(logger);
  });

  it('uses the store named by store="id"', async () => {
    const { root } = await mount(html`<training-store id="far" storage="memory" namespace=${ns()}></training-store>
      <session-logger store="far" units="metric" lang="en"></session-logger>`);
    const logger = root.querySelector('session-logger')!;
    const adapter = root.querySelector('training-store')!.api!.adapter;
    await choose(logger, 'modality', 'aerobic');
    await type(logger, 'duration', '20');
    await choose(logger, 'rpe', '3');
    await submit(logger);
    await waitUntil(async () => (await sessionsIn(adapter)).length === 1, 'saved in the named store');
  });

  it('works alone on the page-default store', async () => {
    const root = await fixture<HTMLElement>(html`<div><session-logger id=${ns()} units="metric" lang="en"></session-logger></div>`);
    const logger = root.querySelector('session-logger')!;
    const api = pageDefaultStore();
    await api.ready;
    await logger.updateComplete;
    let savedId = '';
    logger.addEventListener('session-saved', (e) => (savedId = e.detail.record.id));
    await choose(logger, 'modality', 'aerobic');
    await type(logger, 'duration', '20');
    await choose(logger, 'rpe', '3');
    await submit(logger);
    await logger.updateComplete;
    const stored = await api.adapter.get('sessions', savedId);
    expect(stored?.deleted).to.equal(false);
    // Leave the page default as it was.
    await api.adapter.remove('sessions', savedId, { expectedRev: stored!.rev });
  });

  it('takes its units from the language\'s region unless told', async () => {
    const { root } = await mount(html`<training-store storage="memory" namespace=${ns()}>
      <session-logger id="us" lang="en-US"></session-logger>
      <session-logger id="gb" lang="en-GB"></session-logger>
      <session-logger id="told" lang="en-US" units="metric" glucose-unit="mmol/L"></session-logger>
    </training-store>`);
    const units = async (id: string) => {
      const logger = root.querySelector<SessionLogger>(`#${id}`)!;
      await choose(logger, 'modality', 'resistance');
      await openSection(logger, 'Exercises');
      q<HTMLButtonElement>(logger, '#add-exercise')!.click();
      await logger.updateComplete;
      return [text(logger, 'label[for="ex-0-set-0-load"]'), text(logger, 'label[for="glucose"]')];
    };
    expect(await units('us')).to.deep.equal(['Load (lb)', 'Glucose (mg/dL)']);
    expect(await units('gb')).to.deep.equal(['Load (kg)', 'Glucose (mmol/L)']);
    expect(await units('told')).to.deep.equal(['Load (kg)', 'Glucose (mmol/L)']);
  });

  it('keeps the entry and says so while the named store is missing', async () => {
    const root = await fixture<HTMLElement>(html`<div><session-logger store="nowhere" units="metric" lang="en"></session-logger></div>`);
    const logger = root.querySelector('session-logger')!;
    await choose(logger, 'modality', 'aerobic');
    await type(logger, 'duration', '20');
    await choose(logger, 'rpe', '3');
    await submit(logger);
    expect(text(logger, '.status')).to.equal('Storage is not available yet. Your entry is kept.');
    expect(q<HTMLInputElement>(logger, '#duration')!.value).to.equal('20');
    localStorage.removeItem('loadwise-draft:default:session-logger');
  });
});

/** Mounting a `<session-logger>` in a real store, and driving it as a person would. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../../src/entries/training-store.js';
import '../../../src/entries/session-logger.js';
import type { SessionLogger } from '../../../src/entries/session-logger.js';
import type { TrainingStore } from '../../../src/define.js';
import type { StorageAdapter } from '../../../src/tracking/storage/types.js';
import type { TrainingSession } from '../../../src/tracking/model.js';

export interface Mounted {
  root: HTMLElement;
  logger: SessionLogger;
  store: TrainingStore;
  adapter: StorageAdapter;
}

/** A unique namespace per test, so drafts and data never leak between tests. */
export const ns = () => `t${crypto.randomUUID().slice(0, 8)}`;

export async function mount(template: TemplateResult): Promise<Mounted> {
  const root = await fixture<HTMLElement>(html`<div>${template}</div>`);
  const logger = root.querySelector('session-logger')!;
  const store = root.querySelector('training-store')!;
  await waitUntil(() => !!store.api, 'the store made its adapter');
  await store.api!.ready;
  await logger.updateComplete;
  return { root, logger, store, adapter: store.api!.adapter };
}

export const q = <E extends Element = HTMLElement>(logger: SessionLogger, selector: string): E | null =>
  logger.shadowRoot!.querySelector<E>(selector);

export const text = (logger: SessionLogger, selector: string): string => q(logger, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The id of the focused element inside the logger, or `''`. */
export const focusedId = (logger: SessionLogger): string => (logger.shadowRoot!.activeElement as HTMLElement | null)?.id ?? '';

/** Clicks the label of the radio `value` in the group `name` (a person's click). */
export async function choose(logger: SessionLogger, name: string, value: string): Promise<void> {
  q<HTMLLabelElement>(logger, `label[for="${name}-${value}"]`)!.click();
  await logger.updateComplete;
}

/** Focuses a field by clicking its label, then types into it with real key presses. */
export async function type(logger: SessionLogger, id: string, value: string): Promise<void> {
  q<HTMLLabelElement>(logger, `label[for="${id}"]`)!.click();
  await sendKeys({ type: value });
  await logger.updateComplete;
}

export async function press(logger: SessionLogger, key: string): Promise<void> {
  await sendKeys({ press: key });
  await logger.updateComplete;
}

/** Opens an optional section by its summary. */
export async function openSection(logger: SessionLogger, title: string): Promise<void> {
  const summary = [...logger.shadowRoot!.querySelectorAll('summary')].find((s) => s.textContent?.includes(title));
  if (!summary) throw new Error(`no section "${title}"`);
  if (!summary.parentElement!.hasAttribute('open')) summary.click();
  await logger.updateComplete;
}

export async function submit(logger: SessionLogger): Promise<void> {
  q<HTMLButtonElement>(logger, 'button[type="submit"]')!.click();
  await logger.updateComplete;
}

export async function sessionsIn(adapter: StorageAdapter): Promise<TrainingSession[]> {
  const page = await adapter.list('sessions', { limit: 1000 });
  return page.items.flatMap((item) => (item.deleted ? [] : [item.record]));
}

/** A routine session as a person enters it: aerobic, 30 minutes, RPE 4 (the required fields only). */
export async function enterRoutineSession(logger: SessionLogger): Promise<void> {
  await choose(logger, 'modality', 'aerobic');
  await type(logger, 'duration', '30');
  await choose(logger, 'rpe', '4');
}

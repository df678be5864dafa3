/**
 * A stored session in words, the same way wherever the logger names one: a list row, a version
 * in the conflict view, a line in the sync status. Pure: strings and cached formatters only.
 */
import { dateFormat, numberFormat } from '../../base/formats.js';
import type { TrainingSession } from '../model.js';
import type { SessionLoggerStrings } from './strings.js';

const number = (lang: string) => numberFormat(lang, { maximumFractionDigits: 1 });

/** When the session started, on the clocks of the zone it was logged in. */
export function sessionDate(record: TrainingSession, lang: string): string {
  return dateFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: record.timeZone }).format(new Date(record.startedAt));
}

/** A session named by its kind and date, for a button's label or a sync message. */
export function sessionLabel(record: TrainingSession, t: SessionLoggerStrings, lang: string): string {
  return t.rowSummary(sessionDate(record, lang), t.modalities[record.modality]);
}

/** Its figures, each as shown: minutes, RPE and load (RPE × minutes). */
export function sessionFigures(record: TrainingSession, t: SessionLoggerStrings, lang: string): [minutes: string, rpe: string, load: string] {
  const nf = number(lang);
  return [t.minutes(nf.format(record.durationMin)), t.rpeShort(nf.format(record.rpe)), t.loadShort(nf.format(record.rpe * record.durationMin))];
}

/** A version of a session in one line: what differs between two devices' copies shows. */
export function versionLine(record: TrainingSession, t: SessionLoggerStrings, lang: string): string {
  const [minutes, rpe] = sessionFigures(record, t, lang);
  const parts = [t.modalities[record.modality], minutes, rpe];
  if (record.notes) parts.push(`“${record.notes}”`);
  return parts.join(' · ');
}

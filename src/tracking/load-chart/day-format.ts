/** How the chart writes a day and a day's glucose readings, the same in the tooltip, the live sentence, the table and the axis. */
import { dateFormat, numberFormat } from '../../base/formats.js';
import { fromMgdl, type GlucoseUnit } from '../units.js';
import type { CalendarDate } from '../metrics/calendar.js';

/** "Sun, November 22, 2026" in the page's language. */
export const longDate = (date: CalendarDate, lang: string): string =>
  dateFormat(lang, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** Glucose numbers: whole mg/dL, mmol/L to one decimal. */
export const glucoseNumber = (lang: string, unit: GlucoseUnit): Intl.NumberFormat => numberFormat(lang, { maximumFractionDigits: unit === 'mg/dL' ? 0 : 1 });

/** A day's readings (stored in mg/dL) in `unit`, comma-separated. */
export function glucoseValues(mgdl: readonly number[], unit: GlucoseUnit, lang: string): string {
  const format = glucoseNumber(lang, unit);
  return mgdl.map((v) => format.format(fromMgdl(v, unit))).join(', ');
}

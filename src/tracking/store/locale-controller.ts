import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { languageOf, pickStrings, type StringTable } from '../../base/strings.js';
import { browserTimeZone, todayIn } from '../time/wall-clock.js';
import { defaultGlucoseUnit, defaultWeightUnit, regionFor, type GlucoseUnit, type WeightUnit } from '../units.js';

/** The settings a tracking element may carry as attributes; each is optional. */
export interface LocaleHost extends ReactiveControllerHost, HTMLElement {
  /** The IANA zone days are read in. */
  timeZone?: string | undefined;
  /** The day to treat as today, `YYYY-MM-DD`. */
  date?: string | undefined;
  /** `metric` (kg) or `imperial` (lb). */
  units?: 'metric' | 'imperial' | undefined;
  /** The unit glucose is shown and typed in. */
  glucoseUnit?: string | undefined;
}

/**
 * Where a tracking element reads its language, strings, zone, units and "today", worked out the
 * same way in every element:
 *
 * - the language is the closest `lang` (the element's, an ancestor's, the document's), then
 *   English; the strings are that language's table, its base language's, or English;
 * - the zone is the host's `timeZone`, else the browser's;
 * - "today" is the host's `date` when it names a day, else the zone's date now;
 * - units come from the host's `units` and `glucoseUnit`, else from the language's region (lb in
 *   the US, mmol/L where that is the custom).
 *
 * Each is read when asked, never kept: a `lang` or a zone may change between two renders, and
 * `closest('[lang]')` costs little beside a render.
 */
export class LocaleController<S> implements ReactiveController {
  readonly #host: LocaleHost;
  readonly #table: StringTable<S>;

  constructor(host: LocaleHost, strings: StringTable<S>) {
    this.#host = host;
    this.#table = strings;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The language in effect (a BCP 47 tag). */
  get lang(): string {
    return languageOf(this.#host);
  }

  /** The strings for the language in effect. */
  get strings(): S {
    return pickStrings(this.#table, this.lang);
  }

  /** The language's region (`US`, `GB`…), if it names one or implies one. */
  get region(): string | undefined {
    return regionFor(this.lang);
  }

  /** The IANA zone days and times are read in. */
  get zone(): string {
    return this.#host.timeZone || browserTimeZone();
  }

  /** Today, `YYYY-MM-DD`, in the zone (or the host's `date`). */
  get today(): string {
    return todayIn(this.zone, this.#host.date);
  }

  /** The unit weights are typed and shown in. */
  get weightUnit(): WeightUnit {
    const units = this.#host.units;
    if (units) return units === 'imperial' ? 'lb' : 'kg';
    return defaultWeightUnit(this.region);
  }

  /** The unit glucose is typed and shown in. */
  get glucoseUnit(): GlucoseUnit {
    const unit = this.#host.glucoseUnit;
    if (unit === 'mg/dL' || unit === 'mmol/L') return unit;
    return defaultGlucoseUnit(this.region);
  }
}

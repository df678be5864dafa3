/**
 * Fitness, fatigue and form: the performance-manager model (Banister's impulse-response, as
 * popularised by TrainingPeaks and GoldenCheetah). Chronic training load (CTL, "fitness") has a
 * 42-day time constant, acute training load (ATL, "fatigue") 7 days, and training stress balance
 * (TSB, "form") is yesterday's CTL minus yesterday's ATL, so today's session does not change
 * today's form.
 *
 * Each day: CTL = CTL_yesterday + k × (load − CTL_yesterday), with k = 1 − e^(−1/N) in the
 * `exponential` variant (GoldenCheetah) or k = 1/N in the `linear` one (TrainingPeaks). Both start
 * from 0 the day before the series.
 */

export type DecayVariant = 'exponential' | 'linear';

export interface FitnessFatigue {
  /** Chronic training load ("fitness"). */
  ctl: number;
  /** Acute training load ("fatigue"). */
  atl: number;
  /** Training stress balance ("form"): yesterday's CTL − yesterday's ATL. */
  tsb: number;
}

export const CTL_DAYS = 42;
export const ATL_DAYS = 7;

const factor = (days: number, variant: DecayVariant) => (variant === 'exponential' ? 1 - Math.exp(-1 / days) : 1 / days);

export function fitnessFatigue(
  daily: readonly (number | { load: number })[],
  { variant = 'exponential' }: { variant?: DecayVariant } = {},
): FitnessFatigue[] {
  const kc = factor(CTL_DAYS, variant);
  const ka = factor(ATL_DAYS, variant);
  let ctl = 0;
  let atl = 0;
  return daily.map((d) => {
    const load = typeof d === 'number' ? d : d.load;
    const tsb = ctl - atl;
    ctl += kc * (load - ctl);
    atl += ka * (load - atl);
    return { ctl, atl, tsb };
  });
}

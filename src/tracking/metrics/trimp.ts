/**
 * Heart-rate training impulse (TRIMP): load from heart rate instead of perceived effort.
 */

export type Sex = 'male' | 'female';

export interface BanisterInput {
  durationMin: number;
  avgHr: number;
  restHr: number;
  maxHr: number;
  /** Selects the weighting constants (Banister 1991; Morton et al. 1990). */
  sex: Sex;
}

/**
 * Banister's TRIMP: minutes × ΔHR × weighting, where ΔHR = (avg − rest) ÷ (max − rest) and the
 * weighting is 0.64·e^(1.92·ΔHR) for men and 0.86·e^(1.67·ΔHR) for women. Null when the heart rates
 * do not make a fraction (max not above rest).
 */
export function trimpBanister({ durationMin, avgHr, restHr, maxHr, sex }: BanisterInput): number | null {
  if (!(maxHr > restHr)) return null;
  const x = Math.min(Math.max((avgHr - restHr) / (maxHr - restHr), 0), 1);
  const weight = sex === 'male' ? 0.64 * Math.exp(1.92 * x) : 0.86 * Math.exp(1.67 * x);
  return durationMin * x * weight;
}

/**
 * Edwards' summated heart-rate-zone TRIMP: minutes in each of five zones of maximum heart rate
 * (50–60, 60–70, 70–80, 80–90, 90–100 %) weighted 1 to 5, summed.
 */
export function trimpEdwards(minutesInZones: readonly [number, number, number, number, number]): number {
  return minutesInZones.reduce((sum, minutes, zone) => sum + minutes * (zone + 1), 0);
}

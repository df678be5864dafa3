/**
 * Training monotony and strain for the 7 days ending on each day (Foster 1998, Med Sci Sports
 * Exerc 30:1164–1168): monotony = mean daily load ÷ its standard deviation (population SD, over the
 * 7 days), strain = the week's total load × monotony. Monotony is null when the SD is 0 (every day
 * the same, including a week of rest), and both are null before 7 days of history.
 */

export interface MonotonyStrain {
  /** Total load of the 7 days ending today, AU. */
  weekLoad: number;
  monotony: number | null;
  strain: number | null;
}

const WEEK = 7;

/** Per day, from running sums of load and load²: linear in days. */
export function monotonyStrain(daily: readonly (number | { load: number })[]): MonotonyStrain[] {
  const loads = daily.map((d) => (typeof d === 'number' ? d : d.load));
  let sum = 0;
  let squares = 0;
  return loads.map((load, day) => {
    sum += load;
    squares += load * load;
    if (day >= WEEK) {
      const out = loads[day - WEEK]!;
      sum -= out;
      squares -= out * out;
    }
    if (day + 1 < WEEK) return { weekLoad: sum, monotony: null, strain: null };
    const mean = sum / WEEK;
    // Running sums can leave a hair of negative variance for constant weeks: clamp it to 0.
    const sd = Math.sqrt(Math.max(squares / WEEK - mean * mean, 0));
    const monotony = sd > 1e-9 * Math.max(1, mean) ? mean / sd : null;
    return { weekLoad: sum, monotony, strain: monotony === null ? null : sum * monotony };
  });
}

/**
 * Acute and chronic load, and their ratio (ACWR), per day of a zero-filled daily series.
 *
 * - `ewma` (default): exponentially weighted moving averages, Williams et al. 2017 (Br J Sports
 *   Med 51:209–210): λ = 2 / (N + 1) with N = 7 (acute) and 28 (chronic),
 *   EWMA_today = λ × load_today + (1 − λ) × EWMA_yesterday, both seeded with the first day's load.
 * - `rolling`: the 7-day mean over the 28-day mean, both ending today ("coupled": the acute week is
 *   inside the chronic month).
 * - `rolling-uncoupled`: the 7-day mean over the mean of the 21 days before it (Lolli et al. 2019).
 *
 * The ratio is null until 28 days of history exist, and when chronic load is below 1 AU a day, so
 * it is never a division by (almost) nothing. ACWR is a debated measure; the elements always
 * name the method beside it.
 */

export type AcwrMethod = 'ewma' | 'rolling' | 'rolling-uncoupled';

export interface AcuteChronic {
  /** Acute load, AU per day. */
  acute: number;
  /** Chronic load, AU per day; null while the method has no chronic window yet (uncoupled, first week). */
  chronic: number | null;
  /** Acute ÷ chronic, or null (see above). */
  ratio: number | null;
}

/** Days of history before a ratio is given. */
export const RATIO_MIN_DAYS = 28;
/** Chronic load below this (AU a day) gives no ratio. */
export const CHRONIC_MIN = 1;

const ACUTE_DAYS = 7;
const CHRONIC_DAYS = 28;

const loadsOf = (daily: readonly (number | { load: number })[]): number[] => daily.map((d) => (typeof d === 'number' ? d : d.load));

function ratio(acute: number, chronic: number | null, day: number): number | null {
  if (day + 1 < RATIO_MIN_DAYS || chronic === null || chronic < CHRONIC_MIN) return null;
  return acute / chronic;
}

/** Acute, chronic and ratio for every day. Linear in days. */
export function acuteChronic(daily: readonly (number | { load: number })[], { method = 'ewma' }: { method?: AcwrMethod } = {}): AcuteChronic[] {
  const loads = loadsOf(daily);
  if (method === 'ewma') {
    const la = 2 / (ACUTE_DAYS + 1);
    const lc = 2 / (CHRONIC_DAYS + 1);
    let acute = loads[0] ?? 0;
    let chronic = acute;
    return loads.map((load, day) => {
      if (day > 0) {
        acute = la * load + (1 - la) * acute;
        chronic = lc * load + (1 - lc) * chronic;
      }
      return { acute, chronic, ratio: ratio(acute, chronic, day) };
    });
  }
  // Rolling means from a running prefix sum: sum(a..b) = prefix[b + 1] − prefix[a].
  const prefix = [0];
  for (const load of loads) prefix.push(prefix[prefix.length - 1]! + load);
  const mean = (fromDay: number, toDay: number): number | null => {
    const a = Math.max(fromDay, 0);
    if (toDay < a) return null;
    return (prefix[toDay + 1]! - prefix[a]!) / (toDay - a + 1);
  };
  return loads.map((_, day) => {
    // Before a window is full, its mean is over the days there are: the ratio waits for 28 days anyway.
    const acute = mean(day - ACUTE_DAYS + 1, day)!;
    const chronic = method === 'rolling' ? mean(day - CHRONIC_DAYS + 1, day) : mean(day - CHRONIC_DAYS + 1, day - ACUTE_DAYS);
    return { acute, chronic, ratio: ratio(acute, chronic, day) };
  });
}

/**
 * The one kind of scale the chart needs: numbers to pixels, straight. d3-array gives the tick and
 * "nice" arithmetic; d3-scale's `scaleLinear` would do the same but always brings d3-interpolate,
 * d3-color and d3-format along (its interpolator and tick format are wired in by default), about
 * 21 KB minified that the chart never uses.
 */
import { nice as niceDomain, ticks } from 'd3-array';

export interface LinearScale {
  (value: number): number;
  /** The domain in use, after rounding out when the scale was made nice. */
  domain(): [number, number];
  /** About `count` round values across the domain (d3's tick rules). */
  ticks(count: number): number[];
}

/**
 * Maps `domain` onto `range` linearly. With `nice`, the domain is first widened to round values
 * for about that many ticks, as d3's `scale.nice(count)` does. An empty domain maps to the middle
 * of the range, as in d3.
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number], nice?: number): LinearScale {
  const [d0, d1] = nice ? niceDomain(domain[0], domain[1], nice) : domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  // Same arithmetic as d3's interpolateNumber, so positions match d3-scale to the last bit.
  const scale = (value: number) => {
    const t = span ? (value - d0) / span : 0.5;
    return r0 * (1 - t) + r1 * t;
  };
  return Object.assign(scale, { domain: (): [number, number] => [d0, d1], ticks: (count: number) => ticks(d0, d1, count) });
}

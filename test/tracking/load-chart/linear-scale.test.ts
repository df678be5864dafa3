import { expect } from '@open-wc/testing';
import { scaleLinear } from 'd3-scale';
import { linearScale } from '../../../src/tracking/load-chart/linear-scale.js';

/** A small seeded generator, so a failure names a case that can be run again. */
function* domains(count: number): Generator<[number, number]> {
  let seed = 20261204;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const magnitudes = [1e-3, 0.5, 3, 17, 250, 4000, 1.7e12];
  for (let i = 0; i < count; i++) {
    const m = magnitudes[i % magnitudes.length]!;
    const a = (next() - 0.3) * m;
    yield [a, a + next() * m * 3];
  }
}

/** −0 and 0 draw at the same place; d3-scale's own nice() sometimes ends on −0. */
const unsigned = (values: number[]) => values.map((v) => v + 0);

describe('linear scale', () => {
  it('places every value, ticks and nice domain exactly where d3-scale does', () => {
    for (const domain of domains(300)) {
      const range = [190, 10] as const;
      for (const nice of [undefined, 3, 4]) {
        const ours = linearScale(domain, range, nice);
        const d3 = scaleLinear().domain(domain).range(range);
        if (nice) d3.nice(nice);
        const label = `domain ${domain.join('…')}, nice ${nice}`;
        expect(unsigned(ours.domain()), label).to.deep.equal(unsigned(d3.domain()));
        expect(unsigned(ours.ticks(4)), label).to.deep.equal(unsigned(d3.ticks(4)));
        for (const v of [domain[0], domain[1], (domain[0] + domain[1]) / 2, domain[1] * 1.5]) expect(ours(v), label).to.equal(d3(v));
      }
    }
  });

  it('puts everything in the middle of the range when the domain is a single value, as d3 does', () => {
    const ours = linearScale([5, 5], [100, 0]);
    expect(ours(5)).to.equal(50);
    expect(ours(9)).to.equal(scaleLinear().domain([5, 5]).range([100, 0])(9));
  });
});

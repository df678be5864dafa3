import { expect } from '@open-wc/testing';
import { acuteChronic, fitnessFatigue, monotonyStrain, trimpBanister, trimpEdwards } from '../../../src/tracking/metrics/index.js';

/** The 28-day series, day 1 a Monday. */
const SERIES = [150, 0, 280, 0, 180, 0, 200, 160, 0, 280, 0, 200, 0, 220, 180, 0, 300, 0, 210, 0, 240, 300, 240, 420, 0, 360, 300, 400];
const close = (actual: number | null | undefined, expected: number, digits = 6) =>
  expect(actual, `${actual} ≈ ${expected}`).to.be.closeTo(expected, 0.5 * 10 ** -digits);

describe('acute:chronic workload ratio', () => {
  it('matches the published hand-worked values on day 28 for each method', () => {
    close(acuteChronic(SERIES, { method: 'rolling' })[27]!.ratio, 1.748918);
    close(acuteChronic(SERIES, { method: 'rolling-uncoupled' })[27]!.ratio, 2.330769);
    close(acuteChronic(SERIES, { method: 'ewma' })[27]!.ratio, 1.462894);
    close(acuteChronic(SERIES)[27]!.ratio, 1.462894);
  });

  it('gives the rolling means behind the ratio: 2,020 AU over 7 days, 4,620 over 28, 2,600 over the 21 before', () => {
    const [coupled, uncoupled] = [acuteChronic(SERIES, { method: 'rolling' })[27]!, acuteChronic(SERIES, { method: 'rolling-uncoupled' })[27]!];
    close(coupled.acute, 2020 / 7);
    close(coupled.chronic, 4620 / 28);
    close(uncoupled.chronic, 2600 / 21);
  });

  it('seeds both EWMAs with the first day, and weights by λ = 2/(N+1)', () => {
    const [day1, day2] = acuteChronic([150, 0, 0]);
    expect(day1).to.deep.equal({ acute: 150, chronic: 150, ratio: null });
    close(day2!.acute, 150 * (1 - 2 / 8));
    close(day2!.chronic, 150 * (1 - 2 / 29));
  });

  it('gives no ratio before 28 days of history, for every method', () => {
    for (const method of ['ewma', 'rolling', 'rolling-uncoupled'] as const) {
      const days = acuteChronic(SERIES, { method });
      expect(days.slice(0, 27).every((d) => d.ratio === null), method).to.equal(true);
      expect(days[27]!.ratio, method).to.be.a('number');
    }
  });

  it('gives no ratio when chronic load is about 0, rather than dividing by nothing', () => {
    const quietMonth = [...Array(40).fill(0), 500];
    for (const method of ['ewma', 'rolling', 'rolling-uncoupled'] as const) {
      const days = acuteChronic(quietMonth, { method });
      expect(days.every((d) => d.ratio === null || Number.isFinite(d.ratio)), method).to.equal(true);
      expect(days[39]!.ratio, `${method}: a month of nothing`).to.equal(null);
    }
    // A single tiny load: chronic under 1 AU a day gives no ratio.
    expect(acuteChronic([...Array(30).fill(0), 10], { method: 'rolling-uncoupled' })[30]!.ratio).to.equal(null);
  });

  it('has no uncoupled chronic window during the first week', () => {
    const days = acuteChronic(SERIES, { method: 'rolling-uncoupled' });
    expect(days.slice(0, 7).map((d) => d.chronic)).to.deep.equal(Array(7).fill(null));
    close(days[7]!.chronic, 150 / 1);
  });

  it('accepts daily-load objects as well as numbers, and takes 10 years in one pass', () => {
    const decade = Array.from({ length: 3653 }, (_, i) => ({ load: (i * 37) % 400 }));
    const result = acuteChronic(decade);
    expect(result).to.have.length(3653);
    close(result[27]!.ratio, acuteChronic(decade.map((d) => d.load))[27]!.ratio!);
  });
});

describe('monotony and strain (Foster 1998)', () => {
  it('matches the hand-worked values on day 28: monotony 2.197730, strain 4439.4154', () => {
    const day28 = monotonyStrain(SERIES)[27]!;
    expect(day28.weekLoad).to.equal(2020);
    close(day28.monotony, 2.19773);
    close(day28.strain, 4439.4154, 4);
  });

  it('is null before 7 days, and monotony is null when every day of the week is the same', () => {
    const result = monotonyStrain([...Array(6).fill(100), 100, 0, 0, 0, 0, 0, 0, 0]);
    expect(result.slice(0, 6).every((d) => d.monotony === null && d.strain === null)).to.equal(true);
    expect(result[6]).to.deep.equal({ weekLoad: 700, monotony: null, strain: null });
    // A week of rest: SD 0 as well.
    expect(result[13]).to.deep.equal({ weekLoad: 0, monotony: null, strain: null });
  });
});

describe('fitness, fatigue and form', () => {
  it('exponential decay (GoldenCheetah): k = 1 − e^(−1/N), form from yesterday', () => {
    const [d1, d2, d3] = fitnessFatigue([100, 0, 50]);
    close(d1!.ctl, 2.352831);
    close(d1!.atl, 13.31221);
    expect(d1!.tsb).to.equal(0);
    close(d2!.ctl, 2.297473);
    close(d2!.atl, 11.540061);
    close(d2!.tsb, -10.959379);
    close(d3!.tsb, -9.242587);
  });

  it('linear decay (TrainingPeaks): k = 1/N', () => {
    const [d1, d2, d3] = fitnessFatigue([100, 0, 50], { variant: 'linear' });
    close(d1!.ctl, 2.380952);
    close(d1!.atl, 14.285714);
    close(d2!.tsb, -11.904762);
    close(d3!.ctl, 3.4594);
  });
});

describe('TRIMP', () => {
  it('Banister: minutes × ΔHR × 0.64·e^(1.92·ΔHR) for men, 0.86·e^(1.67·ΔHR) for women', () => {
    const hr = { durationMin: 60, avgHr: 150, restHr: 60, maxHr: 190 };
    close(trimpBanister({ ...hr, sex: 'male' }), 100.440293, 4);
    close(trimpBanister({ ...hr, sex: 'female' }), 113.516788, 4);
    expect(trimpBanister({ ...hr, maxHr: 60, sex: 'male' })).to.equal(null);
  });

  it('Edwards: minutes in each zone weighted 1 to 5', () => {
    expect(trimpEdwards([10, 20, 30, 0, 5])).to.equal(165);
  });
});

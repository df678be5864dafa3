import { expect } from '@open-wc/testing';
import { chartLayout, HEIGHT, MARGIN } from '../../../src/tracking/load-chart/chart-layout.js';
import { steadyModel } from './chart-units.js';

const options = { width: 600, panels: [], glucoseUnit: 'mg/dL' } as const;

describe('chart layout', () => {
  it('stacks the load and ratio panels, one step a day across the plot', () => {
    const model = steadyModel(60);
    const layout = chartLayout(model, options);
    expect(layout.panels.map((p) => p.kind)).to.deep.equal(['load', 'ratio']);
    const [load, ratio] = layout.panels;
    expect(load!.top).to.equal(MARGIN.top);
    expect(ratio!.top - load!.bottom).to.equal(HEIGHT.gap);
    expect(layout.height).to.equal(ratio!.bottom + HEIGHT.axis);
    expect(layout.step * model.days.length).to.be.closeTo(layout.right - layout.left, 1e-9);
    expect(layout.mid(0)).to.be.closeTo(layout.left + layout.step / 2, 1e-9);
  });

  it('draws each modality’s bars as one path, and only for modalities that have load', () => {
    const layout = chartLayout(steadyModel(28), options);
    // 28 days alternating aerobic and resistance: 14 rectangles each.
    expect(layout.bars.aerobic.match(/M/g)?.length).to.equal(14);
    expect(layout.bars.resistance.match(/M/g)?.length).to.equal(14);
    expect(layout.bars.hiit).to.equal('');
  });

  it('keeps the ratio axis to at least 2 with the 0.8, 1.3 and 1.5 cut-offs, and shades the baseline days', () => {
    const layout = chartLayout(steadyModel(60), options);
    const ratio = layout.panels[1]!;
    expect(ratio.ticks).to.deep.equal([0.8, 1.3, 1.5]);
    expect(ratio.y.domain()[1]).to.be.at.least(2);
    expect(layout.bands.map((b) => b.band)).to.deep.equal(['lighter', 'in-line', 'well-above', 'sharply-above']);
    // 60 days drawn over 4 weeks: the baseline (the first 27 days of history) is off the left edge.
    expect(layout.baselineWidth).to.equal(0);
    // 10 days of history: every day drawn is still the baseline.
    const young = chartLayout(steadyModel(10), options);
    expect(young.baselineWidth).to.be.closeTo(young.right - young.left, 1e-9);
  });

  it('adds the optional panels below, in order, with their lines', () => {
    const layout = chartLayout(steadyModel(60), { ...options, panels: ['monotony', 'fitness'] });
    expect(layout.panels.map((p) => p.kind)).to.deep.equal(['load', 'ratio', 'monotony', 'strain', 'fitness']);
    expect(layout.fitness?.ctl).to.match(/^M/);
    expect(layout.monotony).to.be.a('string');
    expect(chartLayout(steadyModel(60), options).fitness).to.equal(undefined);
  });

  it('puts glucose on its own axis in the unit asked, leaving room for it on the right', () => {
    const plain = chartLayout(steadyModel(28), options);
    const withGlucose = chartLayout(steadyModel(28, { glucose: [100, 110] }), { ...options, glucoseUnit: 'mmol/L' });
    expect(plain.glucose).to.equal(undefined);
    expect(withGlucose.right).to.equal(600 - MARGIN.rightWithGlucose);
    expect(withGlucose.glucose?.unit).to.equal('mmol/L');
    expect(withGlucose.glucose!.ticks.every((v) => v > 3 && v < 9), 'ticks in mmol/L').to.equal(true);
    expect(withGlucose.glucose!.dots.match(/M/g)?.length).to.equal(2);
  });

  it('never lays out narrower than 280 px, and gives a wider chart more date ticks, in order, inside the plot', () => {
    const narrow = chartLayout(steadyModel(28), { ...options, width: 100 });
    expect(narrow.width).to.equal(280);
    const wide = chartLayout(steadyModel(28), { ...options, width: 900 });
    expect(wide.xTicks.length).to.be.greaterThan(narrow.xTicks.length);
    const xs = wide.xTicks.map(({ x }) => x);
    expect(xs).to.deep.equal([...xs].sort((a, b) => a - b));
    for (const x of xs) expect(x).to.be.within(wide.left, wide.right);
  });
});

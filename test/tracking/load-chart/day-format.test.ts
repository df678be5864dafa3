import { expect } from '@open-wc/testing';
import { dayFigures, figureRows, figureSentence, glucoseValues, longDate } from '../../../src/tracking/load-chart/day-format.js';
import { loadChartStrings } from '../../../src/tracking/load-chart/strings.js';
import { steadyModel, TODAY } from './chart-units.js';

const t = loadChartStrings.en;
const plain = { lang: 'en', panels: [], glucoseUnit: 'mg/dL' } as const;

describe('a day’s figures (day-format)', () => {
  it('writes a day of the baseline with its load, sessions and the baseline note, and no ratio', () => {
    const model = steadyModel(10);
    const f = dayFigures(model.days.at(-1)!, t, plain);
    expect(f).to.include({ load: '300', sessions: 1, ratio: null, band: 'building your baseline', monotony: null, fitness: null, glucose: null });
    expect(figureRows(f, t, plain)).to.deep.equal([
      ['Load', '300 AU · 1 session'],
      ['Acute load (7 days)', f.acute],
      ['Chronic load (28 days)', f.chronic ?? '—'],
      ['Acute ÷ chronic', 'building your baseline'],
    ]);
    expect(figureSentence(longDate(TODAY, 'en'), f, t, 'mg/dL')).to.equal('Sun, November 22, 2026: 300 AU from 1 session; building your baseline.');
  });

  it('gives a steady month a ratio of 1.00 “in line”, to two decimals, in the page’s language', () => {
    const day = steadyModel(60).days.at(-1)!;
    const f = dayFigures(day, t, plain);
    expect(f.ratio).to.equal('1.00');
    expect(f.band).to.equal('in line');
    expect(figureRows(f, t, plain)[3]).to.deep.equal(['Acute ÷ chronic', '1.00 · in line']);
    expect(dayFigures(day, t, { ...plain, lang: 'de' }).ratio).to.equal('1,00');
  });

  it('adds monotony, strain, fitness, fatigue and form only for the panels shown', () => {
    const day = steadyModel(60).days.at(-1)!;
    const f = dayFigures(day, t, { ...plain, panels: ['monotony', 'fitness'] });
    expect(f.fitness).to.deep.equal({ ctl: String(Math.round(day.ctl)), atl: String(Math.round(day.atl)), tsb: String(Math.round(day.tsb)) });
    // Every day the same: monotony is undefined (no spread), shown as a dash.
    expect(f.monotony).to.equal(null);
    const labels = figureRows(f, t, { ...plain, panels: ['monotony', 'fitness'] }).map(([label]) => label);
    expect(labels).to.include.members(['Monotony', 'Strain', 'Fitness (42 days)', 'Fatigue (7 days)', 'Form']);
    expect(figureSentence('Today', f, t, 'mg/dL')).to.contain(' Fitness ');
    expect(figureRows(dayFigures(day, t, plain), t, plain).map(([label]) => label)).not.to.include('Monotony');
  });

  it('writes glucose readings in the unit shown: whole mg/dL, mmol/L to one decimal', () => {
    const day = steadyModel(10, { glucose: [99, 108] }).days.at(-1)!;
    expect(dayFigures(day, t, plain).glucose).to.equal('99, 108');
    const mmol = dayFigures(day, t, { ...plain, glucoseUnit: 'mmol/L' });
    expect(mmol.glucose).to.equal('5.5, 6');
    expect(figureRows(mmol, t, { ...plain, glucoseUnit: 'mmol/L' }).at(-1)).to.deep.equal(['Fasting glucose (mmol/L)', '5.5, 6']);
    expect(figureSentence('Today', mmol, t, 'mmol/L')).to.contain('Fasting glucose 5.5, 6 mmol/L.');
    expect(glucoseValues([180], 'mmol/L', 'de')).to.equal('10');
  });
});

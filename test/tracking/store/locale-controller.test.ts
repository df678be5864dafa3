import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import { LocaleController } from '../../../src/tracking/store/locale-controller.js';

const strings = { en: { hello: 'Hello' }, es: { hello: 'Hola' } };

class LocaleProbe extends LitElement {
  static override properties = {
    timeZone: { type: String, attribute: 'time-zone' },
    date: { type: String },
    units: { type: String },
    glucoseUnit: { type: String, attribute: 'glucose-unit' },
  };
  declare timeZone: string | undefined;
  declare date: string | undefined;
  declare units: 'metric' | 'imperial' | undefined;
  declare glucoseUnit: string | undefined;
  readonly locale = new LocaleController(this, strings);

  protected override render(): TemplateResult {
    return html`<p>${this.locale.strings.hello}</p>`;
  }
}
customElements.define('locale-probe', LocaleProbe);

async function probe(template = html`<locale-probe></locale-probe>`): Promise<LocaleProbe> {
  const root = await fixture<HTMLElement>(html`<div>${template}</div>`);
  return root.querySelector<LocaleProbe>('locale-probe')!;
}

describe('LocaleController', () => {
  it('takes the language from the closest lang, its base language’s strings, else English', async () => {
    const p = await probe(html`<section lang="es-MX"><locale-probe></locale-probe></section>`);
    expect(p.locale.lang).to.equal('es-MX');
    expect(p.shadowRoot!.querySelector('p')!.textContent).to.equal('Hola');
    const fr = await probe(html`<locale-probe lang="fr"></locale-probe>`);
    expect(fr.locale.strings.hello).to.equal('Hello');
  });

  it('reads the zone from time-zone, else the browser’s', async () => {
    expect((await probe(html`<locale-probe time-zone="Asia/Tokyo"></locale-probe>`)).locale.zone).to.equal('Asia/Tokyo');
    expect((await probe()).locale.zone).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('takes today from date when it names a day, else the zone’s date now', async () => {
    expect((await probe(html`<locale-probe date="2026-02-03"></locale-probe>`)).locale.today).to.equal('2026-02-03');
    const tokyo = await probe(html`<locale-probe date="not a date" time-zone="Pacific/Kiritimati"></locale-probe>`);
    const expected = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati', year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now());
    expect(tokyo.locale.today).to.equal(expected);
  });

  it('chooses units from the attributes, else from the language’s region', async () => {
    const us = await probe(html`<locale-probe lang="en-US"></locale-probe>`);
    expect([us.locale.weightUnit, us.locale.glucoseUnit]).to.deep.equal(['lb', 'mg/dL']);
    const gb = await probe(html`<locale-probe lang="en-GB"></locale-probe>`);
    expect([gb.locale.weightUnit, gb.locale.glucoseUnit]).to.deep.equal(['kg', 'mmol/L']);
    const set = await probe(html`<locale-probe lang="en-GB" units="imperial" glucose-unit="mg/dL"></locale-probe>`);
    expect([set.locale.weightUnit, set.locale.glucoseUnit]).to.deep.equal(['lb', 'mg/dL']);
    const unknown = await probe(html`<locale-probe lang="en-GB" glucose-unit="mmol"></locale-probe>`);
    expect(unknown.locale.glucoseUnit, 'an unknown unit falls back to the region’s').to.equal('mmol/L');
  });

  it('follows a change of lang on the page', async () => {
    const p = await probe(html`<locale-probe lang="en"></locale-probe>`);
    p.setAttribute('lang', 'es');
    expect(p.locale.strings.hello).to.equal('Hola');
  });
});

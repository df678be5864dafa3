import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { cssProps, type CssProps } from '../../src/base/css-props.js';

/** A same-origin frame whose own policy is the strict one sites ship: no inline styles. */
async function strictFrame(): Promise<{ doc: Document; violations: string[] }> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="style-src 'self'"><body></body>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  const violations: string[] = [];
  doc.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
  return { doc, violations };
}

/** Renders `props` on a span in `doc`, the nodes created there, as Lit does in a page of its own. */
function renderIn(doc: Document, props: CssProps, how: 'cssProps' | 'styleMap' = 'cssProps'): HTMLElement {
  const container = doc.body;
  const template = how === 'cssProps' ? html`<span class="probe" ${cssProps(props)}></span>` : html`<span class="probe" style=${styleMap(props)}></span>`;
  render(template, container, { creationScope: doc });
  return container.querySelector<HTMLElement>('.probe')!;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('cssProps()', () => {
  it('sets custom properties and geometry, updates them, and removes those left out', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const draw = (props: CssProps) => render(html`<span class="probe" ${cssProps(props)}></span>`, host);
    draw({ '--_fill': '0.25', left: '12px' });
    const span = host.querySelector<HTMLElement>('.probe')!;
    expect(span.style.getPropertyValue('--_fill')).to.equal('0.25');
    expect(span.style.getPropertyValue('left')).to.equal('12px');

    draw({ '--_fill': '0.5' });
    expect(host.querySelector('.probe')).to.equal(span, 'the same element, updated in place');
    expect(span.style.getPropertyValue('--_fill')).to.equal('0.5');
    expect(span.style.getPropertyValue('left'), 'a property left out is removed').to.equal('');

    draw({ '--_fill': undefined });
    expect(span.style.getPropertyValue('--_fill'), 'undefined removes it').to.equal('');
  });

  it('refuses to be used as an attribute value, saying where it belongs', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    expect(() => render(html`<span title=${cssProps({ left: '1px' })}></span>`, host)).to.throw(/belongs on an element/);
  });

  it('applies under a strict CSP (style-src \'self\'), where a style attribute is blocked', async () => {
    const { doc, violations } = await strictFrame();
    // The control: the frame really enforces the policy, so styleMap's first render is blocked.
    const blocked = renderIn(doc, { width: '40px' }, 'styleMap');
    await settle();
    expect(blocked.style.getPropertyValue('width'), 'styleMap under CSP').to.equal('');
    expect(violations).to.include('style-src-attr');

    render(html``, doc.body, { creationScope: doc });
    violations.length = 0;
    const span = renderIn(doc, { display: 'block', width: '40px', '--_fill': '0.3' });
    await settle();
    expect(doc.defaultView!.getComputedStyle(span).width).to.equal('40px');
    expect(span.style.getPropertyValue('--_fill')).to.equal('0.3');
    expect(violations).to.deep.equal([]);
    doc.defaultView!.frameElement!.remove();
  });
});

/**
 * Sets CSS properties on an element through CSSOM (`element.style.setProperty`), never through a
 * `style` attribute.
 *
 * Why: a page with a strict Content Security Policy (`style-src 'self'`, no `'unsafe-inline'`)
 * blocks every `style` attribute, including the one Lit's `styleMap` writes on first render, so a
 * bar drawn that way shows full and a tooltip sits at its default place. CSP does not govern
 * CSSOM: properties set from script apply on every page.
 *
 *   html`<span ${cssProps({ '--_fill': '0.4' })}></span>`
 *   html`<div ${cssProps({ left: `${x}px` })}></div>`
 *
 * Names are written as in CSS (`left`, `--_fill`), not camel-cased. A property that is left out
 * of a later render, or given `undefined`, is removed.
 */
import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** CSS property name → value; `undefined` removes the property. */
export type CssProps = Readonly<Record<string, string | undefined>>;

class CssPropsDirective extends Directive {
  /** The names set by the last render, to remove those a later render leaves out. */
  #set = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssProps() belongs on an element: <div ${cssProps({...})}>, not in an attribute');
  }

  render(_props: CssProps): typeof nothing {
    // Server-side and first-render output alike: no attribute, ever.
    return nothing;
  }

  override update(part: ElementPart, [props]: [CssProps]): typeof nothing {
    const { style } = part.element as HTMLElement | SVGElement;
    const next = new Set<string>();
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined) continue;
      next.add(name);
      style.setProperty(name, value);
    }
    for (const name of this.#set) if (!next.has(name)) style.removeProperty(name);
    this.#set = next;
    return nothing;
  }
}

/** Sets the given CSS properties on the element it is placed on, through CSSOM. */
export const cssProps = directive(CssPropsDirective);

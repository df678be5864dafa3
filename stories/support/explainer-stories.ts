/**
 * What the two explainer story files share: the args an explainer takes, the argTypes that refine
 * the ones Storybook reads from custom-elements.json, and the render function.
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import { nothing, type TemplateResult } from 'lit';
import { html, type StaticValue } from 'lit/static-html.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { declarationOf, hiddenPrivateMembers } from './manifest.js';
import type { ExplainerChangeDetail, ExplainerContent, ExplainerErrorDetail } from '../../src/explainer/index.js';

/** A story's args: the element's attributes by their HTML names, its `content`, its tokens. */
export interface ExplainerArgs {
  selected?: string;
  view?: 'tabs' | 'compare';
  src?: string;
  'heading-level'?: number;
  lang?: string;
  content?: ExplainerContent;
  onExplainerChange?: (event: CustomEvent<ExplainerChangeDetail>) => void;
  onExplainerError?: (event: CustomEvent<ExplainerErrorDetail>) => void;
  /** `--lw-*` design tokens, set on the element. */
  [token: `--lw-${string}`]: string | undefined;
}


const colourToken = /color|accent|surface|background/;

/**
 * Refines what Storybook reads from the manifest: proper controls for the attributes (the manifest
 * types them as `string | undefined`), a colour or text control per `--lw-*` token, no control
 * for events and parts, and the element's private fields kept out of the table.
 */
export function explainerArgTypes(tag: string, optionIds: string[]): Partial<ArgTypes<ExplainerArgs>> {
  const declaration = declarationOf(tag);
  const hidden = hiddenPrivateMembers(tag);
  const tokens = Object.fromEntries(
    (declaration.cssProperties ?? []).map((p) => [
      p.name,
      { control: colourToken.test(p.name) ? 'color' : 'text', table: { category: 'css custom properties' } },
    ]),
  );
  // Events go to the Actions panel and parts are styled from the page: neither has a control.
  const documentedOnly = Object.fromEntries(
    [...(declaration.events ?? []), ...(declaration.cssParts ?? [])].map((item) => [item.name, { control: false }]),
  );
  return {
    ...hidden,
    ...tokens,
    ...documentedOnly,
    selected: { control: 'select', options: optionIds },
    view: { control: 'inline-radio', options: ['tabs', 'compare'] },
    src: { control: 'text' },
    'heading-level': { control: { type: 'number', min: 1, max: 6, step: 1 } },
    content: { control: 'object' },
    lang: {
      control: 'inline-radio',
      options: ['en', 'es'],
      description: 'The language of the words the element adds (view switch, references, errors). Content brings its own.',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    headingLevel: { control: false },
    defaultContent: { control: false },
  } as Partial<ArgTypes<ExplainerArgs>>;
}

/** The `--lw-*` args that have a value, as a style map for the element. */
function tokensOf(args: ExplainerArgs): Record<string, string> {
  return Object.fromEntries(
    Object.entries(args).filter(([key, value]) => key.startsWith('--lw-') && typeof value === 'string' && value !== ''),
  ) as Record<string, string>;
}

/* eslint-disable lit/binding-positions, lit/no-invalid-html -- the tag is a static value from lit/static-html.js, which these rules do not know */
/**
 * The element as a blogger writes it: attributes from the args, `content` as a property, design
 * tokens on the element, events to the Actions panel, any children (fallback markup or an
 * inline `<script type="application/json">`) and a class for `::part` rules to select.
 */
export function renderExplainer(
  tag: StaticValue,
  args: ExplainerArgs,
  children: unknown = nothing,
  className?: string,
): TemplateResult {
  const tokens = tokensOf(args);
  return html`<${tag}
    class=${ifDefined(className)}
    selected=${ifDefined(args.selected)}
    view=${ifDefined(args.view)}
    src=${ifDefined(args.src)}
    heading-level=${ifDefined(args['heading-level'])}
    lang=${ifDefined(args.lang)}
    style=${Object.keys(tokens).length ? styleMap(tokens) : nothing}
    .content=${args.content}
    @explainer-change=${args.onExplainerChange}
    @explainer-error=${args.onExplainerError}
    >${children}</${tag}
  >`;
}
/* eslint-enable lit/binding-positions, lit/no-invalid-html */

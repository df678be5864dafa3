import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { literal } from 'lit/static-html.js';
import { explainerArgTypes, renderExplainer, type ExplainerArgs } from './support/explainer-stories.js';
import { effortInlineScript, homeStrengthContent } from './support/custom-content.js';

const tag = literal`modality-explainer`;

/**
 * "What the exercise research actually tested": aerobic, resistance, HIIT and combined training.
 * Attributes, properties, events, CSS parts and custom properties below come from
 * custom-elements.json; change the page's scheme, direction and width in the toolbar.
 */
const meta: Meta<ExplainerArgs> = {
  title: 'modality-explainer',
  component: 'modality-explainer',
  tags: ['autodocs'],
  argTypes: explainerArgTypes('modality-explainer', ['aerobic', 'resistance', 'hiit', 'combined']),
  render: (args) => renderExplainer(tag, args),
};
export default meta;

type Story = StoryObj<ExplainerArgs>;

/** The first option, aerobic training, is selected when `selected` is unset. */
export const Aerobic: Story = { args: { selected: 'aerobic' } };

export const Resistance: Story = { args: { selected: 'resistance' } };

export const Hiit: Story = { name: 'HIIT', args: { selected: 'hiit' } };

export const Combined: Story = { args: { selected: 'combined' } };

/** `view="compare"`: all four side by side, as a table when the element is wider than 40rem. */
export const Compare: Story = {
  name: 'Compare (wide)',
  args: { view: 'compare' },
  globals: { width: 'wide' },
};

/** Below 40rem of its own width the compare view stacks the options as cards. */
export const CompareNarrow: Story = {
  name: 'Compare, 320px (stacked)',
  args: { view: 'compare' },
  globals: { width: 'narrow' },
};

/** A comparison of your own, given as data through the `content` property. */
export const CustomContentProperty: Story = {
  name: 'Custom content: content property',
  args: { content: homeStrengthContent },
};

/** A comparison of your own, written in the page as an inline JSON script: no JavaScript to write. */
export const CustomContentInlineScript: Story = {
  name: 'Custom content: inline JSON',
  render: (args) =>
    renderExplainer(
      tag,
      args,
      effortInlineScript,
    ),
};

/** A comparison of your own, fetched from a JSON file by the `src` attribute. */
export const CustomContentSrc: Story = {
  name: 'Custom content: src',
  args: { src: 'content/custom-comparison.json' },
};

/**
 * Content that fails the schema: the element names the fields at fault, fires `explainer-error`,
 * and shows the page's fallback markup again. It never throws.
 */
export const InvalidContent: Story = {
  name: 'Invalid content (error and fallback)',
  render: (args) =>
    renderExplainer(
      tag,
      args,
      html`<script type="application/json">
          {
            "title": "",
            "facets": [{ "id": "effect", "label": "Effect" }],
            "options": [{ "id": "1st", "label": "Walking", "facets": { "effect": "Helps.", "cost": "Free" } }]
          }
        </script>
        <p>
          Aerobic, resistance, high-intensity interval and combined training all improve insulin
          sensitivity; they differ in what they target.
        </p>`,
    ),
};

/** On a dark page: light text inherited; the accent and tints are mixed from it. */
export const Dark: Story = {
  args: { selected: 'resistance' },
  globals: { scheme: 'dark' },
};

/** In a right-to-left page: tabs, table and cards mirror. */
export const RightToLeft: Story = {
  name: 'Right to left',
  args: { selected: 'hiit' },
  globals: { dir: 'rtl' },
};

/** On a 320px phone column the tabs wrap onto rows. */
export const Narrow: Story = {
  name: 'Tabs, 320px',
  globals: { width: 'narrow' },
};

/** `lang="es"`: the element's own words in Spanish. The content itself is the preset's, in English. */
export const Spanish: Story = {
  name: 'Spanish (lang="es")',
  args: { lang: 'es', selected: 'combined' },
};

/**
 * A blog's own palette through the `--lw-*` tokens (set in Controls), and its own tab style
 * through `::part(tab)`, `::part(tab-selected)` and `::part(title)`.
 */
export const Themed: Story = {
  name: 'Themed (tokens and parts)',
  args: {
    '--lw-accent': '#8a3b12',
    '--lw-surface': '#fbf6ee',
    '--lw-border-color': '#dccbb1',
    '--lw-radius': '2px',
  },
  render: (args) =>
    html`<style>
        .house-style::part(tab) {
          border-width: 0 0 2px;
          border-radius: 0;
        }
        .house-style::part(tab-selected) {
          border-color: #8a3b12;
          color: #8a3b12;
        }
        .house-style::part(title) {
          font-variant: small-caps;
          letter-spacing: 0.02em;
        }
      </style>
      ${renderExplainer(tag, args, nothing, 'house-style')}`,
};

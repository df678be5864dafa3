import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { literal } from 'lit/static-html.js';
import { explainerArgTypes, renderExplainer, type ExplainerArgs } from './support/explainer-stories.js';
import { effortInlineScript, homeStrengthContent } from './support/custom-content.js';

const tag = literal`pathway-comparison`;

/**
 * "Two pathways to insulin sensitivity": medication (GLP-1 agonists, metformin) and training
 * (resistance, combined). Attributes, properties, events, CSS parts and custom properties below
 * come from custom-elements.json; change the page's scheme, direction and width in the toolbar.
 */
const meta: Meta<ExplainerArgs> = {
  title: 'pathway-comparison',
  component: 'pathway-comparison',
  tags: ['autodocs'],
  argTypes: explainerArgTypes('pathway-comparison', ['pharmacological', 'mechanical']),
  render: (args) => renderExplainer(tag, args),
};
export default meta;

type Story = StoryObj<ExplainerArgs>;

/** The pharmacological pathway, selected first when `selected` is unset. */
export const Pharmacological: Story = { args: { selected: 'pharmacological' } };

export const Mechanical: Story = { args: { selected: 'mechanical' } };

/** `view="compare"`: both pathways side by side, as a table when the element is wider than 40rem. */
export const Compare: Story = {
  name: 'Compare (wide)',
  args: { view: 'compare' },
  globals: { width: 'wide' },
};

/** Below 40rem of its own width the compare view stacks the pathways as cards. */
export const CompareNarrow: Story = {
  name: 'Compare, 320px (stacked)',
  args: { view: 'compare' },
  globals: { width: 'narrow' },
};

/** A comparison of your own, given as data through the `content` property. */
export const CustomContentProperty: Story = {
  name: 'Custom content: content property',
  args: { content: homeStrengthContent, view: 'compare' },
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
  args: { src: 'content/custom-comparison.json', view: 'compare' },
};

/**
 * A `src` file that fails the schema: the element names the fields at fault, fires
 * `explainer-error`, and shows the page's fallback markup again. It never throws.
 */
export const InvalidContent: Story = {
  name: 'Invalid content (error and fallback)',
  args: { src: 'content/broken-comparison.json' },
  render: (args) =>
    renderExplainer(
      tag,
      args,
      html`<p>
        Medication and training both improve insulin sensitivity, by different mechanisms: GLP-1
        agonists and metformin act on the pancreas and liver, training on skeletal muscle.
      </p>`,
    ),
};

/** On a dark page: light text inherited; the accent and tints are mixed from it. */
export const Dark: Story = {
  args: { selected: 'mechanical' },
  globals: { scheme: 'dark' },
};

/** In a right-to-left page: tabs, table and cards mirror. */
export const RightToLeft: Story = {
  name: 'Right to left',
  args: { view: 'compare' },
  globals: { dir: 'rtl' },
};

/** On a 320px phone column the tabs stack. */
export const Narrow: Story = {
  name: 'Tabs, 320px',
  args: { selected: 'mechanical' },
  globals: { width: 'narrow' },
};

/** `lang="es"`: the element's own words in Spanish. The content itself is the preset's, in English. */
export const Spanish: Story = {
  name: 'Spanish (lang="es")',
  args: { lang: 'es', view: 'compare' },
};

import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import manifest from '../custom-elements.json';
import '../src/index.js';
import './preview.css';

// Controls, the docs tables (attributes, properties, events, slots, CSS parts and custom
// properties) all come from the manifest the analyzer generates from the elements' JSDoc.
setCustomElementsManifest(manifest);

/** The page a story sits on, chosen in the toolbar or fixed by a story's `globals`. */
export interface BlogGlobals {
  /** A light page, or a dark one (dark background, light text, `--lw-color-scheme: dark`). */
  scheme: 'light' | 'dark';
  /** Text direction of the page. */
  dir: 'ltr' | 'rtl';
  /** The article column: a blog's ~680px measure, a 320px phone, or a wide 1040px layout. */
  width: 'column' | 'narrow' | 'wide';
  /** Show the element inside a blog post (a title and paragraphs around it), or on its own. */
  frame: 'post' | 'bare';
}

const defaults: BlogGlobals = { scheme: 'light', dir: 'ltr', width: 'column', frame: 'post' };

/**
 * Puts every story on a blog page: serif body text, a ~680px column, the page's colours. In the
 * story canvas the page is the whole frame (a `<main>` landmark, with an article title and prose
 * around the element); in docs pages each story is a framed excerpt without the prose.
 */
const withBlogPage: Decorator = (story, context) => {
  const g = { ...defaults, ...(context.globals as Partial<BlogGlobals>) };
  const inDocs = context.viewMode === 'docs';
  const post = !inDocs && g.frame === 'post';
  const column = html`<div class="lw-sb-column">
    ${post
      ? html`<h1>Exercise and insulin resistance</h1>
          <p>
            Exercise research compares training by what it asks of the body. The comparison below
            is embedded in this post the way a blogger would embed it.
          </p>`
      : nothing}
    ${story()}
    ${post ? html`<p>The article continues after the comparison, in the blog's own typography.</p>` : nothing}
  </div>`;
  return inDocs
    ? html`<div class="lw-sb-page" data-scheme=${g.scheme} data-width=${g.width} dir=${g.dir}>${column}</div>`
    : html`<main class="lw-sb-page" data-scheme=${g.scheme} data-width=${g.width} dir=${g.dir}>${column}</main>`;
};

const preview: Preview = {
  decorators: [withBlogPage],
  globalTypes: {
    scheme: {
      description: 'Page colour scheme',
      toolbar: {
        title: 'Scheme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light page', icon: 'sun' },
          { value: 'dark', title: 'Dark page', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
    width: {
      description: 'Width of the article column',
      toolbar: {
        title: 'Width',
        icon: 'mobile',
        items: [
          { value: 'column', title: 'Blog column (680px)' },
          { value: 'narrow', title: 'Narrow (320px)' },
          { value: 'wide', title: 'Wide (1040px)' },
        ],
        dynamicTitle: true,
      },
    },
    frame: {
      description: 'Show the element in a blog post, or on its own',
      toolbar: {
        title: 'Frame',
        icon: 'document',
        items: [
          { value: 'post', title: 'In a blog post' },
          { value: 'bare', title: 'Element only' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { ...defaults },
  parameters: {
    layout: 'fullscreen',
    // The page colour is the `scheme` global: the elements inherit it, so a separate canvas
    // background would only disagree with it.
    backgrounds: { disable: true },
    controls: { expanded: true },
    a11y: { test: 'error' },
    options: {
      storySort: { order: ['Introduction', 'Embedding in a blog', 'modality-explainer', 'pathway-comparison'] },
    },
  },
};

export default preview;

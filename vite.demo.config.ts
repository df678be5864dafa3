import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { buildPlugins } from './scripts/entries.mjs';

/**
 * The demo site: `demo/` is the web root, so `demo/index.html` is served at `/`.
 *
 * - `npm start`        dev server on http://127.0.0.1:5173/ (Vite prints the URL)
 * - `npm run build:demo`  static site in `dist-demo/`, built with the library's template minifier
 * - `npx vite preview --config vite.demo.config.ts`  serves `dist-demo/` on http://127.0.0.1:4173/
 *
 * The pages load the elements straight from `src/` (`<script type="module" src="/src/index.ts">`);
 * the `/src/` alias below maps that URL to the repository's `src/` folder, outside the web root,
 * in dev and in the build alike. The same URL works unchanged under Web Test Runner, which serves
 * the repository root.
 */
const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const demoRoot = fileURLToPath(new URL('./demo/', import.meta.url));

/** Every page of the demo, by output name. Adding a page is one line here. */
const pages: Record<string, string> = {
  index: `${demoRoot}index.html`,
  tracker: `${demoRoot}tracker.html`,
};

export default defineConfig({
  root: demoRoot,
  // Relative asset URLs, so `dist-demo/` works from any sub-path (GitHub Pages, a preview URL).
  base: './',
  plugins: buildPlugins(),
  resolve: {
    alias: [{ find: /^\/src\//, replacement: `${repoRoot}src/` }],
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    fs: { allow: [repoRoot] },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
  },
  build: {
    target: 'es2022',
    outDir: `${repoRoot}dist-demo`,
    emptyOutDir: true,
    rolldownOptions: {
      input: pages,
    },
  },
});

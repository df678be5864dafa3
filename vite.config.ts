import { defineConfig } from 'vite';
import { buildPlugins, libraryEntries } from './scripts/entries.mjs';

/**
 * The library build: ES modules, one entry per element, for bundlers and import maps. Runtime
 * dependencies stay external so a site's bundler loads one Lit for everything. Types come from
 * `tsc -p tsconfig.build.json`; the self-contained CDN files from `scripts/build-cdn.mjs`.
 */
export default defineConfig({
  plugins: buildPlugins(),
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    lib: {
      entry: libraryEntries,
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit(\/|$)/, /^@lit\//, /^zod(\/|$)/, /^d3-/],
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});

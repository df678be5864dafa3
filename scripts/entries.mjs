import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';

// The package's entry points, shared by the library build, the size report and the CDN build.
// Each key becomes dist/<key>.js.
export const libraryEntries = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  'modality-explainer': 'src/entries/modality-explainer.ts',
  'pathway-comparison': 'src/entries/pathway-comparison.ts',
  explainers: 'src/entries/explainers.ts',
  explainer: 'src/explainer/index.ts',
  storage: 'src/tracking/storage/index.ts',
  metrics: 'src/tracking/metrics/index.ts',
  'training-store': 'src/entries/training-store.ts',
  'weekly-summary': 'src/entries/weekly-summary.ts',
  'load-chart': 'src/entries/load-chart.ts',
  'session-logger': 'src/entries/session-logger.ts',
};

// Self-contained files for a blogger's <script type="module" src="https://cdn…">: Lit and zod
// inlined, no imports left. `explainers` is the small one a blog needs; `loadwise` has everything.
export const cdnBundles = {
  loadwise: 'src/index.ts',
  explainers: 'src/entries/explainers.ts',
};

// Lit's html`` and css`` templates are strings a JS minifier leaves alone; this collapses their
// white space and comments. Used by every production build.
export const buildPlugins = () => [minifyTemplateLiterals({ include: ['src/**/*.ts'], failOnError: true })];

/**
 * Vite config for one entry bundled with all its dependencies and fully minified, as a CDN or a
 * site's bundler would serve it. (Vite's library mode keeps white space in ES output; this is an
 * app-style build of the entry, keeping its exports.)
 */
export function standaloneBuild({ name, entry, outDir = 'dist/cdn', write = true, codeSplitting = true }) {
  return {
    configFile: false,
    logLevel: 'warn',
    plugins: buildPlugins(),
    build: {
      target: 'es2022',
      outDir,
      emptyOutDir: false,
      write,
      sourcemap: write,
      minify: true,
      modulePreload: false,
      rolldownOptions: {
        input: { [name]: entry },
        preserveEntrySignatures: 'strict',
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: `${name}-[name]-[hash].js`,
          ...(codeSplitting ? {} : { codeSplitting: false }),
        },
      },
    },
  };
}

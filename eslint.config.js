// Lint: JavaScript and TypeScript recommended rules, plus the Lit and web-component rules that
// catch template and element mistakes (bad bindings, missing super calls, constructor work).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

/**
 * The layers of src/ (ARCHITECTURE.md draws them): each folder may import only from the layers
 * below it, never from a layer above or from a sibling. Listed with the folders a file there
 * must not import; matched on the import's path as written.
 */
const ELEMENTS = ['session-logger', 'load-chart', 'weekly-summary'];
const layering = [
  { files: ['src/base/**'], forbid: ['explainer', 'tracking', 'entries'] },
  { files: ['src/explainer/**'], forbid: ['tracking', 'entries'] },
  { files: ['src/tracking/model.ts', 'src/tracking/units.ts', 'src/tracking/time/**'], forbid: ['metrics', 'storage', 'store', ...ELEMENTS, 'explainer', 'entries'] },
  { files: ['src/tracking/metrics/**'], forbid: ['storage', 'store', ...ELEMENTS, 'explainer', 'entries'] },
  { files: ['src/tracking/storage/**'], forbid: ['metrics', 'store', ...ELEMENTS, 'explainer', 'entries'] },
  { files: ['src/tracking/store/**'], forbid: ['metrics', ...ELEMENTS, 'explainer', 'entries'] },
  ...ELEMENTS.map((element) => ({ files: [`src/tracking/${element}/**`], forbid: [...ELEMENTS.filter((e) => e !== element), 'explainer', 'entries'] })),
].map(({ files, forbid }) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbid.map((folder) => ({
          regex: `(^|/)${folder}(/|\\.js$)`,
          message: `${files[0].replace('/**', '/')} may not import from ${folder}/: imports point down the layers only (see ARCHITECTURE.md).`,
        })),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/', 'dist-demo/', 'storybook-static/', 'node_modules/', 'custom-elements.json', '.loadwise-data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts', '.storybook/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts', '.storybook/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'test/plugins/**/*.mjs', '*.config.*', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The reference server, its tests and its benchmark run in Node, not in a browser.
    files: ['server/**/*.ts', 'test/server/**/*.ts', 'bench/server.bench.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // A strict Content Security Policy (style-src 'self') blocks every style attribute, and
    // styleMap writes one on first render: dynamic geometry goes through cssProps() (CSSOM).
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='lit/directives/style-map.js']",
          message: 'styleMap writes a style attribute, which a strict CSP blocks: use cssProps() from src/base/css-props.ts.',
        },
        {
          selector: 'TaggedTemplateExpression[tag.name=/^(html|svg)$/] TemplateElement[value.raw=/\\sstyle\\s*=/]',
          message: 'A style attribute is blocked by a strict CSP (style-src \'self\'): use a class, or cssProps() from src/base/css-props.ts.',
        },
      ],
    },
  },
  ...layering,
);

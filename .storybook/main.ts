import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for loadwise: the explainers as a blogger and a designer see them.
 *
 * The root vite.config.ts is the library build; Storybook's Vite builder keeps only its plugins
 * (the template-literal minifier) and build target, never its `build.lib` or output directory.
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // Content files the `src` stories fetch, served at ./content/ next to iframe.html.
  staticDirs: [{ from: '../stories/assets', to: '/content' }],
  core: { disableTelemetry: true },
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    // Quiet builds: Storybook's own UI chunks are large by nature and not what this project ships.
    logLevel: 'warn',
    build: { ...viteConfig.build, chunkSizeWarningLimit: 4096 },
    // In dev, the web-components renderer imports lit/directive-helpers.js outside Vite's
    // pre-bundled deps, which loaded a second copy of lit-html; pre-bundle it with the rest.
    optimizeDeps: {
      ...viteConfig.optimizeDeps,
      include: [...(viteConfig.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'],
    },
  }),
};

export default config;

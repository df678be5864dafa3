// Unit and browser tests, all in real headless Chromium (Debian's, found by scripts/chrome-path.mjs).
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeArgs, findChrome } from './scripts/chrome-path.mjs';
import { secondTabPlugin } from './test/plugins/second-tab.mjs';
import { referenceServerPlugin } from './test/plugins/reference-server.mjs';
import { timingsReporter } from './test/plugins/timings-reporter.mjs';
import { SOAK_FILES, SUITE_FILES } from './test/suites.mjs';

// scripts/test-repeat.mjs asks for every test's outcome and duration in a file of its own.
const timings = process.env.LOADWISE_TEST_TIMINGS;
// LOADWISE_SOAK=1 (npm run test:soak) runs the soak test alone; see test/suites.mjs.
const soak = process.env.LOADWISE_SOAK === '1';

export default {
  files: soak ? SOAK_FILES : SUITE_FILES,
  nodeResolve: { exportConditions: ['production', 'default'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    // Real second tabs and storage quotas for the storage conformance suite.
    secondTabPlugin(),
    // The reference server (server/), run for real for the remote adapter.
    referenceServerPlugin(),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findChrome(), headless: true, args: chromeArgs },
    }),
  ],
  ...(timings ? { reporters: [defaultReporter(), timingsReporter(timings)] } : {}),
  concurrency: soak ? 1 : 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 5 * 60 * 1000,
};

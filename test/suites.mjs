// Which browser test files run when (web-test-runner.config.mjs, scripts/test-repeat.mjs).
//
// The soak test (fifty devices writing through faults for a minute and more) keeps both cores of
// a 2-core machine busy. Run beside the suite, it starved whatever file ran next to it: tests that
// start a server or sync through a slow one ran past their timeouts. So `npm test` runs it after
// the rest, by itself (`npm run test:soak`).
export const SOAK_FILES = ['test/tracking/storage/remote/faults.test.ts'];

/** Every browser test but the soak; test/server runs in Node (npm run test:server). */
export const SUITE_FILES = ['test/**/*.test.ts', '!test/server/**', ...SOAK_FILES.map((file) => `!${file}`)];

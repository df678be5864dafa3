// Web Test Runner reporter: every test's outcome and duration, written as JSON when the run ends,
// for scripts/test-repeat.mjs (which sets LOADWISE_TEST_TIMINGS to the file to write). Durations
// are mocha's, in ms; a test cut off by the timeout reports about the timeout.
//
// Shape: { files: [{ file, passed, errors: [message], tests: [{ name, passed, duration, error }] }] }
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

/** The tests of a mocha suite tree, with their suite names joined by " > ". */
function flatten(suite, prefix = []) {
  if (!suite) return [];
  const path = suite.name ? [...prefix, suite.name] : prefix;
  return [
    ...suite.tests.map((test) => ({
      name: [...path, test.name].join(' > '),
      passed: test.passed,
      skipped: test.skipped,
      duration: test.duration ?? null,
      ...(test.error ? { error: test.error.message } : {}),
    })),
    ...suite.suites.flatMap((inner) => flatten(inner, path)),
  ];
}

export function timingsReporter(outFile) {
  let rootDir = process.cwd();
  return {
    start({ config }) {
      rootDir = config.rootDir ?? rootDir;
    },
    onTestRunFinished({ sessions }) {
      const files = sessions.map((session) => ({
        file: relative(rootDir, session.testFile),
        passed: Boolean(session.passed),
        errors: session.errors.map((error) => error.message),
        tests: flatten(session.testResults),
      }));
      writeFileSync(outFile, JSON.stringify({ files }, null, 1));
    },
  };
}

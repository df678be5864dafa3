// `npm test` stops here, with one line saying how to get a browser, when the machine has none.
import { findChrome, noChromeMessage } from './chrome-path.mjs';

const path = findChrome();
if (!path) {
  console.error(noChromeMessage);
  process.exit(1);
}

// Web Test Runner plugin: real second tabs, and real browser storage limits, for the storage
// conformance suite (test/tracking/storage/conformance.ts).
//
// Commands (call them with `executeServerCommand` from `@web/test-runner-commands`):
// - `second-tab-open` { path }          opens a new page in the test page's browser context (the same
//                                        origin and profile, so it shares localStorage and IndexedDB),
//                                        loads `path` from the test server and waits for `window.tab`.
//                                        Returns { tabId }.
// - `second-tab-call` { tabId, method, args }  awaits `window.tab[method](...args)` in that page and
//                                        returns its (JSON-serialisable) result.
// - `second-tab-close` { tabId }         closes the page.
// - `storage-quota` { quotaSize? }       sets (or, without quotaSize, resets) the storage quota of the
//                                        test page's origin, through the DevTools protocol
//                                        (`Storage.overrideQuotaForOrigin`). Chromium drops the
//                                        override when that DevTools session detaches, so it stays
//                                        attached until the reset.
//
// Playwright only: the launcher's `getPage(sessionId)` gives the test page.

/** Every open second tab by id, with the test session (file) that opened it. */
const tabs = new Map();
let nextId = 1;
/** DevTools sessions holding a quota override, per test session. */
const quotaSessions = new Map();

function testPage(session) {
  if (session.browser.type !== 'playwright') throw new Error('The second-tab commands need the Playwright launcher.');
  return session.browser.getPage(session.id);
}

/**
 * The tab a command names, if the calling test session opened it: one file's tests never reach
 * another file's tabs. (A test still running after its timeout meets its own tab closed by the
 * afterEach hook: that error follows the timeout, it does not cause it.)
 */
function tabOf(payload, session) {
  const tab = tabs.get(payload?.tabId);
  if (!tab) throw new Error(`No second tab ${payload?.tabId} (closed already, as after a test's timeout, or never opened).`);
  if (tab.sessionId !== session.id) throw new Error(`Second tab ${payload.tabId} belongs to another test file.`);
  return tab;
}

export function secondTabPlugin() {
  return {
    name: 'second-tab',
    async executeCommand({ command, payload, session }) {
      switch (command) {
        case 'second-tab-open': {
          const main = testPage(session);
          const page = await main.context().newPage();
          const tabId = `tab-${nextId++}`;
          tabs.set(tabId, { page, sessionId: session.id });
          // A page that dies with the test page must not keep the session's context alive.
          main.once('close', () => {
            tabs.delete(tabId);
            void page.close().catch(() => {});
          });
          page.on('pageerror', (error) => console.error(`[${tabId}] ${error.stack ?? error.message}`));
          await page.goto(new URL(payload.path, main.url()).href);
          await page.waitForFunction(() => Boolean(globalThis.tab), undefined, { timeout: 8000 });
          return { tabId };
        }
        case 'second-tab-call': {
          const { page } = tabOf(payload, session);
          const result = await page.evaluate(({ method, args }) => globalThis.tab[method](...args), {
            method: payload.method,
            args: payload.args ?? [],
          });
          // `null` would tell the runner no plugin handled the command.
          return { result: result ?? null };
        }
        case 'second-tab-close': {
          const tab = tabs.get(payload?.tabId);
          if (tab && tab.sessionId !== session.id) throw new Error(`Second tab ${payload.tabId} belongs to another test file.`);
          tabs.delete(payload?.tabId);
          if (tab && !tab.page.isClosed()) await tab.page.close();
          return true;
        }
        case 'storage-quota': {
          // The override lives as long as the DevTools session that set it: keep that session
          // attached until the quota is reset (or the test page goes away).
          const main = testPage(session);
          const origin = new URL(main.url()).origin;
          let cdp = quotaSessions.get(session.id);
          if (typeof payload?.quotaSize === 'number') {
            if (!cdp) {
              cdp = await main.context().newCDPSession(main);
              quotaSessions.set(session.id, cdp);
              main.once('close', () => quotaSessions.delete(session.id));
            }
            await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: payload.quotaSize });
          } else if (cdp) {
            quotaSessions.delete(session.id);
            await cdp.send('Storage.overrideQuotaForOrigin', { origin });
            await cdp.detach();
          }
          return true;
        }
        default:
          return undefined;
      }
    },
  };
}

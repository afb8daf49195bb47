// The `test` every browser spec uses: Playwright's own, plus two things.
//
// 1. A spec that opens browsers of its own (`browser.newContext()`, one per person in the story) gets
//    them closed when the test ends. Playwright closes only its `context` fixture; the others stayed
//    open for the rest of the worker's run, each with its pages and renderer process, and every page
//    still running its timers (countdowns, relative times, polling), so each test ran beside all the
//    pages of the tests before it.
// 2. A page load (`goto`, `reload`, back and forward) returns once the page has revealed what it
//    streamed. React 19.2 reveals streamed Suspense content in batches: each part arrives as a hidden
//    `<div hidden id="S:…">` at the end of <body> and is moved into place on the next frame, or up to
//    300 ms after the previous reveal, after the load event. Meanwhile the text is on the page twice
//    (the hidden copy, and the shell's own copy or fallback), so a page-wide `getByText` matched two
//    elements and failed at once on Playwright's strict mode (seen in CI on several specs, each then
//    scoped to <main> by hand). Every page of every context a test opens waits for that here.
import { test as base, type BrowserContext, type Page } from "@playwright/test";

export { expect } from "@playwright/test";

const STREAMED = "div[hidden][id^='S:']";
const settledPages = new WeakSet<Page>();

/** Makes the page's loads wait until no streamed part is still hidden (bounded: a part that never shows is the test's to report). */
function settleAfterLoads(page: Page) {
  if (settledPages.has(page)) return;
  settledPages.add(page);
  for (const name of ["goto", "reload", "goBack", "goForward"] as const) {
    const load = page[name].bind(page) as (...args: unknown[]) => ReturnType<Page["reload"]>;
    page[name] = (async (...args: unknown[]) => {
      const response = await load(...args);
      await page.waitForFunction((selector) => !document.querySelector(selector), STREAMED, { polling: 50, timeout: 5_000 }).catch(() => undefined);
      return response;
    }) as never;
  }
}

function settleContext(context: BrowserContext) {
  context.pages().forEach(settleAfterLoads);
  // Fired for every new page, `newPage()`'s and popups, before `newPage()` returns it.
  context.on("page", settleAfterLoads);
  return context;
}

export const test = base.extend<{ closeOpenedContexts: void }>({
  context: async ({ context }, use) => {
    await use(settleContext(context));
  },
  closeOpenedContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => settleContext(await newContext(...args));
      try {
        await use();
      } finally {
        browser.newContext = newContext;
      }
      // A context the test closed itself is gone from the list; closing twice is harmless anyway.
      await Promise.all(browser.contexts().filter((context) => !before.has(context)).map((context) => context.close()));
    },
    { auto: true },
  ],
});

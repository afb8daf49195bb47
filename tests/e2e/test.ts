// The `test` every browser spec uses: Playwright's own, plus one thing. A spec that opens browsers of
// its own (`browser.newContext()`, one per person in the story) gets them closed when the test ends.
// Playwright closes only its `context` fixture; the others stayed open for the rest of the worker's
// run, each with its pages and renderer process, and every page still running its timers
// (countdowns, relative times, polling), so each test ran beside all the pages of the tests before it.
import { test as base } from "@playwright/test";

export { expect } from "@playwright/test";

export const test = base.extend<{ closeOpenedContexts: void }>({
  closeOpenedContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      // A context the test closed itself is gone from the list; closing twice is harmless anyway.
      await Promise.all(browser.contexts().filter((context) => !before.has(context)).map((context) => context.close()));
    },
    { auto: true },
  ],
});

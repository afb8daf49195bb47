import { type Page } from "@playwright/test";
import { expect, test } from "./test";
import sharp from "sharp";
import { expectNoSeriousA11yViolations, signIn, staff } from "./helpers";

// Specs in a worker share one server and database, and every page shows the branding: this spec
// puts the built-in branding back through the same form when it ends, pass or fail.
const builtIn = { siteName: "Storyhouse", description: "Stories from creators, in communities you care about.", footer: "open-source stories, self-hosted." };

async function setTheme(page: Page, theme: "light" | "dark") {
  await page.evaluate((t) => localStorage.setItem("theme", t), theme);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
}

async function saveBranding(admin: Page) {
  await admin.getByRole("button", { name: "Save branding" }).click();
}

async function resetBranding(admin: Page) {
  await admin.goto("/admin/settings");
  await admin.getByLabel("Site name").fill(builtIn.siteName);
  await admin.getByLabel("Description").fill(builtIn.description);
  await admin.getByLabel("Footer text").fill(builtIn.footer);
  await admin.getByLabel("Accent colour", { exact: true }).fill("");
  for (const remove of await admin.getByRole("button", { name: /^Remove link/ }).all()) await remove.click();
  const branding = admin.locator("form", { has: admin.getByRole("button", { name: "Save branding" }) });
  while (await branding.getByRole("button", { name: "Remove", exact: true }).count()) await branding.getByRole("button", { name: "Remove", exact: true }).first().click();
  await admin.getByLabel("Why change the branding").fill("Back to the built-in branding after the branding spec");
  await saveBranding(admin);
  await expect(admin.getByRole("status")).toContainText("Branding saved");
}

test("an admin renames the site, picks an accent and adds a link and a logo; the header, title, footer and feed show them", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, staff.admin);
  try {
    await admin.goto("/admin/settings");
    await expect(admin.getByRole("heading", { name: "Branding" })).toBeVisible();
    for (const theme of ["light", "dark"] as const) {
      await setTheme(admin, theme);
      await expectNoSeriousA11yViolations(admin);
    }
    await setTheme(admin, "light");

    // A colour too light to read on white is refused, by name, and nothing typed is lost.
    await admin.getByLabel("Site name").fill("Riverside Stories");
    await admin.getByLabel("Accent colour", { exact: true }).fill("#fbbf24");
    await expect(admin.getByText(/Contrast with white 1\.\d\d:1 \(needs 4\.5:1\)/)).toBeVisible();
    await admin.getByRole("button", { name: "Add a link" }).click();
    await admin.getByLabel("Link 1 label").fill("About us");
    await admin.getByLabel("Link 1 address").fill("/about");
    await admin.getByLabel("Upload logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: await logoPng() });
    await expect(admin.getByRole("img", { name: "Current logo" })).toBeVisible();
    await admin.getByLabel("Why change the branding").fill("Launch of the river towns edition");
    await saveBranding(admin);
    await expect(admin.getByLabel("Accent colour", { exact: true })).toBeFocused();
    await expect(admin.getByText(/#fbbf24 is too light: against white its contrast is 1\.\d\d:1/)).toBeVisible();
    await expect(admin.getByLabel("Site name")).toHaveValue("Riverside Stories");
    await expect(admin.getByLabel("Link 1 label")).toHaveValue("About us");
    await expect(admin.getByRole("img", { name: "Current logo" })).toBeVisible();
    await expectNoSeriousA11yViolations(admin);

    // A darker shade passes and is saved.
    await admin.getByLabel("Accent colour", { exact: true }).fill("#1d4ed8");
    await admin.getByLabel("Why change the branding").fill("Launch of the river towns edition");
    await saveBranding(admin);
    await expect(admin.getByRole("status")).toContainText("Branding saved");

    // A visitor sees it at once: header name and logo, the extra link, the title, the accent, the footer.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto("/communities");
    await expect(visitor).toHaveTitle("Communities · Riverside Stories");
    const header = visitor.locator("header").first();
    const home = header.getByRole("link", { name: "Riverside Stories" });
    await expect(home).toBeVisible();
    await expect(home.locator("img")).toHaveAttribute("src", /^\/media\/[a-z0-9]+-\d+\.webp$/);
    await expect(header.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "About us" })).toHaveAttribute("href", "/about");
    await expect(visitor.getByRole("navigation", { name: "Footer" }).getByRole("link", { name: "About us" })).toBeVisible();
    expect(await visitor.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--color-brand-600").trim())).toBe("#1d4ed8");
    await visitor.goto("/");
    await expect(visitor).toHaveTitle("Riverside Stories");
    await expect(visitor.locator('head link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute("title", "Riverside Stories");
    await header.screenshot({ path: "test-results/branding-header.png" });
    await visitor.setViewportSize({ width: 375, height: 800 });
    await visitor.reload();
    await expect(visitor.locator("header").first().getByRole("link", { name: "Riverside Stories" })).toBeVisible();
    await visitor.locator("header").first().screenshot({ path: "test-results/branding-header-375.png" });

    const feed = await (await visitor.request.get("/feed.xml")).text();
    expect(feed).toContain("<title>Riverside Stories</title>");
  } finally {
    await resetBranding(admin);
  }
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/");
  await expect(visitor).toHaveTitle("Storyhouse");
  await expect(visitor.locator("header").first().getByRole("link", { name: "About us" })).toHaveCount(0);
});

/** A small two-colour logo, made on the spot. */
async function logoPng() {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160"><rect width="160" height="160" rx="32" fill="#1d4ed8"/><path d="M30 110 Q80 40 130 110" stroke="#fff" stroke-width="16" fill="none"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

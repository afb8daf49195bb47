import { expect, test } from "./test";
import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { expectNoSeriousA11yViolations, signIn, staff } from "./helpers";

test("an admin exports the whole site from the admin area and gets the versioned zip, then the Ghost JSON", async ({ page }) => {
  await signIn(page, staff.admin);
  await page.goto("/admin/reviews");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Export" }).click();
  await expect(page.getByRole("heading", { name: "Export the site", level: 1 })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Include password hashes" })).not.toBeChecked();
  await expectNoSeriousA11yViolations(page);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/artifacts/admin-export${width === 375 ? "-375" : ""}.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download site archive (.zip)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^storyhouse-site-\d{4}-\d\d-\d\d\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  const manifest = JSON.parse(strFromU8(files["manifest.json"]));
  expect(manifest).toMatchObject({ format: "storyhouse-site-archive", version: 1, passwordHashes: false });
  expect(strFromU8(files["tables/User.jsonl"])).toContain(staff.admin.email);
  expect(strFromU8(files["tables/User.jsonl"])).not.toContain("passwordHash");

  const [ghost] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download Ghost JSON" }).click()]);
  expect(ghost.suggestedFilename()).toMatch(/^storyhouse-ghost-.+\.json$/);
  expect(JSON.parse(await readFile(await ghost.path(), "utf8")).db[0].meta).toMatchObject({ version: "5.0.0" });
});

test("a moderator sees the Export tab but not the downloads", async ({ page }) => {
  await signIn(page, staff.moderator);
  await page.goto("/admin/export");
  // In the page's main part (while it streams, React briefly holds a hidden copy at the end of the body).
  await expect(page.getByRole("main").getByText("Only admins can export the site.")).toBeVisible();
  const response = await page.request.get("/admin/export/site?passwordHashes=1");
  expect(response.status()).toBe(403);
});

import { type Page } from "@playwright/test";
import { expect, test } from "./test";
import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { publishStory, signOut, signUp } from "./helpers";

/** Full-page screenshots at desktop width and at a 375px phone width, with no sideways scrolling there. */
async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/artifacts/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: `test-results/artifacts/${name}-375.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways at 375px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a creator downloads their data, and another imports it: a dry run first, then the stories on their pages", async ({ page }) => {
  await signUp(page, "Leaving Writer", { land: false });
  const storyUrl = await publishStory(page, "Moving day notes", { tags: "Moving, Notes" });
  const slug = new URL(storyUrl).pathname.split("/").pop()!;

  await page.goto("/settings/profile");
  await page.getByRole("link", { name: "your data" }).click();
  await expect(page.getByRole("heading", { name: "Your data", level: 1 })).toBeVisible();
  await expect(page.getByText("You haven't imported anything yet.")).toBeVisible();
  await screenshots(page, "settings-data");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my data (.zip)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^storyhouse-.+-\d{4}-\d\d-\d\d\.zip$/);
  // Uploaded again under the name it was downloaded with (Playwright keeps downloads under a random name).
  const archive = { name: download.suggestedFilename(), mimeType: "application/zip", buffer: await readFile(await download.path()) };
  const files = unzipSync(new Uint8Array(archive.buffer));
  const storyFile = Object.keys(files).find((name) => name.startsWith("stories/") && name.endsWith("moving-day-notes.md"));
  expect(storyFile).toBeTruthy();
  expect(strFromU8(files[storyFile!])).toMatch(/^---\ntitle: Moving day notes\n[\s\S]*status: published\n[\s\S]*---\n\n## Where it started/);
  await signOut(page);

  await signUp(page, "Arriving Writer", { land: false });
  await page.goto("/settings/data");
  // Without a file: the error sits beside the file input.
  await page.getByLabel("Community for the stories").selectOption("journal");
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.locator("#field-file-error")).toHaveText("Choose the file to import");
  await expect(page.getByLabel("Community for the stories")).toHaveValue("journal");

  await page.getByLabel("File", { exact: true }).setInputFiles(archive);
  await page.getByLabel("Dry run").check();
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/settings\/data\/imports\/[a-z0-9]+$/);
  await expect(page.getByText(/Nothing was created\. 1 story would be created/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Moving day notes would be published")).toBeVisible();
  await screenshots(page, "import-dry-run");

  await page.goto("/settings/data");
  await page.getByLabel("File", { exact: true }).setInputFiles(archive);
  await page.getByLabel("Community for the stories").selectOption("journal");
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(/Finished: 1 story created, 0 skipped/)).toBeVisible({ timeout: 30_000 });
  await screenshots(page, "import-done");

  // The slug was taken in the journal by the first creator, so the story gets the next free one.
  await page.goto(`/journal/${slug}-2`);
  await expect(page.getByRole("heading", { name: "Moving day notes", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Arriving Writer" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Moving", exact: true })).toBeVisible();

  // The same file again creates nothing.
  await page.goto("/settings/data");
  await page.getByLabel("File", { exact: true }).setInputFiles(archive);
  await page.getByLabel("Community for the stories").selectOption("journal");
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(/Finished: 0 stories created, 1 skipped as already here/)).toBeVisible({ timeout: 30_000 });
  await page.goto("/settings/data");
  const imports = page.getByRole("region", { name: "Your imports" }).getByRole("link");
  await expect(imports).toHaveCount(3);
  await expect(imports.first()).toHaveText(archive.name);
  await expect(imports.last()).toHaveText(`${archive.name} (dry run)`);
});

import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { strToU8, zipSync } from "fflate";
import { testPng } from "../helpers/images";
import { ghostExport, mediumPost, siteWxr, wxr } from "../helpers/import-fixtures";
import { expectNoSeriousA11yViolations, signIn, signUp, sql, staff } from "./helpers";

// Issue 16's "done": one file of each other platform's format imported through the real page, the
// job followed on its progress page, and the stories on their public pages with their images,
// author and original date. The fixtures are the integration tests' (tests/helpers/import-fixtures.ts).

type Upload = { name: string; mimeType: string; buffer: Buffer };
const upload = (name: string, bytes: Uint8Array, mimeType = "application/zip"): Upload => ({ name, mimeType, buffer: Buffer.from(bytes) });

/** Uploads `file` as `format` into the journal from `from` (a creator's /settings/data, an admin's /admin/import) and waits on the progress page for `finished`. */
async function runImport(page: Page, format: string, file: Upload, { dryRun, finished, from = "/settings/data" }: { dryRun: boolean; finished: RegExp; from?: string }) {
  await page.goto(from);
  await page.getByLabel("What kind of file").selectOption(format);
  await page.getByLabel("File", { exact: true }).setInputFiles(file);
  await page.getByLabel("Community for the stories").selectOption("journal");
  if (dryRun) await page.getByLabel("Dry run").check();
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/settings\/data\/imports\/[a-z0-9]+$/);
  // The page asks the server again every 2 s while the job runs; this waits for what it shows at the end.
  await expect(page.getByText(finished)).toBeVisible({ timeout: 30_000 });
}

/** The public address of the creator's story titled `title` (its slug is only known once published). */
async function storyPath(email: string, title: string): Promise<string> {
  const [row] = await sql<{ path: string }>(
    `select '/' || c.slug || '/' || s.slug as path from "Story" s join "Community" c on c.id = s."communityId" join "User" u on u.id = s."authorId" where u.email = $1 and s.title = $2 and s.status = 'PUBLISHED'`,
    [email, title],
  );
  expect(row, `"${title}" published`).toBeTruthy();
  return row.path;
}

/** The story page shows its author and original date, and every image in the article loaded. */
async function expectStoryPage(page: Page, path: string, { title, author, publishedAt, images }: { title: string; author: string; publishedAt: string; images: number }) {
  await page.goto(path);
  const article = page.locator("article").first();
  await expect(article.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(article.getByRole("link", { name: author, exact: true }).first()).toBeVisible();
  await expect(article.locator(`time[datetime="${publishedAt}"]`).first()).toBeVisible();
  const media = article.locator('img[src^="/media/"]');
  await expect(media).toHaveCount(images);
  // Loaded and decoded: the stored WebP came back from /media.
  await expect.poll(() => media.evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))).toBe(true);
}

test("a creator imports a Ghost export, a WordPress WXR and a Medium export: dry run, run, and the stories on their pages with images, author and date", async ({ page }) => {
  const me = await signUp(page, "Moving Creator");

  const ghost = upload(
    "ghost-export.zip",
    zipSync({
      "my-site.ghost.2023-12-02.json": strToU8(JSON.stringify(ghostExport())),
      "content/images/2023/05/beans.png": await testPng(600, 10),
      "content/images/2023/05/hero.png": await testPng(1200, 20),
    }),
  );
  const wordpress = upload(
    "wordpress-export.zip",
    zipSync({
      "oldblog.WordPress.2023-12-02.xml": strToU8(wxr),
      "wp-content/uploads/2021/06/harbor.jpg": await testPng(1000, 30),
      "wp-content/uploads/2021/06/rope.png": await testPng(400, 40),
    }),
  );
  const medium = upload(
    "medium-export.zip",
    zipSync({
      "medium-export-0a1b2c/posts/2019-03-03_Rain---Ink-9f8e7d6c5b4a.html": strToU8(
        // No image: Medium's export leaves them on its CDN, which the test machine can't reach.
        mediumPost({ title: "Rain &amp; ink", subtitle: "On writing outdoors", published: "2019-03-03T08:15:00.000Z", body: '<p class="graf graf--p">It <em>rained</em> all day.</p>' }),
      ),
      "medium-export-0a1b2c/posts/draft_Notes-1a2b3c4d5e6f.html": strToU8(mediumPost({ title: "Notes", subtitle: "", body: '<p class="graf graf--p">Half done.</p>' })),
    }),
  );

  // Ghost: four posts, one a page (not a story), one whose image isn't in the zip.
  await runImport(page, "GHOST", ghost, { dryRun: true, finished: /Nothing was created\. 2 stories would be created, 0 skipped as already here, 1 can't be imported/ });
  await expect(page.getByText("Coffee in the mountains would be published")).toBeVisible();
  await runImport(page, "GHOST", ghost, { dryRun: false, finished: /Finished: 2 stories created, 0 skipped as already here, 1 not imported/ });
  await expect(page.getByText(/posts\[3\] "lost-image": the image \/content\/images\/2023\/05\/missing\.png isn't in the upload/)).toBeVisible();

  await runImport(page, "WORDPRESS", wordpress, { dryRun: true, finished: /Nothing was created\. 2 stories would be created/ });
  await expect(page.getByText("By the harbor & back would be published")).toBeVisible();
  await runImport(page, "WORDPRESS", wordpress, { dryRun: false, finished: /Finished: 2 stories created, 0 skipped as already here, 0 not imported/ });

  await runImport(page, "MEDIUM", medium, { dryRun: true, finished: /Nothing was created\. 2 stories would be created/ });
  await expect(page.getByText("Notes would be a draft")).toBeVisible();
  await runImport(page, "MEDIUM", medium, { dryRun: false, finished: /Finished: 2 stories created, 0 skipped as already here, 0 not imported/ });

  await expectStoryPage(page, await storyPath(me.email, "Coffee in the mountains"), { title: "Coffee in the mountains", author: me.name, publishedAt: "2023-05-01T10:00:00.000Z", images: 2 });
  await expect(page.getByRole("img", { name: "Terraces at dawn" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Beans drying" })).toBeVisible();
  await expectStoryPage(page, await storyPath(me.email, "By the harbor & back"), { title: "By the harbor & back", author: me.name, publishedAt: "2021-06-15T07:30:00.000Z", images: 2 });
  await expect(page.getByRole("img", { name: "Boats in the harbor" })).toBeVisible();
  await expect(page.getByRole("img", { name: "A coil of rope" })).toBeVisible();
  await expectStoryPage(page, await storyPath(me.email, "Rain & ink"), { title: "Rain & ink", author: me.name, publishedAt: "2019-03-03T08:15:00.000Z", images: 0 });

  // Their old addresses lead to them (the old domain pointed here): Ghost's /{slug}/ and WordPress's
  // dated permalink, each a permanent redirect to the story. (On a retry the first run's story
  // keeps the address: the first to claim a path keeps it.)
  for (const [old, title] of [
    ["/coffee-in-the-mountains/", "Coffee in the mountains"],
    ["/2021/06/by-the-harbor/", "By the harbor & back"],
  ] as const) {
    const answer = await page.request.get(old.replace(/\/$/, ""), { maxRedirects: 0 });
    expect(answer.status(), old).toBe(308);
    // Next 16.4 writes the Location header of a redirect from a cached page twice, the same both times.
    const locations = new Set(answer.headersArray().filter((h) => h.name.toLowerCase() === "location").map((h) => h.value));
    expect([...locations]).toHaveLength(1);
    expect([...locations][0]).toMatch(new RegExp(`^/journal/${old.split("/").filter(Boolean).pop()}(-\\d+)?$`));
    await page.goto(old);
    await expect(page.locator("article").first().getByRole("heading", { name: title, level: 1 })).toBeVisible();
  }
  expect((await page.request.get("/2021/06/no-such-post", { maxRedirects: 0 })).status()).toBe(404);
});

test("an admin imports a whole WordPress site: its authors become members, approved comments come with their threads, and the old address leads to the post", async ({ page }) => {
  await signIn(page, staff.admin);
  const file = upload("harbor-town.WordPress.xml", strToU8(siteWxr), "text/xml");
  await runImport(page, "WORDPRESS", file, { from: "/admin/import", dryRun: true, finished: /Nothing was created\. 2 stories would be created/ });
  await expect(page.getByText("Sam Sailor").first()).toBeVisible();
  await shot(page, "admin-site-import-dry-run");
  await runImport(page, "WORDPRESS", file, { from: "/admin/import", dryRun: false, finished: /Finished: 2 stories created, 0 skipped as already here, 0 not imported/ });

  // The post, under its old address, by its author, with the approved comments and the reply's thread.
  await page.goto("/2022/04/the-new-pier-opens/");
  const article = page.locator("article").first();
  await expect(article.getByRole("heading", { name: "The new pier opens", level: 1 })).toBeVisible();
  await expect(article.getByRole("link", { name: "Sam Sailor", exact: true }).first()).toBeVisible();
  await expect(page.getByText("Congratulations! At last.")).toBeVisible();
  await expect(page.getByText("Thank you, Ann.")).toBeVisible();
  await expect(page.getByText("Buy now")).toHaveCount(0);
  await expect(page.getByText("Waiting for approval")).toHaveCount(0);

  // The admin page, desktop and phone.
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import another platform's site" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await shot(page, "admin-site-import-desktop");
  await page.setViewportSize({ width: 375, height: 812 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await shot(page, "admin-site-import-375");
});

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/${name}.png`, fullPage: true });

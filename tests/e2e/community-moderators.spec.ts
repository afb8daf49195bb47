import { randomUUID } from "node:crypto";
import { type Page } from "@playwright/test";
import { expect, test } from "./test";
import { expectNoSeriousA11yViolations, fillStory, openAccountMenu, signIn, signUp, sql, staff, storyBody, submitForReview } from "./helpers";

async function setTheme(page: Page, theme: "light" | "dark") {
  await page.evaluate((t) => localStorage.setItem("theme", t), theme);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
}

async function submitTo(page: Page, community: string, title: string): Promise<string> {
  await page.goto("/studio/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Community").selectOption(community);
  await fillStory(page, storyBody);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(/\/edit\?submitted=1$/);
  return page.url().replace(/\?.*$/, "").split("/").at(-2)!;
}

test("an admin adds a community moderator, who approves a story there and can't open one from another community", async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const slug = `garden-notes-${suffix}`;
  const communityId = `e2e${randomUUID().replaceAll("-", "").slice(0, 22)}`;
  await sql(`insert into "Community" (id, slug, name, description) values ($1, $2, $3, 'Plots and pots.')`, [communityId, slug, `Garden Notes ${suffix}`]);

  const member = await (await browser.newContext()).newPage();
  const { email } = await signUp(member, "Gale Gardener");
  const [{ handle }] = await sql<{ handle: string }>(`select handle from "User" where email = $1`, [email]);

  // The admin adds them from the community's page (a failed add keeps what was typed).
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, staff.admin);
  await admin.goto(`/admin/communities/${communityId}`);
  const section = admin.getByRole("region", { name: "Community moderators" });
  await expect(section.getByText("No community moderators yet.")).toBeVisible();
  for (const theme of ["light", "dark"] as const) {
    await setTheme(admin, theme);
    await expectNoSeriousA11yViolations(admin);
  }
  await setTheme(admin, "light");
  await section.getByLabel("Member's handle").fill("@no-such-member-here");
  await section.getByLabel("Why").fill("Runs the allotment society");
  await section.getByRole("button", { name: "Add moderator" }).click();
  await expect(section.getByText("No member has the handle @no-such-member-here")).toBeVisible();
  await expect(section.getByLabel("Why")).toHaveValue("Runs the allotment society");
  await section.getByLabel("Member's handle").fill(`@${handle}`);
  await section.getByRole("button", { name: "Add moderator" }).click();
  await expect(section.getByText(`Added @${handle}`)).toBeVisible();
  await expect(section.getByRole("list", { name: "Moderators" })).toContainText("Gale Gardener");
  await admin.screenshot({ path: "test-results/community-moderators-admin.png", fullPage: true });
  await admin.setViewportSize({ width: 375, height: 800 });
  await admin.screenshot({ path: "test-results/community-moderators-admin-375.png", fullPage: true });
  await expectNoSeriousA11yViolations(admin);
  const [logged] = await sql<{ reason: string }>(`select reason from "ModerationAction" where action = 'COMMUNITY_MODERATOR_ADD' and "targetId" = $1`, [communityId]);
  expect(logged.reason).toBe("Runs the allotment society");

  // A new creator submits one story there and one to another community.
  const creator = await (await browser.newContext()).newPage();
  await signUp(creator, "Sid Submitter", { trusted: false, land: false });
  const here = `Tomatoes in November ${suffix}`;
  const elsewhere = `A journal entry ${suffix}`;
  const hereId = await submitTo(creator, slug, here);
  const elsewhereId = await submitForReview(creator, elsewhere);

  // The member's account menu leads to moderation (not Admin); the tabs are only what they may use.
  await member.goto("/");
  const menu = await openAccountMenu(member);
  await expect(menu.getByRole("link", { name: "Admin" })).toHaveCount(0);
  await menu.getByRole("link", { name: "Moderation" }).click();
  await expect(member).toHaveURL(/\/admin\/reviews$/);
  const tabs = member.getByRole("navigation", { name: "Admin" });
  await expect(tabs.getByRole("link", { name: "Reports" })).toBeVisible();
  await expect(tabs.getByRole("link")).toHaveText(["Reviews", "Reports"]);
  const queue = member.getByRole("list", { name: "Review queue" });
  await expect(queue.getByText(elsewhere)).toHaveCount(0);
  await queue.getByRole("link", { name: here }).click();
  await expect(member).toHaveURL(new RegExp(`/admin/reviews/${hereId}$`));
  await member.getByRole("button", { name: "Approve and publish" }).click();
  await expect(member).toHaveURL(/\/admin\/reviews\?done=published$/);
  const [story] = await sql<{ status: string }>(`select status from "Story" where id = $1`, [hereId]);
  expect(story.status).toBe("PUBLISHED");

  // Another community's story: not found, and still waiting.
  await member.goto(`/admin/reviews/${elsewhereId}`);
  await expect(member.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(member.getByText(elsewhere)).toHaveCount(0);
  const [other] = await sql<{ status: string; reviewClaimedById: string | null }>(`select status, "reviewClaimedById" from "Story" where id = $1`, [elsewhereId]);
  expect(other).toEqual({ status: "SUBMITTED", reviewClaimedById: null });
  // Staff pages stay shut.
  await member.goto("/admin/users");
  await expect(member.getByRole("main").getByText("You don't have access to this page.")).toBeVisible();
});

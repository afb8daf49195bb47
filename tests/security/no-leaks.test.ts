// No DTO the data layer hands out carries a password hash, another member's email, or someone
// else's draft. Every public read, every per-viewer read and every staff read is called with a
// member who has a real (argon2) password, a published story, a comment, a report against them
// and a draft; the JSON of each answer is searched. The browser spec
// (tests/e2e/security-leaks.spec.ts) does the same over HTTP for pages, APIs, feeds and sitemaps.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/permissions";
import { createUser, findViewer, getCreatorProfile, getMyProfile } from "@/lib/data/users";
import { getPublishedStory, listPublishedStories } from "@/lib/data/public-stories";
import { listMyStories } from "@/lib/data/studio-stories";
import { listStoryComments } from "@/lib/data/comments";
import { searchStories } from "@/lib/data/search";
import { listFeedStories } from "@/lib/data/feeds";
import { listSitemapCreators, listSitemapStories } from "@/lib/data/sitemap";
import { getViewerState, listFollowingStories, listMyBookmarks, setBookmark, setFollow } from "@/lib/data/engagement";
import { getMyCommentsState } from "@/lib/data/comment-moderation";
import { listMyNotifications } from "@/lib/data/notifications";
import { createReport, listOpenReportGroups } from "@/lib/data/reports";
import { listAuditLog } from "@/lib/data/audit-log";
import { listReviewQueue } from "@/lib/data/review";
import { getUserForStaff, listUsersForStaff } from "@/lib/data/admin-users";
import { listOpenAppeals } from "@/lib/data/appeals";
import { listFeaturedStories, listTopCreators, listTrendingStories } from "@/lib/data/discovery";
import { restrictUser } from "@/lib/data/restrictions";
import { createAppeal } from "@/lib/data/appeals";
import { community, comment, draftStory, publishedStory, quickUser, unique } from "./world";

let victim: Viewer;
let victimEmail: string;
let reader: Viewer;
let moderator: Viewer;
let storyHref: { community: string; slug: string };
let storyId: string;
const secret = `DRAFTSECRET${unique()}`;

beforeAll(async () => {
  victimEmail = `victim-${unique()}@example.com`;
  const created = await createUser({ name: "Victim Writer", email: victimEmail, password: "a long enough password" });
  await db.user.update({ where: { id: created.id }, data: { trustOverride: true, emailVerifiedAt: new Date() } });
  victim = (await findViewer(created.id))!;
  [reader, moderator] = await Promise.all([quickUser(), quickUser({ role: "MODERATOR" })]);
  const c = await community();
  const story = await publishedStory(victim, c.slug, { title: "Victim's public story about rivers", body: "Rivers and bridges." });
  storyId = story.id;
  const [, communitySlug, slug] = story.href.split("/");
  storyHref = { community: communitySlug, slug };
  await draftStory(victim, c.slug, { title: `${secret} title`, body: `${secret} body`, subtitle: secret });
  await comment(victim, story.id, "The victim's own comment");
  await createReport(reader, { targetType: "USER", targetId: victim.id, reason: "SPAM", details: "" });
  const { actionId } = await restrictUser(moderator, victim.id, { kind: "WARNING", reason: "Leak test", expiresAt: null });
  await createAppeal(victim, actionId, "Please reconsider this warning.");
  await setBookmark(reader, story.id, true);
  await setFollow(reader, victim.id, true);
  expect((await db.user.findUniqueOrThrow({ where: { id: victim.id }, select: { passwordHash: true } })).passwordHash).toMatch(/^\$argon2/);
});

function leaks(value: unknown, { emailAllowed = false } = {}): string[] {
  const json = JSON.stringify(value);
  const found: string[] = [];
  if (json.includes("$argon2")) found.push("a password hash");
  if (/passwordHash/.test(json)) found.push("a passwordHash field");
  if (!emailAllowed && json.toLowerCase().includes(victimEmail)) found.push("the victim's email");
  if (json.includes(secret)) found.push("the victim's draft");
  return found;
}

describe("no DTO leaks", () => {
  it("public reads", async () => {
    const reads = {
      listPublishedStories: await listPublishedStories({}),
      getPublishedStory: await getPublishedStory(storyHref.community, storyHref.slug),
      listStoryComments: await listStoryComments(storyId),
      getCreatorProfile: await getCreatorProfile(victim.handle),
      searchStories: await searchStories({ q: "rivers" }),
      searchForTheDraft: await searchStories({ q: secret }),
      listFeedStories: await listFeedStories({}),
      listSitemapStories: await listSitemapStories(0, 100),
      listSitemapCreators: await listSitemapCreators(0, 100),
      listFeaturedStories: await listFeaturedStories(),
      listTrendingStories: await listTrendingStories(),
      listTopCreators: await listTopCreators(storyHref.community),
    };
    expect(reads.getPublishedStory).not.toBeNull(); // the reads do see the victim's content
    for (const [name, value] of Object.entries(reads)) expect(leaks(value), name).toEqual([]);
  });

  it("another reader's own reads", async () => {
    const reads = {
      getViewerState: await getViewerState(reader, { storyId, creatorId: victim.id }),
      getMyCommentsState: await getMyCommentsState(reader, storyId),
      listMyBookmarks: await listMyBookmarks(reader),
      listFollowingStories: await listFollowingStories(reader),
      listMyNotifications: await listMyNotifications(reader),
      getMyProfile: await getMyProfile(reader),
      listMyStories: (await listMyStories(reader)).items,
    };
    for (const [name, value] of Object.entries(reads)) expect(leaks(value), name).toEqual([]);
  });

  it("staff reads: emails only where staff manage users, never a hash or a draft", async () => {
    const reads = {
      listOpenReportGroups: await listOpenReportGroups(moderator),
      listAuditLog: await listAuditLog(moderator, {}),
      listReviewQueue: await listReviewQueue(moderator),
    };
    for (const [name, value] of Object.entries(reads)) expect(leaks(value), name).toEqual([]);
    const admin = await quickUser({ role: "ADMIN" });
    expect(leaks(await listOpenAppeals(admin)), "listOpenAppeals").toEqual([]);
    const users = await listUsersForStaff(moderator, { q: victim.handle });
    const detail = await getUserForStaff(moderator, victim.id);
    expect(JSON.stringify(detail)).toContain(victimEmail); // the intended exception is real
    expect(leaks(users, { emailAllowed: true }), "listUsersForStaff").toEqual([]);
    expect(leaks(detail, { emailAllowed: true }), "getUserForStaff").toEqual([]);
  });

  it("the author's own reads do show the draft (so the checks above can fail)", async () => {
    expect(leaks((await listMyStories(victim)).items)).toContain("the victim's draft");
    expect(leaks(await getMyProfile(victim))).toContain("the victim's email");
  });
});

// Every list a page shows must be served by an index, so it stays fast at 100,000 stories and a
// million comments. The database gets 20,000 stories and 60,000 comments (generated in SQL, about
// a second) and fresh statistics, so the planner plans as it would for a real site: a sequential
// scan of Story or Comment in any list's plan means a missing index, and fails here.
import "../helpers/enable-query-events";
import { beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createComment, listStoryComments } from "@/lib/data/comments";
import { listPublishedStories, getPublishedStory } from "@/lib/data/public-stories";
import { listMyStories } from "@/lib/data/studio-stories";
import { listFeaturedStories, listTopCreators, listTrendingStories, refreshDiscoveryRankings } from "@/lib/data/discovery";
import { listFeedStories } from "@/lib/data/feeds";
import { searchStories } from "@/lib/data/search";
import { listFollowingStories, listMyBookmarks, setBookmark, setFollow, setHeart } from "@/lib/data/engagement";
import { getMyDailyReads } from "@/lib/data/studio";
import { getCreatorProfile } from "@/lib/data/users";
import { listReviewQueue } from "@/lib/data/review";
import { createReport, listOpenReportGroups } from "@/lib/data/reports";
import { listAuditLog } from "@/lib/data/audit-log";
import { getUserForStaff, listUsersForStaff } from "@/lib/data/admin-users";
import { listMyModerationActions, listOpenAppeals } from "@/lib/data/appeals";
import { listMyNotifications } from "@/lib/data/notifications";
import type { Viewer } from "@/lib/auth/permissions";

import { db } from "@/lib/db";
import { makeCommunity, makePublishedStory, makeUser } from "../helpers/factories";

type QueryEvent = { query: string; params: string };
const captured: QueryEvent[] = [];
(db as unknown as { $on(event: "query", listener: (e: QueryEvent) => void): void }).$on("query", (e) => captured.push(e));

const watched = new Set(["Story", "Comment"]);

type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };
function seqScans(node: PlanNode, found: string[] = []): string[] {
  if (node["Node Type"] === "Seq Scan" && node["Relation Name"] && watched.has(node["Relation Name"])) found.push(node["Relation Name"]);
  for (const child of node.Plans ?? []) seqScans(child, found);
  return found;
}

let explainer: pg.Client;
let author: Viewer;
let reader: Viewer;
let admin: Viewer;
let community: { id: string; slug: string };
let story: { id: string; href: string };

beforeAll(async () => {
  explainer = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await explainer.connect();

  [author, reader, admin] = await Promise.all([makeUser({ name: "Plan Author" }), makeUser({ name: "Plan Reader" }), makeUser({ name: "Plan Admin", role: "ADMIN" })]);
  community = await makeCommunity();
  story = await makePublishedStory(author, community.slug, { title: "Plans and indexes", tags: [{ name: "Databases", slug: "databases" }] });
  for (let i = 0; i < 3; i++) await makePublishedStory(author, community.slug, { title: `Filler ${i}` });
  await createComment(reader, story.id, { body: "A comment." });
  await createComment(reader, story.id, { body: "Another comment." });
  await setHeart(reader, story.id, true);
  await setBookmark(reader, story.id, true);
  await setFollow(reader, author.id, true);
  await createReport(reader, { targetType: "STORY", targetId: story.id, reason: "SPAM", details: "" });
  await explainer.query(`
    insert into "User" (id, email, name, handle, "passwordHash", "updatedAt")
      select 'bulk-u' || i, 'bulk' || i || '@example.com', 'Bulk ' || i, 'bulk-' || i, 'x', now() from generate_series(1, 500) i;
    insert into "Community" (id, slug, name) select 'bulk-c' || i, 'bulk-c' || i, 'Bulk ' || i from generate_series(1, 20) i;
    insert into "Story" (id, "authorId", "communityId", slug, title, "bodyMarkdown", "bodyHtml", status, "publishedAt", "updatedAt", "heartCount")
      select 'bulk-s' || i, 'bulk-u' || (i % 500 + 1), 'bulk-c' || (i % 20 + 1), 'bulk-story-' || i, 'Bulk story ' || i, 'Body', '<p>Body</p>',
        (case when i % 10 = 0 then 'DRAFT' else 'PUBLISHED' end)::"StoryStatus", now() - (i * 2 || ' hours')::interval, now(), i % 97
      from generate_series(1, 20000) i;
    insert into "Comment" (id, "storyId", "authorId", body, "bodyHtml", "createdAt")
      select 'bulk-m' || i, 'bulk-s' || (i % 20000 + 1), 'bulk-u' || (i % 500 + 1), 'Hi', '<p>Hi</p>', now() - (i * 2600 || ' seconds')::interval from generate_series(1, 60000) i;
    -- A common tag (on every eighth bulk story: 2,500, past the tag-first lookup's limit).
    insert into "Tag" (id, slug, name) values ('bulk-tag', 'bulk-common', 'Bulk common');
    insert into "StoryTag" ("storyId", "tagId") select 'bulk-s' || i, 'bulk-tag' from generate_series(8, 20000, 8) i;
    -- Every tenth comment a reply to the one before it.
    update "Comment" set "parentId" = 'bulk-m' || (substr(id, 7)::int - 1) where id like 'bulk-m%' and substr(id, 7)::int % 10 = 0;
    analyze;`);
  await refreshDiscoveryRankings();
});

/** Runs `work`, EXPLAINs every SELECT it sent, and returns the sequential scans found on watched tables. */
async function scansDuring(work: () => Promise<unknown>): Promise<{ sql: string; tables: string[] }[]> {
  captured.length = 0;
  await work();
  if (captured.length === 0) throw new Error("No SQL was captured: is DB_QUERY_EVENTS set before lib/db is first imported?");
  const findings: { sql: string; tables: string[] }[] = [];
  for (const { query, params } of captured.splice(0)) {
    if (!/^\s*(select|with)\b/i.test(query)) continue;
    const values = JSON.parse(params) as unknown[];
    const { rows } = await explainer.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(`explain (format json) ${query}`, values);
    const tables = seqScans(rows[0]["QUERY PLAN"][0].Plan);
    if (tables.length) {
      const text = await explainer.query<{ "QUERY PLAN": string }>(`explain ${query}`, values);
      findings.push({ sql: query, tables, plan: text.rows.map((r) => r["QUERY PLAN"]).join("\n") } as never);
    }
  }
  return findings;
}

const lists: [string, () => Promise<unknown>][] = [
  ["home: latest", () => listPublishedStories({})],
  ["home: latest, page 2", async () => listPublishedStories({ cursor: (await listPublishedStories({ limit: 1 })).nextCursor ?? undefined })],
  ["community page", () => listPublishedStories({ communitySlug: community.slug })],
  ["community: most hearted", () => listPublishedStories({ communitySlug: community.slug, sort: "top" })],
  ["profile page", () => listPublishedStories({ authorHandle: author.handle })],
  ["profile header", () => getCreatorProfile(author.handle)],
  ["tag page", () => listPublishedStories({ tagSlug: "databases" })],
  ["tag page, a tag on 2,500 stories", () => listPublishedStories({ tagSlug: "bulk-common" })],
  ["story page", () => getPublishedStory(community.slug, story.href.split("/")[2])],
  ["story comments", () => listStoryComments(story.id)],
  ["story comments, an earlier page", async () => listStoryComments(story.id, { before: (await listStoryComments(story.id, { limit: 1 })).earlier ?? "missing" })],
  ["staff picks", () => listFeaturedStories()],
  ["trending", () => listTrendingStories()],
  ["top creators", () => listTopCreators(community.slug)],
  ["site feed", () => listFeedStories({})],
  ["search", () => searchStories({ q: "plans" })],
  ["search in a community", () => searchStories({ q: "plans", community: community.slug })],
  ["following", () => listFollowingStories(reader)],
  ["bookmarks", () => listMyBookmarks(reader)],
  ["studio list", () => listMyStories(author)],
  ["studio list, page 2", async () => listMyStories(author, { limit: 1, cursor: (await listMyStories(author, { limit: 1 })).nextCursor ?? "missing" })],
  ["studio reads chart", () => getMyDailyReads(author)],
  ["review queue", () => listReviewQueue(admin)],
  ["report queue", () => listOpenReportGroups(admin)],
  ["audit log", () => listAuditLog(admin, {})],
  ["users list", () => listUsersForStaff(admin, {})],
  ["a user's page for staff", () => getUserForStaff(admin, author.id)],
  ["appeals queue", () => listOpenAppeals(admin)],
  ["my moderation decisions", () => listMyModerationActions(author)],
  ["notifications", () => listMyNotifications(author)],
];

describe("every list is served by an index (no sequential scan of stories or comments)", () => {
  for (const [name, work] of lists) {
    it(name, async () => {
      const found = await scansDuring(work);
      // The SQL and its plan, to see which index is missing.
      expect(found, JSON.stringify(found, null, 1)).toEqual([]);
    });
  }

  it("a tag's list is the same whether it starts from the tag (few stories) or from the newest stories (many)", async () => {
    // "bulk-common" is past the tag-first limit; "databases" (one story) is under it.
    const common = await listPublishedStories({ tagSlug: "bulk-common" });
    expect(common.items).toHaveLength(20);
    const expected = await explainer.query<{ id: string }>(
      `select s.id from "Story" s join "StoryTag" st on st."storyId" = s.id where st."tagId" = 'bulk-tag' and s.status = 'PUBLISHED' order by s."publishedAt" desc, s.id desc limit 20`,
    );
    expect(common.items.map((s) => s.id)).toEqual(expected.rows.map((r) => r.id));
    const next = await listPublishedStories({ tagSlug: "bulk-common", cursor: common.nextCursor! });
    expect(next.items[0].id).not.toBe(common.items[19].id);
    const rare = await listPublishedStories({ tagSlug: "databases" });
    expect(rare.items.map((s) => s.id)).toEqual([story.id]);
    expect(await listPublishedStories({ tagSlug: "no-such-tag" })).toEqual({ items: [], nextCursor: null });
  });

  it("the check itself notices a sequential scan", async () => {
    // A filter no index covers: the planner has no choice, and the helper must report it.
    const found = await scansDuring(() => db.story.findMany({ where: { subtitle: { endsWith: "zz" } }, select: { id: true } }));
    expect(found.map((f) => f.tables)).toEqual([["Story"]]);
  });
});

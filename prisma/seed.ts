// Demo content for a first start: runs only against an empty database (no users yet).
// Run by `npm start`; on its own: `npm run db:seed` with DATABASE_URL set.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { hashPassword } from "../lib/auth/password";
import { renderComment, renderStory } from "../lib/content/markdown";
import { slugify } from "../lib/content/slug";
import { utcDay } from "../lib/analytics/reader-key";
import { refreshAllSearchVectors } from "../lib/data/search-vectors";
import { recomputeDiscoveryRankings } from "../lib/data/discovery";
import { comments, communities, creators, stories, submission } from "./seed-content";
import { renderChallengeContent, seedChallenges } from "./seed-challenges";

export const DEMO_PASSWORD = "storyhouse-demo";

async function main() {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) });
  try {
    if ((await db.user.count()) > 0) {
      console.log("[seed] the database already has users: leaving it as it is");
      return;
    }
    const adminEmail = (process.env.STORYHOUSE_ADMIN_EMAIL ?? "admin@storyhouse.local").toLowerCase();
    const [adminHash, demoHash] = await Promise.all([hashPassword(process.env.STORYHOUSE_ADMIN_PASSWORD ?? "storyhouse-admin"), hashPassword(DEMO_PASSWORD)]);
    const now = Date.now();
    const day = 24 * 60 * 60 * 1000;

    // Rendered first (in the render pool's workers): the transaction below has a time limit.
    const [renderedStories, renderedComments, pending, renderedChallenges] = await Promise.all([
      Promise.all(stories.map((s) => renderStory(s.body))),
      Promise.all(comments.map((c) => renderComment(c.body))),
      renderStory(submission.body),
      renderChallengeContent(),
    ]);

    const seeded = await db.$transaction(async (tx) => {
      const communityIds = new Map<string, string>();
      for (const c of communities) {
        const row = await tx.community.create({ data: c, select: { id: true } });
        communityIds.set(c.slug, row.id);
      }
      const userIds = new Map<string, string>();
      for (const c of creators) {
        const isAdmin = c.key === "admin";
        const row = await tx.user.create({
          data: {
            name: c.name,
            handle: c.handle,
            bio: c.bio,
            email: isAdmin ? adminEmail : c.email,
            passwordHash: isAdmin ? adminHash : demoHash,
            role: isAdmin ? "ADMIN" : (c.role ?? "READER"),
            trustOverride: c.trusted ? true : null,
            // Long-standing members, not new accounts (which meet tighter spam limits).
            createdAt: new Date(now - 400 * day),
            // Demo accounts and the admin from env are confirmed (no email was ever sent to them).
            emailVerifiedAt: new Date(now - 400 * day),
          },
          select: { id: true },
        });
        userIds.set(c.key, row.id);
      }
      const storyRows = new Map<string, { id: string; publishedAt: Date }>();
      for (const [i, s] of stories.entries()) {
        const rendered = renderedStories[i];
        const publishedAt = new Date(now - s.daysAgo * day);
        const row = await tx.story.create({
          data: {
            authorId: userIds.get(s.author)!,
            communityId: communityIds.get(s.community)!,
            slug: slugify(s.title),
            title: s.title,
            subtitle: s.subtitle,
            bodyMarkdown: s.body,
            bodyHtml: rendered.html,
            wordCount: rendered.wordCount,
            readingMinutes: rendered.readingMinutes,
            status: "PUBLISHED",
            publishedAt,
            createdAt: publishedAt,
            commentCount: comments.filter((c) => c.story === s.key).length,
          },
          select: { id: true },
        });
        storyRows.set(s.key, { id: row.id, publishedAt });
        for (const name of s.tags) {
          const tag = await tx.tag.upsert({ where: { slug: slugify(name) }, create: { slug: slugify(name), name }, update: {}, select: { id: true } });
          await tx.storyTag.create({ data: { storyId: row.id, tagId: tag.id } });
        }
      }
      // A little recent activity, so Trending and the heart counts have something to show.
      const readers = [...userIds.values()];
      for (const [i, s] of stories.entries()) {
        const story = storyRows.get(s.key)!;
        const fans = readers.filter((_, j) => (i + j) % 3 !== 0 && userIds.get(s.author) !== readers[j]);
        await tx.heart.createMany({ data: fans.map((userId, j) => ({ userId, storyId: story.id, createdAt: new Date(now - (i + j) * 7 * 3600_000) })) });
        const reads = 5 + ((i * 7) % 11);
        await tx.storyRead.createMany({ data: Array.from({ length: reads }, (_, j) => ({ storyId: story.id, day: new Date(`${utcDay(new Date(now - (j % 5) * day))}T00:00:00Z`), readerKey: `seed-${j}` })) });
        await tx.story.update({ where: { id: story.id }, data: { heartCount: fans.length, readCount: reads } });
      }
      for (const [key, note] of [["quiet-story", "A quiet, generous piece about the work nobody sees."], ["zoning-meetings", "Required reading before your next council meeting."]]) {
        await tx.featuredStory.create({ data: { storyId: storyRows.get(key)!.id, note, featuredById: userIds.get("admin")! } });
      }
      for (const [i, c] of comments.entries()) {
        const story = storyRows.get(c.story)!;
        await tx.comment.create({
          data: { storyId: story.id, authorId: userIds.get(c.author)!, body: c.body, bodyHtml: renderedComments[i], createdAt: new Date(story.publishedAt.getTime() + c.minutesAfterPublish * 60_000) },
        });
      }
      const submittedAt = new Date(now - submission.hoursAgo * 3600_000);
      await tx.story.create({
        data: {
          authorId: userIds.get(submission.author)!,
          communityId: communityIds.get(submission.community)!,
          title: submission.title,
          subtitle: submission.subtitle,
          bodyMarkdown: submission.body,
          bodyHtml: pending.html,
          wordCount: pending.wordCount,
          readingMinutes: pending.readingMinutes,
          status: "SUBMITTED",
          submittedAt,
          createdAt: submittedAt,
        },
      });
      const challenges = await seedChallenges(tx, renderedChallenges, { communityIds, userIds, storyIds: new Map([...storyRows].map(([key, row]) => [key, row.id])), now });
      await refreshAllSearchVectors(tx);
      return challenges;
    });
    // Trending and top creators are otherwise computed by the first sweep, a minute after start.
    await recomputeDiscoveryRankings(db);
    console.log(`[seed] demo content: ${communities.length} communities, ${creators.length} creators, ${stories.length + seeded.stories} stories, ${comments.length} comments, ${seeded.challenges} challenges (one open, one finished)`);
    console.log(`[seed] admin: ${adminEmail}; moderator: moderator@example.com; other demo creators sign in with their example.com email and "${DEMO_PASSWORD}"`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error("[seed] failed:", error);
  process.exit(1);
});

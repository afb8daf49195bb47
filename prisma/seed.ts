// Demo content for a first start: runs only against an empty database (no users yet).
// Run by `npm start`; on its own: `npm run db:seed` with DATABASE_URL set.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { hashPassword } from "../lib/auth/password";
import { renderComment, renderStory } from "../lib/content/markdown";
import { slugify } from "../lib/content/slug";
import { comments, communities, creators, stories } from "./seed-content";

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

    await db.$transaction(async (tx) => {
      const communityIds = new Map<string, string>();
      for (const c of communities) {
        const row = await tx.community.create({ data: c, select: { id: true } });
        communityIds.set(c.slug, row.id);
      }
      const userIds = new Map<string, string>();
      for (const c of creators) {
        const isAdmin = c.key === "admin";
        const row = await tx.user.create({
          data: { name: c.name, handle: c.handle, bio: c.bio, email: isAdmin ? adminEmail : c.email, passwordHash: isAdmin ? adminHash : demoHash, role: isAdmin ? "ADMIN" : "READER" },
          select: { id: true },
        });
        userIds.set(c.key, row.id);
      }
      const storyRows = new Map<string, { id: string; publishedAt: Date }>();
      for (const s of stories) {
        const rendered = renderStory(s.body);
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
      }
      for (const c of comments) {
        const story = storyRows.get(c.story)!;
        await tx.comment.create({
          data: { storyId: story.id, authorId: userIds.get(c.author)!, body: c.body, bodyHtml: renderComment(c.body), createdAt: new Date(story.publishedAt.getTime() + c.minutesAfterPublish * 60_000) },
        });
      }
    });
    console.log(`[seed] demo content: ${communities.length} communities, ${creators.length} creators, ${stories.length} stories, ${comments.length} comments`);
    console.log(`[seed] admin: ${adminEmail}; other demo creators sign in with their example.com email and "${DEMO_PASSWORD}"`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error("[seed] failed:", error);
  process.exit(1);
});

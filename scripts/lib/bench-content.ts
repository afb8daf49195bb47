// Extra realistic content for benchmarks: the demo stories' bodies re-used under new titles,
// spread over communities, creators and five years, with a few comments each.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { renderComment, renderStory } from "../../lib/content/markdown";
import { slugify } from "../../lib/content/slug";
import { stories as demoStories } from "../../prisma/seed-content";

const adjectives = ["Quiet", "Unlikely", "Small", "Honest", "Late", "Borrowed", "Second", "Patient", "Ordinary", "Unfinished"];
const nouns = ["Kitchen", "Bridge", "Council", "Notebook", "Garden", "Bus Route", "Budget", "Harbor", "Library", "Night Shift"];

/** Adds `count` published stories (and comments) to the database at `url`; returns where to point the benchmark. */
export async function seedBenchContent(url: string, count: number) {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const [users, communities] = await Promise.all([db.user.findMany({ select: { id: true } }), db.community.findMany({ select: { id: true } })]);
    const rendered = await Promise.all(demoStories.map(async (s) => ({ ...s, ...(await renderStory(s.body)) })));
    const now = Date.now();
    const rows = Array.from({ length: count }, (_, i) => {
      const source = rendered[i % rendered.length];
      const title = `The ${adjectives[i % adjectives.length]} ${nouns[Math.floor(i / adjectives.length) % nouns.length]}, part ${i + 1}`;
      const publishedAt = new Date(now - ((i * 7919) % (5 * 365)) * 86_400_000 - i * 1000);
      return {
        id: randomUUID(),
        authorId: users[i % users.length].id,
        communityId: communities[i % communities.length].id,
        slug: slugify(title),
        title,
        subtitle: source.subtitle,
        bodyMarkdown: source.body,
        bodyHtml: source.html,
        wordCount: source.wordCount,
        readingMinutes: source.readingMinutes,
        status: "PUBLISHED" as const,
        publishedAt,
        createdAt: publishedAt,
        commentCount: 3,
      };
    });
    for (let i = 0; i < rows.length; i += 500) await db.story.createMany({ data: rows.slice(i, i + 500) });
    // One render per comment shape (a render is a round trip to the render pool): only the part
    // number differs between stories, and digits need no escaping.
    const commentBody = (j: number, part: number) => `Comment ${j + 1} on part ${part}: this stayed with me.`;
    const commentHtml = await Promise.all([0, 1, 2].map((j) => renderComment(commentBody(j, 0))));
    const comments = rows.flatMap((story, i) =>
      [0, 1, 2].map((j) => {
        const body = commentBody(j, i + 1);
        const bodyHtml = commentHtml[j].replace(commentBody(j, 0), body);
        return { storyId: story.id, authorId: users[(i + j + 1) % users.length].id, body, bodyHtml, createdAt: new Date(story.publishedAt.getTime() + (j + 1) * 3_600_000) };
      }),
    );
    for (let i = 0; i < comments.length; i += 1000) await db.comment.createMany({ data: comments.slice(i, i + 1000) });
    // Imported late: the data layer reads DATABASE_URL when it loads.
    process.env.DATABASE_URL = url;
    const { refreshAllSearchVectors } = await import("../../lib/data/search-vectors");
    await refreshAllSearchVectors(db);
    const story = await db.story.findFirstOrThrow({
      where: { status: "PUBLISHED", wordCount: { gt: 800 } },
      orderBy: { publishedAt: "desc" },
      select: { id: true, slug: true, community: { select: { slug: true } } },
    });
    return { stories: await db.story.count({ where: { status: "PUBLISHED" } }), comments: await db.comment.count(), storyId: story.id, storyPath: `/${story.community.slug}/${story.slug}` };
  } finally {
    await db.$disconnect();
  }
}

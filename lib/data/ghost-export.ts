import "server-only";
import { db } from "@/lib/db";
import { siteUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { can, type Viewer } from "@/lib/auth/permissions";
import { consumeRateLimit } from "@/lib/data/rate-limits";
import { SITE_EXPORT_RATE_RULE } from "@/lib/data/site-archive";
import { GHOST_EXPORT_VERSION, ghostPost, ghostUser } from "@/lib/porting/ghost-export";

const PAGE = 200;

/**
 * Admins only ("site:export"): the site's stories as Ghost-compatible JSON (lib/porting/ghost-export.ts),
 * streamed a page of stories at a time. Removed and deleted stories are left out; everything
 * else that is not live goes as a draft.
 */
export async function exportSiteAsGhost(viewer: Viewer | null): Promise<{ fileName: string; stream: ReadableStream<Uint8Array> }> {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  if (!can(viewer, "site:export")) throw new AppError("FORBIDDEN", "Only admins can export the site.");
  await consumeRateLimit(`site-export:${viewer.id}`, SITE_EXPORT_RATE_RULE);
  const exportedOn = new Date();
  const chunks = ghostChunks(exportedOn)[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return?.(undefined);
    },
  });
  return { fileName: `storyhouse-ghost-${exportedOn.toISOString().slice(0, 10)}.json`, stream };
}

async function* ghostChunks(exportedOn: Date): AsyncGenerator<string> {
  const site = siteUrl();
  const slugs = new Set<string>();
  const metas: unknown[] = [];
  const postsTags: unknown[] = [];
  const postsAuthors: unknown[] = [];
  const authorIds = new Set<string>();
  const tagIds = new Set<string>();
  yield `{"db":[{"meta":${JSON.stringify({ exported_on: exportedOn.getTime(), version: GHOST_EXPORT_VERSION })},"data":{"posts":[`;
  let first = true;
  for (let cursor: string | undefined; ; ) {
    const page = await db.story.findMany({
      where: { deletedAt: null, status: { not: "REMOVED" } },
      select: { id: true, title: true, subtitle: true, slug: true, bodyHtml: true, heroImageUrl: true, heroImageAlt: true, status: true, authorId: true, createdAt: true, updatedAt: true, publishedAt: true, tags: { select: { tagId: true }, orderBy: { tag: { name: "asc" } } } },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    const out: string[] = [];
    for (const row of page) {
      const { post, meta, tags, author } = ghostPost({ ...row, tagIds: row.tags.map((t) => t.tagId) }, site, slugs);
      out.push(JSON.stringify(post));
      if (meta) metas.push(meta);
      postsTags.push(...tags);
      postsAuthors.push(author);
      authorIds.add(row.authorId);
      for (const t of row.tags) tagIds.add(t.tagId);
    }
    if (out.length) {
      yield `${first ? "" : ","}${out.join(",")}`;
      first = false;
    }
    if (page.length < PAGE) break;
    cursor = page[page.length - 1].id;
  }
  const tags = await db.tag.findMany({ where: { id: { in: [...tagIds] } }, select: { id: true, name: true, slug: true }, orderBy: { slug: "asc" } });
  const users = await db.user.findMany({ where: { id: { in: [...authorIds] } }, select: { id: true, name: true, handle: true, email: true, bio: true, avatarUrl: true }, orderBy: { id: "asc" } });
  yield `],"posts_meta":${JSON.stringify(metas)},"tags":${JSON.stringify(tags)},"posts_tags":${JSON.stringify(postsTags)},"users":${JSON.stringify(users.map((u) => ghostUser(u, site)))},"posts_authors":${JSON.stringify(postsAuthors)}}}]}\n`;
}

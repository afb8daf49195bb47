import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { consumeRateLimit, type RateRule } from "@/lib/data/rate-limits";
import { storyHref } from "@/lib/data/story-shapes";
import { getStorage } from "@/lib/storage/storage";
import { variantKey } from "@/lib/media/widths";
import { siteUrl } from "@/lib/env";
import { readProfileLinks } from "@/lib/validation/profile";
import { zipStream, type ZipEntry } from "@/lib/porting/zip-writer";
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  archiveReadme,
  archiveStatus,
  mediaEntryName,
  mediaKeysIn,
  relativeMedia,
  storyEntryName,
  storyToMarkdown,
  type ArchiveManifest,
} from "@/lib/porting/creator-archive";

// "Download my data": the creator archive (lib/porting/creator-archive.ts, docs/porting.md),
// streamed as the browser downloads it. Nothing is written on the server and no job is queued: a
// creator's text is small, the stories are read a page at a time and each image is read when its
// turn comes, so memory stays at one page of stories and one image whatever the account's size.

/** Building the archive reads every story and image: a few times an hour is plenty. */
export const EXPORT_RATE_RULE: RateRule = { limit: 10, windowSeconds: 60 * 60, message: "You've downloaded your data several times in the last hour. Please try again later." };

const PAGE = 100;

const storySelect = {
  id: true,
  title: true,
  subtitle: true,
  bodyMarkdown: true,
  status: true,
  slug: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
  heroImageUrl: true,
  heroImageAlt: true,
  aiAssisted: true,
  commentsEnabled: true,
  community: { select: { slug: true } },
  tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
} as const;

/**
 * The signed-in member, for their own account only (a suspended member too: leaving must stay
 * possible): their profile, every story they have not deleted (drafts, held and removed ones
 * included), the comments they wrote and every image those use, as a zip stream.
 */
export async function exportMyData(viewer: Viewer | null): Promise<{ fileName: string; stream: ReadableStream<Uint8Array> }> {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  await consumeRateLimit(`export:${viewer.id}`, EXPORT_RATE_RULE);
  const me = await db.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { id: true, name: true, handle: true, email: true, bio: true, links: true, avatarUrl: true, createdAt: true } });
  const exportedAt = new Date();
  const fileName = `storyhouse-${me.handle}-${exportedAt.toISOString().slice(0, 10)}.zip`;
  return { fileName, stream: zipStream(archiveEntries(me, exportedAt)) };
}

type Owner = { id: string; name: string; handle: string; email: string; bio: string; links: unknown; avatarUrl: string | null; createdAt: Date };

async function* archiveEntries(me: Owner, exportedAt: Date): AsyncGenerator<ZipEntry> {
  const site = siteUrl();
  const mediaKeys = new Set<string>(me.avatarUrl ? mediaKeysIn(me.avatarUrl) : []);
  const names = new Set<string>();
  let stories = 0;
  for (let cursor: string | undefined; ; ) {
    const page = await db.story.findMany({
      where: { authorId: me.id, deletedAt: null },
      select: storySelect,
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const row of page) {
      const story = {
        id: row.id,
        title: row.title,
        subtitle: row.subtitle,
        tags: row.tags.map((t) => t.tag.name),
        community: row.community.slug,
        status: archiveStatus(row.status),
        slug: row.slug,
        date: row.publishedAt ?? row.createdAt,
        updated: row.updatedAt,
        heroImageUrl: row.heroImageUrl,
        heroImageAlt: row.heroImageAlt,
        aiAssisted: row.aiAssisted,
        commentsEnabled: row.commentsEnabled,
        body: row.bodyMarkdown,
      };
      for (const key of mediaKeysIn(`${row.heroImageUrl ?? ""}\n${row.bodyMarkdown}`)) mediaKeys.add(key);
      yield { name: storyEntryName(story, names), data: storyToMarkdown(story), mtime: row.updatedAt };
      stories++;
    }
    if (page.length < PAGE) break;
    cursor = page[page.length - 1].id;
  }

  const comments = await db.comment.findMany({
    where: { authorId: me.id, status: { not: "DELETED" } },
    select: { id: true, parentId: true, body: true, status: true, createdAt: true, editedAt: true, story: { select: { title: true, slug: true, status: true, community: { select: { slug: true } } } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  yield {
    name: "comments.json",
    data: json(
      comments.map((c) => ({
        id: c.id,
        replyTo: c.parentId,
        story: { title: c.story.title, url: c.story.status === "PUBLISHED" && c.story.slug ? `${site}${storyHref(c.story.community.slug, c.story.slug)}` : null },
        body: c.body,
        status: c.status.toLowerCase(),
        createdAt: c.createdAt.toISOString(),
        editedAt: c.editedAt?.toISOString() ?? null,
      })),
    ),
  };

  yield {
    name: "profile.json",
    data: json({ name: me.name, handle: me.handle, email: me.email, bio: me.bio, links: readProfileLinks(me.links), avatar: me.avatarUrl ? relativeMedia(me.avatarUrl, "media/") : null, joinedAt: me.createdAt.toISOString(), profileUrl: `${site}/authors/${me.handle}` }),
  };

  // Each image once, at its largest stored width; one missing from storage is listed, not fatal.
  const storage = getStorage();
  const media = await db.media.findMany({ where: { key: { in: [...mediaKeys] } }, select: { key: true, width: true, createdAt: true } });
  const missing = new Set(mediaKeys);
  let written = 0;
  for (const item of media) {
    const bytes = await storage.getBytes(variantKey(item.key, item.width));
    if (!bytes) continue;
    missing.delete(item.key);
    written++;
    yield { name: mediaEntryName(item.key), data: bytes, compress: false, mtime: item.createdAt };
  }

  const manifest: ArchiveManifest & { missingMedia: string[] } = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: exportedAt.toISOString(),
    site,
    handle: me.handle,
    counts: { stories, comments: comments.length, media: written },
    missingMedia: [...missing].map(mediaEntryName),
  };
  yield { name: "manifest.json", data: json(manifest) };
  yield { name: "README.md", data: archiveReadme(site) };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

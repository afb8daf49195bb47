import "server-only";
import { db } from "@/lib/db";
import { isSlug } from "@/lib/validation/ids";
import type { Prisma } from "@/lib/generated/prisma/client";

export type TagInput = { slug: string; name: string };
export type TagView = { slug: string; name: string };
/** Kept as an alias for filters and navigation. */
export type TagOption = TagView;

const tagNamesKey = (names: string[]) => names.map((name) => name.toLowerCase()).sort().join("\n");

/**
 * Data layer only (callers have checked ownership): replaces a story's tags, creating new tags by
 * name. Most saves (autosaves, publishing what was saved) keep the same tags: then nothing is written.
 * `isNew`: the story was created in this transaction, so it has no tags to compare or remove.
 */
export async function setStoryTags(tx: Prisma.TransactionClient, storyId: string, tags: TagInput[], { isNew = false } = {}) {
  if (!isNew) {
    const current = await tx.tag.findMany({ where: { stories: { some: { storyId } } }, select: { name: true } });
    if (tagNamesKey(current.map((tag) => tag.name)) === tagNamesKey(tags.map((tag) => tag.name))) return;
    await tx.storyTag.deleteMany({ where: { storyId } });
  }
  if (tags.length === 0) return;
  await tx.tag.createMany({ data: tags, skipDuplicates: true });
  const rows = await tx.tag.findMany({ where: { slug: { in: tags.map((t) => t.slug) } }, select: { id: true } });
  await tx.storyTag.createMany({ data: rows.map((tag) => ({ storyId, tagId: tag.id })) });
}

/** Public: a tag by slug, or null. */
export async function getTag(slug: string): Promise<TagView | null> {
  if (!isSlug(slug)) return null;
  return db.tag.findUnique({ where: { slug }, select: { slug: true, name: true } });
}

/** Public: every tag, for filters and navigation. */
export async function listTags(): Promise<TagOption[]> {
  return db.tag.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } });
}

export type PopularTag = TagView & { storyCount: number };

/** Public: the tags on the most published stories, most used first (then by name). */
export async function listPopularTags(limit = 60): Promise<PopularTag[]> {
  const counts = await db.storyTag.groupBy({
    by: ["tagId"],
    // StoryTag keeps the story's publishedAt while it is published (database triggers).
    where: { publishedAt: { not: null }, story: { author: { status: "ACTIVE" } } },
    _count: { _all: true },
    orderBy: [{ _count: { tagId: "desc" } }, { tagId: "asc" }],
    take: limit,
  });
  const tags = new Map((await db.tag.findMany({ where: { id: { in: counts.map((c) => c.tagId) } }, select: { id: true, slug: true, name: true } })).map((t) => [t.id, t]));
  return counts
    .flatMap((c) => {
      const tag = tags.get(c.tagId);
      return tag ? [{ slug: tag.slug, name: tag.name, storyCount: c._count._all }] : [];
    })
    .sort((a, b) => b.storyCount - a.storyCount || a.name.localeCompare(b.name));
}

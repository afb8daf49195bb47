import "server-only";
import { db } from "@/lib/db";
import { oldPathFromSegments } from "@/lib/content/old-path";
import { publicWhere, storyHref } from "@/lib/data/story-shapes";

/**
 * Public: where the story that used to live at `path` on the site it was imported from is now
 * (`/journal/my-post`), or null when nothing was imported from there or the story isn't public.
 * Pages ask only where nothing else answers the URL.
 */
export async function findStoryRedirect(segments: readonly string[]): Promise<string | null> {
  const path = oldPathFromSegments(segments);
  if (!path) return null;
  const row = await db.storyRedirect.findFirst({ where: { path, story: publicWhere }, select: { story: { select: { slug: true, community: { select: { slug: true } } } } } });
  return row?.story.slug ? storyHref(row.story.community.slug, row.story.slug) : null;
}

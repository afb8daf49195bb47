import "server-only";
import { db } from "@/lib/db";
import { isSlug } from "@/lib/validation/ids";

// Story URLs whose creator deleted the story answer 410 Gone (proxy.ts asks here). Deletion is
// permanent and a deleted story keeps its slug, so a "gone" answer never changes and is kept for
// good; a "not gone" answer is kept for a minute, so most story views never reach the database
// from here. Each process keeps its own small memo: nothing depends on another process's.

const LIVE_MS = 60_000;
const MAX_ENTRIES = 5_000;
// On globalThis: proxy.ts and the server actions are bundled apart but run in one process.
const shared = globalThis as unknown as { storyhouseDeletedUrls?: Map<string, { gone: boolean; until: number }> };
const memo = (shared.storyhouseDeletedUrls ??= new Map());

/** Public: whether a story once lived at this URL and its creator deleted it. */
export async function isDeletedStoryUrl(communitySlug: string, slug: string): Promise<boolean> {
  if (!isSlug(communitySlug) || !isSlug(slug)) return false;
  const key = `${communitySlug}/${slug}`;
  const known = memo.get(key);
  if (known && (known.gone || known.until > Date.now())) return known.gone;
  const row = await db.story.findFirst({ where: { slug, community: { slug: communitySlug }, deletedAt: { not: null } }, select: { id: true } });
  if (memo.size >= MAX_ENTRIES) memo.delete(memo.keys().next().value!);
  memo.set(key, { gone: row !== null, until: Date.now() + LIVE_MS });
  return row !== null;
}

/** After a delete: this process answers 410 at once (others within a minute, until then 404). */
export function rememberDeletedStoryUrl(href: string) {
  memo.set(href.replace(/^\//, ""), { gone: true, until: Infinity });
}

import { revalidateTag, updateTag } from "next/cache";

/**
 * Cache tags for public pages. Cached reads (lib/cache/public.ts) attach them; every write that
 * changes what a page shows expires exactly the tags involved, from its server action.
 */
export const cacheTags = {
  story: (storyId: string) => `story:${storyId}`,
  /** A story URL, tagged even when it resolves to nothing, so publishing to it shows at once. */
  storyUrl: (communitySlug: string, slug: string) => `story-url:${communitySlug}/${slug}`,
  comments: (storyId: string) => `comments:${storyId}`,
  creator: (userId: string) => `creator:${userId}`,
  /** A profile URL, tagged even when nobody has the handle yet, so a sign-up shows at once. */
  creatorHandle: (handle: string) => `creator-handle:${handle}`,
  communities: "communities",
  /** Every list of published stories: home, community, profile and tag pages, feeds, sitemap. */
  storyLists: "story-lists",
} as const;

/** Server actions only: expires the tags now, so the next request, the actor's included, is fresh. */
export function expireTags(...tags: string[]) {
  for (const tag of new Set(tags)) updateTag(tag);
}

/** Route handlers (which cannot call updateTag): expires the tags now, for the next request. */
export function expireTagsFromRoute(...tags: string[]) {
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
}

/** The tags a change to a published (or newly published, or unpublished) story touches. */
export function storyTags(story: { id: string; href: string | null }) {
  const tags: string[] = [cacheTags.story(story.id), cacheTags.storyLists];
  if (story.href) {
    const [, communitySlug, slug] = story.href.split("/");
    tags.push(cacheTags.storyUrl(communitySlug, slug));
  }
  return tags;
}

/** A creator's whole public presence changed (suspended, restored, content removed): profile, stories and lists. */
export function creatorTags(creator: { id: string; handle: string; storyIds?: string[] }) {
  return [cacheTags.creator(creator.id), cacheTags.creatorHandle(creator.handle), cacheTags.storyLists, ...(creator.storyIds ?? []).map(cacheTags.story)];
}

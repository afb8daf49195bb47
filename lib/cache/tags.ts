import { revalidateTag, updateTag } from "next/cache";

/**
 * Cache tags for public pages. Cached reads (lib/cache/public.ts) attach them. The one way to
 * expire them: a data function returns what it changed (a story, a comment thread, a creator's
 * presence: see Changes), and the server action (through lib/actions/action.ts) or the route
 * handler that called it turns that into tags here and expires them. The data layer never names
 * a tag and never expires anything.
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
  /** Every challenge page and the list (lib/cache/challenges.ts). */
  challenges: "challenges",
  /** The site's branding (name, logo, colour, links): every page, feed and social image shows it (lib/data/branding.ts). */
  branding: "site-branding",
  /** Every list of published stories: home, community, profile and tag pages, feeds, sitemap. */
  storyLists: "story-lists",
} as const;

/** Server actions (formAction and buttonAction call it): expires the tags now, so the next request, the actor's included, is fresh. */
export function expireTags(...tags: string[]) {
  for (const tag of new Set(tags)) updateTag(tag);
}

/** Route handlers (which cannot call updateTag): expires the tags now, for the next request; the same freshness as expireTags. */
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

/** Every public page showing a creator: their profile, their published stories, the threads they commented in. */
export type CreatorPresence = { id: string; handle: string; stories: { id: string; href: string | null }[]; commentedStoryIds: string[] };

/** What a write changed, as the data layer reports it; changeTags turns it into the tags to expire. */
export type Changes = {
  /** Stories whose page or place in lists changed (href: the public URL, if it has one). */
  stories?: { id: string; href: string | null }[];
  /** Stories whose comment thread (and so comment count on the page) changed. */
  threads?: string[];
  /** Creators whose whole public presence changed (suspended, restored, content removed or restored). */
  creators?: CreatorPresence[];
};

export function changeTags(changes: Changes): string[] {
  return [
    ...(changes.stories ?? []).flatMap(storyTags),
    ...(changes.threads ?? []).flatMap((storyId) => [cacheTags.comments(storyId), cacheTags.story(storyId)]),
    ...(changes.creators ?? []).flatMap((creator) => [
      ...creatorTags({ id: creator.id, handle: creator.handle, storyIds: creator.stories.map((s) => s.id) }),
      ...creator.stories.flatMap(storyTags),
      ...creator.commentedStoryIds.map(cacheTags.comments),
    ]),
  ];
}

/** A comment posted, edited or deleted by its author: the thread changes, the cached story page stays. (The comment form and the JSON route both use it.) */
export function commentTags(storyId: string): string[] {
  return [cacheTags.comments(storyId)];
}

/** Merges what several steps changed. */
export function mergeChanges(...all: Changes[]): Changes {
  return { stories: all.flatMap((c) => c.stories ?? []), threads: all.flatMap((c) => c.threads ?? []), creators: all.flatMap((c) => c.creators ?? []) };
}

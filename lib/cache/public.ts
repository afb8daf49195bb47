import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { getPublishedStory, listPublishedStories, type StoryListOptions } from "@/lib/data/public-stories";
import { listFeaturedStories, listTopCreators, listTrendingStories } from "@/lib/data/discovery";
import { getStoryCounts } from "@/lib/data/engagement";
import { getTag, listPopularTags } from "@/lib/data/tags";
import { listStoryComments } from "@/lib/data/comments";
import { findCommunityRedirect, getCommunity, listCommunities, listCommunityDirectory } from "@/lib/data/communities";
import { findHandleRedirect, getCreatorProfile } from "@/lib/data/users";
import { getSiteBranding } from "@/lib/data/branding";
import { findStoryRedirect } from "@/lib/data/story-redirects";
import { oldPathFromSegments } from "@/lib/content/old-path";
import { cacheTags } from "@/lib/cache/tags";
import { isSlug } from "@/lib/validation/ids";

// Public reads, cached across requests and visitors. Each is tagged with what it shows, and
// lives until a write expires one of its tags ("max": nothing here changes on a timer).
//
// The reads that take a slug or handle straight from a URL check it first, outside the cache: a
// made-up or hostile URL (a NUL, 4,000 characters) then makes no cache entry and no cache tag
// (Next refuses tags over 256 characters, with a warning per request).

/**
 * Whether a slug or handle from a URL could name something. Ours are at most about 90 characters
 * (lib/content/slug.ts); 120 keeps a tag made of two of them (a story URL's) under Next's 256.
 */
export const canName = (part: string) => part.length <= 120 && isSlug(part);

export async function cachedStoryPage(communitySlug: string, slug: string) {
  return canName(communitySlug) && canName(slug) ? storyPage(communitySlug, slug) : null;
}

async function storyPage(communitySlug: string, slug: string) {
  "use cache";
  cacheLife("max");
  // A community edit (a rename, a new address) changes every story page in it: rare, so all expire.
  cacheTag(cacheTags.storyUrl(communitySlug, slug), cacheTags.communities);
  const story = await getPublishedStory(communitySlug, slug);
  if (story) cacheTag(cacheTags.story(story.id), cacheTags.creator(story.author.id));
  return story;
}

/** The site's name, logo, colour and links: read by every page, so cached until an admin saves them. */
export async function cachedBranding() {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.branding);
  return getSiteBranding();
}

export async function cachedStoryComments(storyId: string, before?: string) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.comments(storyId));
  const comments = await listStoryComments(storyId, { before });
  // Commenters' names and avatars show here: a profile change expires the threads they are in.
  // (Next keeps at most 128 tags per entry; past that, the story's next comment refreshes the thread.)
  const authors = new Set(comments.threads.flatMap((t) => [...("author" in t ? [t.author.id] : []), ...t.replies.flatMap((r) => ("author" in r ? [r.author.id] : []))]));
  const authorTags = [...authors].slice(0, 100).map(cacheTags.creator);
  if (authorTags.length) cacheTag(...authorTags);
  return comments;
}

export async function cachedStoryList(options: Omit<StoryListOptions, "followedBy"> = {}) {
  "use cache";
  // A most-hearted list moves with hearts, which expire nothing: refresh it every minute.
  if (options.sort === "top") cacheLife("minutes");
  else cacheLife("max");
  cacheTag(cacheTags.storyLists);
  return listPublishedStories(options);
}

export async function cachedCommunities() {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.communities);
  return listCommunities();
}

/** The /communities directory: its counts move with publishing, so it is tagged with the story lists too. */
export async function cachedCommunityDirectory() {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.communities, cacheTags.storyLists);
  return listCommunityDirectory();
}

export async function cachedCommunityRedirect(oldSlug: string) {
  return canName(oldSlug) ? communityRedirect(oldSlug) : null;
}

async function communityRedirect(oldSlug: string) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.communities);
  return findCommunityRedirect(oldSlug);
}

/**
 * Where an imported story's old address (`/my-post`, `/2019/05/03/my-post`) leads now, or null.
 * Tagged with the story lists: an import, a publish or a removal changes what it answers.
 */
export async function cachedStoryRedirect(segments: readonly string[]) {
  return oldPathFromSegments(segments) ? storyRedirect([...segments]) : null;
}

async function storyRedirect(segments: string[]) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.storyLists);
  return findStoryRedirect(segments);
}

/** /tags: the most used tags, with counts. */
export async function cachedPopularTags() {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.storyLists);
  return listPopularTags();
}

export async function cachedCommunity(slug: string) {
  return canName(slug) ? community(slug) : null;
}

async function community(slug: string) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.communities);
  return getCommunity(slug);
}

export async function cachedCreatorProfile(handle: string) {
  return canName(handle) ? creatorProfile(handle) : null;
}

async function creatorProfile(handle: string) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.creatorHandle(handle));
  const profile = await getCreatorProfile(handle);
  if (profile) cacheTag(cacheTags.creator(profile.id));
  return profile;
}

/** Where an earlier handle points now (null if nobody used it); expires with the handle and with its creator. */
export async function cachedHandleRedirect(oldHandle: string) {
  return canName(oldHandle) ? handleRedirect(oldHandle) : null;
}

async function handleRedirect(oldHandle: string) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.creatorHandle(oldHandle));
  const redirect = await findHandleRedirect(oldHandle);
  if (redirect) cacheTag(cacheTags.creator(redirect.userId));
  return redirect?.handle ?? null;
}

export async function cachedFeaturedStories() {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.storyLists);
  return listFeaturedStories();
}

/** Trending moves with time as well as with writes: recomputed at most once a minute. */
export async function cachedTrendingStories() {
  "use cache";
  cacheLife("minutes");
  cacheTag(cacheTags.storyLists);
  return listTrendingStories();
}

export async function cachedTag(slug: string) {
  return canName(slug) ? tag(slug) : null;
}

async function tag(slug: string) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.storyLists);
  return getTag(slug);
}

/** Heart, read and comment counts may lag by up to a minute, so a busy story is not re-rendered per heart. */
export async function cachedStoryCounts(storyId: string) {
  "use cache";
  cacheLife("minutes");
  return getStoryCounts(storyId);
}

/** Moves with hearts, like the most-hearted lists: refreshed at most once a minute. */
export async function cachedTopCreators(communitySlug: string) {
  "use cache";
  cacheLife("minutes");
  cacheTag(cacheTags.storyLists);
  return listTopCreators(communitySlug);
}

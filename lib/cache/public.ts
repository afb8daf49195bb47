import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { getPublishedStory, listPublishedStories } from "@/lib/data/stories";
import { listStoryComments } from "@/lib/data/comments";
import { getCommunity, listCommunities } from "@/lib/data/communities";
import { getCreatorProfile } from "@/lib/data/users";
import { cacheTags } from "@/lib/cache/tags";

// Public reads, cached across requests and visitors. Each is tagged with what it shows, and
// lives until a write expires one of its tags ("max": nothing here changes on a timer).

export async function cachedStoryPage(communitySlug: string, slug: string) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.storyUrl(communitySlug, slug));
  const story = await getPublishedStory(communitySlug, slug);
  if (story) cacheTag(cacheTags.story(story.id), cacheTags.creator(story.author.id));
  return story;
}

export async function cachedStoryComments(storyId: string) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.comments(storyId));
  return listStoryComments(storyId);
}

export async function cachedStoryList(options: { communitySlug?: string; authorHandle?: string; cursor?: string; limit?: number } = {}) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.storyLists);
  return listPublishedStories(options);
}

export async function cachedCommunities() {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.communities);
  return listCommunities();
}

export async function cachedCommunity(slug: string) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.communities);
  return getCommunity(slug);
}

export async function cachedCreatorProfile(handle: string) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.creatorHandle(handle));
  const profile = await getCreatorProfile(handle);
  if (profile) cacheTag(cacheTags.creator(profile.id));
  return profile;
}

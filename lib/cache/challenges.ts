import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { getChallengePage, listChallenges, listCreatorChallengeBadges, listStoryChallengeBadges } from "@/lib/data/challenges";
import { cacheTags } from "@/lib/cache/tags";
import { canName } from "@/lib/cache/public";

// Challenge reads, cached like the other public pages (lib/cache/public.ts). A challenge's phase
// moves with the clock (it opens, its deadline passes), so these refresh every minute as well as
// on every write that changes them; the deadline itself is enforced by the data layer, not here.

export async function cachedChallenges() {
  "use cache";
  cacheLife("minutes");
  // Entry counts move with publishing, so the story lists' tag expires it too.
  cacheTag(cacheTags.challenges, cacheTags.storyLists);
  return listChallenges();
}

export async function cachedChallengePage(slug: string) {
  return canName(slug) ? challengePage(slug.toLowerCase()) : null;
}

async function challengePage(slug: string) {
  "use cache";
  cacheLife("minutes");
  cacheTag(cacheTags.challenges, cacheTags.storyLists, cacheTags.communities);
  return getChallengePage(slug);
}

/** A story's placements (the badge on its page). */
export async function cachedStoryChallengeBadges(storyId: string) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.challenges, cacheTags.story(storyId));
  return listStoryChallengeBadges(storyId);
}

/** A creator's placements (the badges on their profile). */
export async function cachedCreatorChallengeBadges(userId: string) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.challenges, cacheTags.creator(userId));
  return listCreatorChallengeBadges(userId);
}

import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "@/lib/cache/tags";
import { searchStories, type SearchInput } from "@/lib/data/search";
import { listTags } from "@/lib/data/tags";

// Search results show what story lists show, so the same writes expire them: publishing, edits,
// profile names, moderation. Each distinct query is its own entry.

export async function cachedSearch(input: SearchInput) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.storyLists);
  return searchStories(input);
}

/** Tags arrive with story saves, which expire the story lists. */
export async function cachedTagOptions() {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.storyLists);
  return listTags();
}

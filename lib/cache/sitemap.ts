import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "@/lib/cache/tags";
import { countSitemapEntries, listSitemapCommunities, listSitemapCreators, listSitemapStories, type SitemapEntry } from "@/lib/data/sitemap";
import { chunkRanges, sitemapChunkCount } from "@/lib/seo/sitemap";

// The sitemap's URLs laid end to end: the home page, then communities, creators and stories.
const sectionLists: ((skip: number, take: number) => Promise<SitemapEntry[]>)[] = [
  async () => [{ path: "/" }],
  listSitemapCommunities,
  listSitemapCreators,
  listSitemapStories,
];

async function sectionSizes(): Promise<number[]> {
  const counts = await countSitemapEntries();
  return [1, counts.communities, counts.creators, counts.stories];
}

/** How many sitemap files there are. */
export async function cachedSitemapCount(): Promise<number> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.storyLists, cacheTags.communities);
  const sizes = await sectionSizes();
  return sitemapChunkCount(sizes.reduce((sum, size) => sum + size, 0));
}

/** The URLs in sitemap file `index`. */
export async function cachedSitemapChunk(index: number): Promise<SitemapEntry[]> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.storyLists, cacheTags.communities);
  const ranges = chunkRanges(await sectionSizes(), index);
  const lists = await Promise.all(ranges.map((range) => sectionLists[range.section](range.skip, range.take)));
  return lists.flat();
}

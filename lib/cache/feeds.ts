import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { cachedBranding, cachedCommunity, cachedCreatorProfile, cachedTag, canName } from "@/lib/cache/public";
import { cacheTags } from "@/lib/cache/tags";
import { listFeedStories, type FeedFilter } from "@/lib/data/feeds";
import { buildRssFeed, type FeedChannel } from "@/lib/feeds/rss";

export type FeedScope = { kind: "site" } | { kind: "community"; slug: string } | { kind: "creator"; handle: string } | { kind: "tag"; slug: string };

type Channel = Omit<FeedChannel, "siteName">;

async function findChannel(scope: FeedScope, siteDescription: string): Promise<{ channel: Channel; filter: FeedFilter } | null> {
  switch (scope.kind) {
    case "site":
      return { channel: { path: "/", description: siteDescription }, filter: {} };
    case "community": {
      const community = await cachedCommunity(scope.slug);
      if (!community) return null;
      const description = community.description || `The latest stories in ${community.name}.`;
      return { channel: { path: `/${community.slug}`, subject: community.name, description }, filter: { communitySlug: community.slug } };
    }
    case "creator": {
      const profile = await cachedCreatorProfile(scope.handle.toLowerCase());
      if (!profile) return null;
      const description = profile.bio || `The latest stories by ${profile.name}.`;
      return { channel: { path: `/authors/${profile.handle}`, subject: profile.name, description }, filter: { authorHandle: profile.handle } };
    }
    case "tag": {
      const tag = await cachedTag(scope.slug.toLowerCase());
      if (!tag) return null;
      return { channel: { path: `/tags/${tag.slug}`, subject: tag.name, description: `The latest stories tagged ${tag.name}.` }, filter: { tagSlug: tag.slug } };
    }
  }
}

/**
 * The RSS feed of the whole site or of one community, creator or tag (null when that doesn't
 * exist). Cached like the list pages: the community, profile and tag reads bring their own tags.
 */
export async function cachedRssFeed(scope: FeedScope): Promise<string | null> {
  // A made-up or hostile URL makes no cache entry (see lib/cache/public.ts).
  if (scope.kind !== "site" && !canName(scope.kind === "creator" ? scope.handle : scope.slug)) return null;
  return rssFeed(scope);
}

async function rssFeed(scope: FeedScope): Promise<string | null> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.storyLists, cacheTags.branding);
  const { siteName, siteDescription } = await cachedBranding();
  const found = await findChannel(scope, siteDescription);
  return found && buildRssFeed({ ...found.channel, siteName }, await listFeedStories(found.filter));
}

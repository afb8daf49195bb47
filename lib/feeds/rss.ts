import "server-only";
import { Feed } from "feed";
import type { FeedStory } from "@/lib/data/feeds";
import { feedPath, feedTitle } from "@/lib/seo/feeds";
import { absoluteUrl, SITE_NAME } from "@/lib/seo/site";

/** What a feed follows: its list page's path, the community, creator or tag name (none for the whole site), and a line about it. */
export type FeedChannel = { path: string; subject?: string; description: string };

export const RSS_CONTENT_TYPE = "application/rss+xml; charset=utf-8";

/** RSS 2.0 for a list page's stories: full text, creator, dates and categories (community and tags), every link absolute. */
export function buildRssFeed(channel: FeedChannel, stories: FeedStory[]): string {
  const link = absoluteUrl(channel.path);
  const feed = new Feed({
    id: link,
    link,
    title: feedTitle(channel.subject),
    description: channel.description,
    language: "en",
    feedLinks: { rss: absoluteUrl(feedPath(channel.path)) },
    generator: SITE_NAME,
    // The newest change among the stories, so an unchanged feed stays byte-for-byte the same.
    updated: stories.reduce<Date | undefined>((latest, story) => (latest && latest > story.updatedAt ? latest : story.updatedAt), undefined),
  });
  for (const story of stories) {
    feed.addItem({
      title: story.title,
      link: absoluteUrl(story.href),
      date: story.publishedAt,
      description: story.subtitle || undefined,
      content: story.bodyHtml,
      category: [
        { name: story.community.name, domain: absoluteUrl(`/${story.community.slug}`) },
        ...story.tags.map((tag) => ({ name: tag.name, domain: absoluteUrl(`/tags/${tag.slug}`) })),
      ],
      // RSS's own <author> must be an email address; creators' addresses are private, so dc:creator names them.
      extensions: [{ name: "dc:creator", objects: { _text: story.author.name } }],
    });
  }
  return feed.rss2();
}

/** A feed route's answer: the feed, or 404 when the community, creator or tag it follows doesn't exist. */
export function rssResponse(xml: string | null): Response {
  if (xml === null) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(xml, { headers: { "content-type": RSS_CONTENT_TYPE } });
}

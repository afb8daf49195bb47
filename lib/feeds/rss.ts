import "server-only";
import type { FeedStory } from "@/lib/data/feeds";
import { feedPath, feedTitle } from "@/lib/seo/feeds";
import { absoluteUrl } from "@/lib/seo/site";

/** What a feed follows: its list page's path, the community, creator or tag name (none for the whole site), and a line about it; the site's name titles it. */
export type FeedChannel = { path: string; subject?: string; description: string; siteName: string };

export const RSS_CONTENT_TYPE = "application/rss+xml; charset=utf-8";

// Written here rather than with the `feed` package: it wraps titles, subtitles and bodies in CDATA
// and escapes only the first `]]>`, so a subtitle holding a second one ended the section early and
// carried an attacker's <item> into every feed; a control character made the whole feed malformed.
// Every piece of text here is escaped instead, and characters XML 1.0 cannot hold are dropped
// (rows saved before the validation stripped them may still hold some).

/**
 * What XML 1.0 forbids (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF;
 * lone surrogates), plus DEL and the C1 controls (allowed, but XML 1.1 reads U+0085 as a line
 * end and readers choke on them): dropped.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text (or an attribute value) as XML: escaped, with the characters XML cannot hold dropped. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const element = (name: string, text: string, attributes: Record<string, string> = {}) =>
  `<${name}${Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${xmlText(value)}"`)
    .join("")}>${xmlText(text)}</${name}>`;

/** RSS 2.0 for a list page's stories: full text, creator, dates and categories (community and tags), every link absolute. */
export function buildRssFeed(channel: FeedChannel, stories: FeedStory[]): string {
  const link = absoluteUrl(channel.path);
  // The newest change among the stories, so an unchanged feed stays byte-for-byte the same.
  const updated = stories.reduce<Date | undefined>((latest, story) => (latest && latest > story.updatedAt ? latest : story.updatedAt), undefined) ?? new Date();
  const items = stories.map((story) => {
    const url = absoluteUrl(story.href);
    return [
      "<item>",
      element("title", story.title),
      element("link", url),
      element("guid", url, { isPermaLink: "true" }),
      ...(story.publishedAt ? [element("pubDate", story.publishedAt.toUTCString())] : []),
      ...(story.subtitle ? [element("description", story.subtitle)] : []),
      element("content:encoded", story.bodyHtml),
      element("category", story.community.name, { domain: absoluteUrl(`/${story.community.slug}`) }),
      ...story.tags.map((tag) => element("category", tag.name, { domain: absoluteUrl(`/tags/${tag.slug}`) })),
      // RSS's own <author> must be an email address; creators' addresses are private, so dc:creator names them.
      element("dc:creator", story.author.name),
      "</item>",
    ].join("\n      ");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">',
    "  <channel>",
    `    ${element("title", feedTitle(channel.siteName, channel.subject))}`,
    `    ${element("link", link)}`,
    `    ${element("description", channel.description)}`,
    `    ${element("lastBuildDate", updated.toUTCString())}`,
    `    ${element("docs", "https://validator.w3.org/feed/docs/rss2.html")}`,
    `    ${element("generator", "Storyhouse")}`,
    `    ${element("language", "en")}`,
    `    <atom:link href="${xmlText(absoluteUrl(feedPath(channel.path)))}" rel="self" type="application/rss+xml"/>`,
    ...items.map((item) => `    ${item}`),
    "  </channel>",
    "</rss>",
    "",
  ].join("\n");
}

/** A feed route's answer: the feed, or 404 when the community, creator or tag it follows doesn't exist. */
export function rssResponse(xml: string | null): Response {
  if (xml === null) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(xml, { headers: { "content-type": RSS_CONTENT_TYPE } });
}

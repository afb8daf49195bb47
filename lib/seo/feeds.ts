import type { Metadata } from "next";
import { SITE_NAME } from "@/lib/seo/site";

/** Where a list page's RSS feed lives: `feed.xml` under the page's path (`/feed.xml` for the home page). */
export function feedPath(pagePath: string): string {
  return `${pagePath.replace(/\/$/, "")}/feed.xml`;
}

/** A feed's title: what it follows (a community, creator or tag name), then the site's name. */
export function feedTitle(subject?: string): string {
  return subject ? `${subject} · ${SITE_NAME}` : SITE_NAME;
}

/**
 * Metadata alternates for a list page (home, community, creator, tag): its canonical URL and a
 * `<link rel="alternate" type="application/rss+xml">` to its feed. On a tag page, for example:
 *   alternates: feedAlternates(`/tags/${tag.slug}`, tag.name)
 */
export function feedAlternates(pagePath: string, subject?: string): NonNullable<Metadata["alternates"]> {
  return { canonical: pagePath, types: { "application/rss+xml": [{ url: feedPath(pagePath), title: feedTitle(subject) }] } };
}

import type { Metadata } from "next";

/** Where a list page's RSS feed lives: `feed.xml` under the page's path (`/feed.xml` for the home page). */
export function feedPath(pagePath: string): string {
  return `${pagePath.replace(/\/$/, "")}/feed.xml`;
}

/** A feed's title: what it follows (a community, creator or tag name), then the site's name (from the site settings). */
export function feedTitle(siteName: string, subject?: string): string {
  return subject ? `${subject} · ${siteName}` : siteName;
}

/**
 * Metadata alternates for a list page (home, community, creator, tag): its canonical URL and a
 * `<link rel="alternate" type="application/rss+xml">` to its feed. On a tag page, for example:
 *   alternates: feedAlternates(`/tags/${tag.slug}`, branding.siteName, tag.name)
 */
export function feedAlternates(pagePath: string, siteName: string, subject?: string): NonNullable<Metadata["alternates"]> {
  return { canonical: pagePath, types: { "application/rss+xml": [{ url: feedPath(pagePath), title: feedTitle(siteName, subject) }] } };
}

import "server-only";
import type { Metadata } from "next";
import type { StoryPage } from "@/lib/data/story-shapes";
import { absoluteUrl } from "@/lib/seo/site";
import type { SiteBranding } from "@/lib/data/branding";

const authorPath = (story: StoryPage) => `/authors/${story.author.handle}`;

/** A story page's metadata: canonical URL, Open Graph article and Twitter card (the image comes from opengraph-image.tsx). */
export function storyMetadata(story: StoryPage, siteName: string): Metadata {
  const description = story.subtitle || undefined;
  return {
    title: story.title,
    description,
    alternates: { canonical: story.href },
    authors: [{ name: story.author.name, url: authorPath(story) }],
    openGraph: {
      type: "article",
      url: story.href,
      siteName,
      title: story.title,
      description,
      publishedTime: story.publishedAt.toISOString(),
      modifiedTime: story.updatedAt.toISOString(),
      authors: [absoluteUrl(authorPath(story))],
      section: story.community.name,
      tags: story.tags.map((tag) => tag.name),
    },
    twitter: { card: "summary_large_image", title: story.title, description },
  };
}

/** A story as a schema.org Article, for search engines' structured data; the site (name and logo, from the site settings) is its publisher. */
export function storyArticle(story: StoryPage, branding: Pick<SiteBranding, "siteName" | "logoUrl">) {
  const url = absoluteUrl(story.href);
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: story.title,
    description: story.subtitle || undefined,
    image: `${url}/opengraph-image`,
    author: { "@type": "Person", name: story.author.name, url: absoluteUrl(authorPath(story)) },
    datePublished: story.publishedAt.toISOString(),
    dateModified: story.updatedAt.toISOString(),
    articleSection: story.community.name,
    keywords: story.tags.length ? story.tags.map((tag) => tag.name).join(", ") : undefined,
    publisher: {
      "@type": "Organization",
      name: branding.siteName,
      url: absoluteUrl("/"),
      ...(branding.logoUrl ? { logo: { "@type": "ImageObject", url: absoluteUrl(branding.logoUrl) } } : {}),
    },
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
  };
}

/** JSON for a <script type="application/ld+json">. `<` is escaped, so no text inside (say, "</script>" in a title) can end the element. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

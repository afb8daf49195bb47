import "server-only";
import type { Metadata } from "next";
import type { StoryPage } from "@/lib/data/story-shapes";
import { absoluteUrl, SITE_NAME } from "@/lib/seo/site";

const authorPath = (story: StoryPage) => `/authors/${story.author.handle}`;

/** A story page's metadata: canonical URL, Open Graph article and Twitter card (the image comes from opengraph-image.tsx). */
export function storyMetadata(story: StoryPage): Metadata {
  const description = story.subtitle || undefined;
  return {
    title: story.title,
    description,
    alternates: { canonical: story.href },
    authors: [{ name: story.author.name, url: authorPath(story) }],
    openGraph: {
      type: "article",
      url: story.href,
      siteName: SITE_NAME,
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

/** A story as a schema.org Article, for search engines' structured data. */
export function storyArticle(story: StoryPage) {
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
    publisher: { "@type": "Organization", name: SITE_NAME, url: absoluteUrl("/") },
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
  };
}

/** JSON for a <script type="application/ld+json">. `<` is escaped, so no text inside (say, "</script>" in a title) can end the element. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

import type { StoryPage } from "@/lib/data/story-shapes";
import { serializeJsonLd, storyArticle } from "@/lib/seo/story";

/** The story as structured data (a schema.org Article) for search engines. */
export function StoryJsonLd({ story }: { story: StoryPage }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(storyArticle(story)) }} />;
}

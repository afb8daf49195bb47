import type { StoryPage } from "@/lib/data/story-shapes";
import type { SiteBranding } from "@/lib/data/branding";
import { serializeJsonLd, storyArticle } from "@/lib/seo/story";

/** The story as structured data (a schema.org Article) for search engines. */
export function StoryJsonLd({ story, branding }: { story: StoryPage; branding: SiteBranding }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(storyArticle(story, branding)) }} />;
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cachedBranding, cachedStoryList, cachedTag } from "@/lib/cache/public";
import { BUILD_PLACEHOLDER } from "@/lib/cache/placeholder";
import { StoryList } from "@/components/story-list";
import { feedAlternates } from "@/lib/seo/feeds";
import { FeedLink } from "@/components/feed-link";

type Props = { params: Promise<{ tag: string }> };

export function generateStaticParams() {
  return [{ tag: BUILD_PLACEHOLDER }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await cachedTag((await params).tag);
  return tag ? { title: `Stories tagged ${tag.name}`, alternates: feedAlternates(`/tags/${tag.slug}`, (await cachedBranding()).siteName, tag.name) } : { title: "Tag not found" };
}

export default async function TagPage({ params }: Props) {
  const tag = await cachedTag((await params).tag);
  if (!tag) notFound();
  const stories = await cachedStoryList({ tagSlug: tag.slug });
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <header className="mb-6 border-b border-stone-200 pb-6">
        <p className="text-sm font-semibold uppercase tracking-wider text-brand-700">Tag</p>
        <div className="mt-1 flex flex-wrap items-baseline justify-between gap-3">
          <h1 className="font-serif text-4xl font-bold">{tag.name}</h1>
          <FeedLink pagePath={`/tags/${tag.slug}`} label={`RSS feed of stories tagged ${tag.name}`} />
        </div>
      </header>
      <StoryList stories={stories.items} nextCursor={stories.nextCursor} more={{ tag: tag.slug }} empty={<p>No published stories carry this tag yet.</p>} />
    </div>
  );
}

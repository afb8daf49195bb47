import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cachedBranding, cachedCommunityRedirect, cachedStoryCounts, cachedStoryPage, cachedStoryRedirect } from "@/lib/cache/public";
import { BUILD_PLACEHOLDER } from "@/lib/cache/placeholder";
import { AboutCreator } from "@/components/about-creator";
import { CommentsSection } from "@/components/comments-section";
import { StoryActions } from "@/components/engagement/story-actions";
import { StoryJsonLd } from "@/components/story-json-ld";
import { StoryArticle } from "@/components/story-article";
import { StoryChallengeBadges } from "@/components/challenges/challenge-badges";
import { storyMetadata } from "@/lib/seo/story";

type Props = { params: Promise<{ community: string; slug: string }> };

export function generateStaticParams() {
  return [{ community: BUILD_PLACEHOLDER, slug: BUILD_PLACEHOLDER }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { community, slug } = await params;
  const story = await cachedStoryPage(community, slug);
  if (!story) return { title: "Story not found" };
  return storyMetadata(story, (await cachedBranding()).siteName);
}

export default async function StoryPage({ params }: Props) {
  const { community, slug } = await params;
  const story = await cachedStoryPage(community, slug);
  if (!story) {
    // Its community moved to a new address: the story's old URL follows it.
    const current = await cachedCommunityRedirect(community.toLowerCase());
    if (current) permanentRedirect(`/${current}/${slug}`);
    // An imported story's address on its old site (`/2019/my-post`).
    const moved = await cachedStoryRedirect([community, slug]);
    if (moved) permanentRedirect(moved);
    notFound();
  }
  const counts = await cachedStoryCounts(story.id);
  return (
    <article className="mx-auto max-w-3xl px-4 py-10" data-story-id={story.id}>
      <StoryJsonLd story={story} branding={await cachedBranding()} />
      <StoryChallengeBadges storyId={story.id} />
      <StoryArticle story={story} />
      <div className="mt-8">
        <StoryActions storyId={story.id} authorId={story.author.id} storyPath={story.href} title={story.title} heartCount={counts.heartCount} />
      </div>
      <div className="mt-12 space-y-12">
        <AboutCreator author={story.author} storyPath={story.href} />
        <CommentsSection storyId={story.id} storyPath={story.href} commentsEnabled={story.commentsEnabled} commentsLocked={story.commentsLocked} />
      </div>
    </article>
  );
}

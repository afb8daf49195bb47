import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { notFound } from "next/navigation";
import { cachedStoryPage } from "@/lib/cache/public";
import { BUILD_PLACEHOLDER } from "@/lib/cache/placeholder";
import { CommentsSection } from "@/components/comments-section";
import { isId } from "@/lib/validation/ids";

type Props = { params: Promise<{ community: string; slug: string; before: string }> };

export function generateStaticParams() {
  return [{ community: BUILD_PLACEHOLDER, slug: BUILD_PLACEHOLDER, before: BUILD_PLACEHOLDER }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { community, slug } = await params;
  const story = await cachedStoryPage(community, slug);
  if (!story) return { title: "Story not found" };
  return { title: `Earlier comments on “${story.title}”`, robots: { index: false }, alternates: { canonical: story.href } };
}

/** An earlier page of a story's conversation: the story page shows the latest threads and links here. */
export default async function EarlierCommentsPage({ params }: Props) {
  const { community, slug, before } = await params;
  const story = isId(before) ? await cachedStoryPage(community, slug) : null;
  if (!story) notFound();
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <p className="mb-8">
        <IntentLink href={story.href} className="text-brand-700 hover:underline">
          ← {story.title}
        </IntentLink>
      </p>
      <CommentsSection storyId={story.id} storyPath={story.href} commentsEnabled={story.commentsEnabled} commentsLocked={story.commentsLocked} before={before} />
    </div>
  );
}

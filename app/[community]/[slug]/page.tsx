import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cachedStoryCounts, cachedStoryPage } from "@/lib/cache/public";
import { BUILD_PLACEHOLDER } from "@/lib/cache/placeholder";
import { AboutCreator } from "@/components/about-creator";
import { Avatar } from "@/components/avatar";
import { CommentsSection } from "@/components/comments-section";
import { StoryActions } from "@/components/engagement/story-actions";
import { StoryJsonLd } from "@/components/story-json-ld";
import { formatDate } from "@/components/format";
import { storyMetadata } from "@/lib/seo/story";

type Props = { params: Promise<{ community: string; slug: string }> };

export function generateStaticParams() {
  return [{ community: BUILD_PLACEHOLDER, slug: BUILD_PLACEHOLDER }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { community, slug } = await params;
  const story = await cachedStoryPage(community, slug);
  if (!story) return { title: "Story not found" };
  return storyMetadata(story);
}

export default async function StoryPage({ params }: Props) {
  const { community, slug } = await params;
  const story = await cachedStoryPage(community, slug);
  if (!story) notFound();
  const counts = await cachedStoryCounts(story.id);
  return (
    <article className="mx-auto max-w-3xl px-4 py-10" data-story-id={story.id}>
      <StoryJsonLd story={story} />
      <header className="mb-8">
        <p className="mb-3 text-sm font-semibold uppercase tracking-wider">
          <Link href={`/${story.community.slug}`} className="text-brand-700 hover:underline">
            {story.community.name}
          </Link>
        </p>
        <h1 className="font-serif text-3xl font-bold leading-tight tracking-tight sm:text-5xl">{story.title}</h1>
        {story.subtitle ? <p className="mt-3 font-serif text-xl text-stone-600 sm:text-2xl">{story.subtitle}</p> : null}
        <div className="mt-6 flex items-center gap-3 border-y border-stone-200 py-4">
          <Avatar name={story.author.name} src={story.author.avatarUrl} size={44} />
          <div className="text-sm">
            <p>
              <Link href={`/authors/${story.author.handle}`} rel="author" className="font-semibold hover:underline">
                {story.author.name}
              </Link>
            </p>
            <p className="text-stone-500">
              <time dateTime={story.publishedAt.toISOString()}>{formatDate(story.publishedAt)}</time> · {story.readingMinutes} min read
            </p>
          </div>
        </div>
      </header>
      {story.heroImageUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- hero uploads arrive with the studio's image pipeline
        <img src={story.heroImageUrl} alt={story.heroImageAlt ?? ""} className="mb-8 w-full rounded-xl" />
      ) : null}
      <div
        className="prose prose-stone prose-lg max-w-none font-serif prose-headings:font-sans prose-headings:tracking-tight prose-a:text-brand-700"
        dangerouslySetInnerHTML={{ __html: story.bodyHtml }}
      />
      {story.tags.length ? (
        <ul className="mt-10 flex flex-wrap gap-2" aria-label="Tags">
          {story.tags.map((tag) => (
            <li key={tag.slug}>
              <Link href={`/tags/${tag.slug}`} className="inline-block rounded-full bg-stone-100 px-3 py-1 text-sm text-stone-700 hover:bg-stone-200">
                {tag.name}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-8">
        <StoryActions storyId={story.id} storyPath={story.href} title={story.title} heartCount={counts.heartCount} />
      </div>
      <div className="mt-12 space-y-12">
        <AboutCreator author={story.author} storyPath={story.href} />
        <CommentsSection storyId={story.id} storyPath={story.href} commentsEnabled={story.commentsEnabled} />
      </div>
    </article>
  );
}

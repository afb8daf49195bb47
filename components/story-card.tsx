import Link from "next/link";
import type { StoryCard } from "@/lib/data/story-shapes";
import { formatDate } from "@/components/format";

/**
 * One story in a list. Used by server lists and by the client "Load more". A search result's
 * snippet (escaped text with <mark>s, lib/content/snippet.ts) stands in for the subtitle.
 */
export function StoryCardView({ story, showCommunity = true }: { story: StoryCard & { snippetHtml?: string }; showCommunity?: boolean }) {
  return (
    <article>
      <p className="mb-1 text-sm text-stone-600">
        <Link href={`/authors/${story.author.handle}`} className="font-medium text-stone-800 hover:underline">
          {story.author.name}
        </Link>
        {showCommunity ? (
          <>
            {" in "}
            <Link href={`/${story.community.slug}`} className="font-medium text-brand-700 hover:underline">
              {story.community.name}
            </Link>
          </>
        ) : null}
      </p>
      <h3 className="font-serif text-xl font-bold leading-snug sm:text-2xl">
        <Link href={story.href} className="hover:underline">
          {story.title}
        </Link>
      </h3>
      {story.snippetHtml ? (
        <p className="mt-1 text-stone-600 [&_mark]:rounded-sm [&_mark]:bg-brand-100 [&_mark]:text-ink" dangerouslySetInnerHTML={{ __html: story.snippetHtml }} />
      ) : story.subtitle ? (
        <p className="mt-1 text-stone-600">{story.subtitle}</p>
      ) : null}
      <p className="mt-2 text-sm text-stone-500">
        <time dateTime={new Date(story.publishedAt).toISOString()}>{formatDate(new Date(story.publishedAt))}</time> · {story.readingMinutes} min read
        {story.tags.length ? (
          <>
            {" · "}
            {story.tags.slice(0, 3).map((tag, i) => (
              <span key={tag.slug}>
                {i > 0 ? ", " : null}
                <Link href={`/tags/${tag.slug}`} className="hover:underline">
                  {tag.name}
                </Link>
              </span>
            ))}
          </>
        ) : null}
      </p>
    </article>
  );
}

/** A divided list of story cards. */
export function StoryCards({ stories, showCommunity = true, className = "" }: { stories: StoryCard[]; showCommunity?: boolean; className?: string }) {
  return (
    <ul className={`divide-y divide-stone-200 ${className}`}>
      {stories.map((story) => (
        <li key={story.id} className="py-6">
          <StoryCardView story={story} showCommunity={showCommunity} />
        </li>
      ))}
    </ul>
  );
}

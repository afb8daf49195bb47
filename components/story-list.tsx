import Link from "next/link";
import type { StoryCard } from "@/lib/data/stories";
import { formatDate } from "@/components/format";

/** A list of story cards, or the empty state the caller provides. */
export function StoryList({ stories, empty, showCommunity = true }: { stories: StoryCard[]; empty: React.ReactNode; showCommunity?: boolean }) {
  if (stories.length === 0) return <div className="rounded-xl border border-dashed border-stone-300 p-8 text-center text-stone-600">{empty}</div>;
  return (
    <ul className="divide-y divide-stone-200">
      {stories.map((story) => (
        <li key={story.id} className="py-6">
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
            {story.subtitle ? <p className="mt-1 text-stone-600">{story.subtitle}</p> : null}
            <p className="mt-2 text-sm text-stone-500">
              <time dateTime={story.publishedAt.toISOString()}>{formatDate(story.publishedAt)}</time> · {story.readingMinutes} min read
            </p>
          </article>
        </li>
      ))}
    </ul>
  );
}

import Image from "next/image";
import { IntentLink } from "@/components/intent-link";
import type { StoryCard } from "@/lib/data/story-shapes";
import { RelativeTime } from "@/components/relative-time";

/**
 * One story in a list. Used by server lists and by the client "Load more". A search result's
 * snippet (escaped text with <mark>s, lib/content/snippet.ts) stands in for the subtitle.
 */
export function StoryCardView({ story, showCommunity = true, layout = "list" }: { story: StoryCard & { snippetHtml?: string }; showCommunity?: boolean; layout?: "list" | "featured" | "tile" }) {
  // "featured": a large title under a wide image; "tile" (narrow grid columns): the image on top too.
  const featured = layout === "featured";
  const onTop = layout !== "list";
  const image = story.heroImageUrl ? (
    // The hero's own description: the card links the title, so the picture still says what it shows.
    <Image
      src={story.heroImageUrl}
      alt={story.heroImageAlt ?? ""}
      fill
      sizes={featured ? "(min-width: 1024px) 560px, 100vw" : onTop ? "(min-width: 640px) 320px, 100vw" : "(min-width: 640px) 160px, 96px"}
      className="object-cover"
    />
  ) : null;
  return (
    <article className={onTop ? "" : image ? "grid grid-cols-[minmax(0,1fr)_6rem] gap-4 sm:grid-cols-[minmax(0,1fr)_10rem] sm:gap-6" : ""}>
      {onTop && image ? <div className="relative mb-4 aspect-[16/9] overflow-hidden rounded-xl bg-stone-100">{image}</div> : null}
      <div className="min-w-0">
      <p className="mb-1 text-sm text-stone-600">
        <IntentLink href={`/authors/${story.author.handle}`} className="font-medium text-stone-800 hover:underline">
          {story.author.name}
        </IntentLink>
        {showCommunity ? (
          <>
            {" in "}
            <IntentLink href={`/${story.community.slug}`} className="font-medium text-brand-700 hover:underline">
              {story.community.name}
            </IntentLink>
          </>
        ) : null}
      </p>
      <h3 className={`break-words font-serif font-bold leading-snug ${featured ? "text-2xl sm:text-3xl" : "text-xl sm:text-2xl"}`}>
        <IntentLink href={story.href} className="hover:underline">
          {story.title}
        </IntentLink>
      </h3>
      {story.snippetHtml ? (
        <p className="mt-1 text-stone-600 [&_mark]:rounded-sm [&_mark]:bg-brand-100 [&_mark]:text-ink" dangerouslySetInnerHTML={{ __html: story.snippetHtml }} />
      ) : story.subtitle ? (
        <p className="mt-1 text-stone-600">{story.subtitle}</p>
      ) : null}
      <p className="mt-2 text-sm text-stone-500">
        <RelativeTime date={story.publishedAt} /> · {story.readingMinutes} min read
        {story.tags.length ? (
          <>
            {" · "}
            {story.tags.slice(0, 3).map((tag, i) => (
              <span key={tag.slug}>
                {i > 0 ? ", " : null}
                <IntentLink href={`/tags/${tag.slug}`} className="hover:underline">
                  {tag.name}
                </IntentLink>
              </span>
            ))}
          </>
        ) : null}
      </p>
      </div>
      {!onTop && image ? <div className="relative aspect-square self-start overflow-hidden rounded-lg bg-stone-100 sm:aspect-[3/2]">{image}</div> : null}
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

import { IntentLink } from "@/components/intent-link";
import { Avatar } from "@/components/avatar";
import { formatDate } from "@/components/format";
import type { TagView } from "@/lib/data/tags";
import { withDirectMedia } from "@/lib/media/public-url";

/** What the article shows: a published story, or the author's preview of a draft. */
export type StoryArticleContent = {
  title: string;
  subtitle: string;
  bodyHtml: string;
  heroImageUrl: string | null;
  heroImageAlt: string | null;
  aiAssisted: boolean;
  readingMinutes: number;
  /** null in a preview of a story not yet published. */
  publishedAt: Date | null;
  community: { slug: string; name: string };
  author: { name: string; handle: string; avatarUrl: string | null };
  tags: TagView[];
};

/**
 * The story as readers see it: header, hero, body and tags. The story page and the studio's
 * preview both render this, so the preview is exactly the page.
 */
export function StoryArticle({ story }: { story: StoryArticleContent }) {
  return (
    <>
      <header className="mb-8">
        <p className="mb-3 text-sm font-semibold uppercase tracking-wider">
          <IntentLink href={`/${story.community.slug}`} className="text-brand-700 hover:underline">
            {story.community.name}
          </IntentLink>
        </p>
        <h1 className="font-serif text-3xl font-bold leading-tight tracking-tight sm:text-5xl">{story.title}</h1>
        {story.subtitle ? <p className="mt-3 font-serif text-xl text-stone-600 sm:text-2xl">{story.subtitle}</p> : null}
        <div className="mt-6 flex items-center gap-3 border-y border-stone-200 py-4">
          <Avatar name={story.author.name} src={story.author.avatarUrl} size={44} />
          <div className="text-sm">
            <p>
              <IntentLink href={`/authors/${story.author.handle}`} rel="author" className="font-semibold hover:underline">
                {story.author.name}
              </IntentLink>
            </p>
            <p className="text-stone-500">
              {story.publishedAt ? <time dateTime={story.publishedAt.toISOString()}>{formatDate(story.publishedAt)}</time> : "Not yet published"} · {story.readingMinutes} min read
              {story.aiAssisted ? " · Written with AI assistance" : null}
            </p>
          </div>
        </div>
      </header>
      {story.heroImageUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- hero uploads arrive with the studio's image pipeline
        <img src={story.heroImageUrl} alt={story.heroImageAlt ?? ""} className="mb-8 w-full rounded-xl" />
      ) : null}
      <div
        className="story-body prose prose-stone dark:prose-invert prose-lg max-w-none font-serif prose-headings:font-sans prose-headings:tracking-tight prose-a:text-brand-700"
        dangerouslySetInnerHTML={{ __html: withDirectMedia(story.bodyHtml) }}
      />
      {story.tags.length ? (
        <ul className="mt-10 flex flex-wrap gap-2" aria-label="Tags">
          {story.tags.map((tag) => (
            <li key={tag.slug}>
              <IntentLink href={`/tags/${tag.slug}`} className="inline-block rounded-full bg-stone-100 px-3 py-1 text-sm text-stone-700 hover:bg-stone-200">
                {tag.name}
              </IntentLink>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

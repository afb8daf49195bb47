import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { cachedBranding, cachedCommunities, cachedFeaturedStories, cachedStoryList, cachedTrendingStories } from "@/lib/cache/public";
import { StoryList } from "@/components/story-list";
import { StoryCardView } from "@/components/story-card";
import { SectionHeading } from "@/components/section-heading";
import { feedAlternates } from "@/lib/seo/feeds";
import { FeedLink } from "@/components/feed-link";

export async function generateMetadata(): Promise<Metadata> {
  return { alternates: feedAlternates("/", (await cachedBranding()).siteName) };
}

export default async function HomePage() {
  const [featured, latest, trending, communities] = await Promise.all([cachedFeaturedStories(), cachedStoryList({ limit: 10 }), cachedTrendingStories(), cachedCommunities()]);
  const perCommunity = await Promise.all(communities.map(async (community) => ({ community, stories: (await cachedStoryList({ communitySlug: community.slug, limit: 3 })).items })));
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <section className="mb-10 rounded-2xl bg-brand-50 px-6 py-10 sm:px-10">
        <h1 className="font-serif text-3xl font-bold tracking-tight sm:text-5xl">Stories worth your time.</h1>
        <p className="mt-3 max-w-2xl text-lg text-stone-700">Read creators from every corner, heart what moves you, and publish your own in a community that fits.</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <IntentLink href="/studio/new" className="btn-primary">
            Start writing
          </IntentLink>
        </div>
      </section>

      {featured.length ? (
        <section aria-labelledby="top-heading" className="mb-12">
          <SectionHeading id="top-heading">Staff picks</SectionHeading>
          {/* The newest pick leads, large, with its hero image; the others line up beside it. */}
          <ul className={`mt-2 grid gap-x-10 ${featured.length > 1 ? "lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" : "max-w-3xl"}`}>
            {featured.map((story, i) => (
              <li key={story.id} className={i === 0 ? "py-6 lg:row-span-3" : "border-t border-stone-200 py-6 first-of-type:border-t-0 lg:[&:nth-child(2)]:border-t-0"}>
                <StoryCardView story={story} layout={i === 0 ? "featured" : "list"} />
                {story.note ? <p className="mt-2 text-sm italic text-stone-600">Staff pick: {story.note}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="grid gap-10 lg:grid-cols-[1fr_18rem]">
        <section aria-labelledby="latest-heading">
          <SectionHeading id="latest-heading" action={<FeedLink pagePath="/" label="RSS feed of the latest stories" />}>
            Latest stories
          </SectionHeading>
          <StoryList stories={latest.items} nextCursor={latest.nextCursor} more={{}} empty={<p>No stories have been published yet. Be the first!</p>} />
        </section>
        <aside className="space-y-10">
          <section aria-labelledby="trending-heading">
            <SectionHeading id="trending-heading">Trending this week</SectionHeading>
            {trending.length ? (
              <ol className="mt-2 space-y-4">
                {trending.map((story, i) => (
                  <li key={story.id} className="flex gap-3">
                    <span className="font-serif text-2xl font-bold text-stone-500" aria-hidden="true">
                      {String(i + 1).padStart(2, "0")}
                    </span>
                    <div className="min-w-0">
                      <IntentLink href={story.href} className="font-serif font-bold leading-snug hover:underline">
                        {story.title}
                      </IntentLink>
                      <p className="text-sm text-stone-500">{story.author.name}</p>
                    </div>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="mt-3 text-sm text-stone-600">Nothing is trending yet: heart and comment on what you read.</p>
            )}
          </section>
          <section aria-labelledby="communities-heading">
            <SectionHeading id="communities-heading">Communities</SectionHeading>
            <ul className="mt-4 flex flex-wrap gap-2">
              {communities.map((c) => (
                <li key={c.slug}>
                  <IntentLink href={`/${c.slug}`} className="inline-block rounded-full border border-stone-300 px-3 py-1 text-sm hover:bg-stone-100">
                    {c.name}
                  </IntentLink>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>

      {perCommunity
        .filter(({ stories }) => stories.length)
        .map(({ community, stories }) => (
          <section key={community.slug} aria-labelledby={`community-${community.slug}`} className="mt-12">
            <SectionHeading id={`community-${community.slug}`}>
              <IntentLink href={`/${community.slug}`} className="hover:underline">
                {community.name}
              </IntentLink>
            </SectionHeading>
            <ul className="mt-2 grid gap-x-8 sm:grid-cols-3">
              {stories.map((story) => (
                <li key={story.id} className="py-4">
                  <StoryCardView story={story} showCommunity={false} layout="tile" />
                </li>
              ))}
            </ul>
          </section>
        ))}
    </div>
  );
}

import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import Image from "next/image";
import { cachedBranding, cachedCommunity, cachedCommunityRedirect, cachedStoryList, cachedStoryRedirect, cachedTopCreators } from "@/lib/cache/public";
import { FeedLink } from "@/components/feed-link";
import { BUILD_PLACEHOLDER } from "@/lib/cache/placeholder";
import { feedAlternates } from "@/lib/seo/feeds";
import { IntentLink } from "@/components/intent-link";
import { StoryList } from "@/components/story-list";
import { SectionHeading } from "@/components/section-heading";
import { Avatar } from "@/components/avatar";
import { pluralize } from "@/components/format";

type Props = { params: Promise<{ community: string }> };

export function generateStaticParams() {
  return [{ community: BUILD_PLACEHOLDER }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const community = await cachedCommunity((await params).community);
  return community ? { title: community.name, description: community.description || undefined, alternates: feedAlternates(`/${community.slug}`, (await cachedBranding()).siteName, community.name) } : { title: "Community not found" };
}

export default async function CommunityPage({ params }: Props) {
  const slug = (await params).community;
  const community = await cachedCommunity(slug);
  if (!community) {
    // A community whose address changed keeps its old links working.
    const current = await cachedCommunityRedirect(slug.toLowerCase());
    if (current) permanentRedirect(`/${current}`);
    // An imported story's address on its old site (`/my-post`).
    const moved = await cachedStoryRedirect([slug]);
    if (moved) permanentRedirect(moved);
    notFound();
  }
  const rules = [
    community.requireSubtitle ? "Stories need a subtitle." : null,
    community.requireHero ? "Stories need a hero image." : null,
    community.minWords ? `Stories need at least ${community.minWords.toLocaleString("en-US")} words.` : null,
    community.allowAiAssisted ? null : "AI-assisted stories aren't accepted.",
  ].filter((rule): rule is string => !!rule);
  const [stories, top, creators] = await Promise.all([
    cachedStoryList({ communitySlug: community.slug }),
    cachedStoryList({ communitySlug: community.slug, sort: "top", limit: 5 }),
    cachedTopCreators(community.slug),
  ]);
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      {community.coverImageUrl ? (
        <div className="relative mb-6 aspect-[4/1] min-h-32 overflow-hidden rounded-2xl bg-stone-100">
          <Image src={community.coverImageUrl} alt={community.coverImageAlt ?? ""} fill priority sizes="(min-width: 1024px) 992px, 100vw" className="object-cover" />
        </div>
      ) : null}
      <header className="mb-8 max-w-3xl border-l-4 pl-4" style={{ borderLeftColor: community.accentColor ?? "transparent" }}>
        <p className="text-sm font-semibold uppercase tracking-wider text-brand-700">Community</p>
        <div className="mt-1 flex flex-wrap items-baseline gap-x-4 gap-y-2">
          <h1 className="font-serif text-4xl font-bold">{community.name}</h1>
          <FeedLink pagePath={`/${community.slug}`} label={`RSS feed of ${community.name}`} />
        </div>
        {community.description ? <p className="mt-3 text-lg text-stone-700">{community.description}</p> : null}
        {community.archived ? (
          <p className="mt-4 rounded-lg border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-700">This community is archived: its stories stay here to read, and it takes no new ones.</p>
        ) : null}
      </header>
      <div className="grid gap-10 lg:grid-cols-[1fr_18rem]">
        <section aria-labelledby="latest-heading">
          <SectionHeading id="latest-heading">Latest</SectionHeading>
          <StoryList stories={stories.items} nextCursor={stories.nextCursor} more={{ community: community.slug }} showCommunity={false} empty={<p>No stories in {community.name} yet.</p>} />
        </section>
        <aside className="space-y-8">
          {!community.archived && (rules.length || community.guidelines) ? (
            <section aria-labelledby="rules-heading">
              <SectionHeading id="rules-heading">Before you submit</SectionHeading>
              {rules.length ? (
                <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-stone-700">
                  {rules.map((rule) => (
                    <li key={rule}>{rule}</li>
                  ))}
                </ul>
              ) : null}
              {community.guidelines ? <p className="mt-3 whitespace-pre-line break-words text-sm text-stone-700">{community.guidelines}</p> : null}
            </section>
          ) : null}
          {top.items.some((s) => s.heartCount > 0) ? (
            <section aria-labelledby="top-heading">
              <SectionHeading id="top-heading">Most hearted</SectionHeading>
              <ol className="mt-3 space-y-3">
                {top.items.map((story) => (
                  <li key={story.id}>
                    <IntentLink href={story.href} className="font-serif font-bold leading-snug hover:underline">
                      {story.title}
                    </IntentLink>
                    <p className="text-sm text-stone-500">
                      {story.author.name} · {pluralize(story.heartCount, "heart")}
                    </p>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
          {creators.length ? (
            <section aria-labelledby="creators-heading">
              <SectionHeading id="creators-heading">Top creators</SectionHeading>
              <ul className="mt-3 space-y-3">
                {creators.map((creator) => (
                  <li key={creator.handle} className="flex items-center gap-3">
                    <Avatar name={creator.name} src={creator.avatarUrl} size={36} />
                    <div className="min-w-0">
                      <IntentLink href={`/authors/${creator.handle}`} className="font-semibold hover:underline">
                        {creator.name}
                      </IntentLink>
                      <p className="text-sm text-stone-500">
                        {pluralize(creator.stories, "story", "stories")} · {pluralize(creator.hearts, "heart")}
                      </p>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cachedCommunity, cachedStoryList } from "@/lib/cache/public";
import { BUILD_PLACEHOLDER } from "@/lib/cache/placeholder";
import { StoryList } from "@/components/story-list";

type Props = { params: Promise<{ community: string }> };

export function generateStaticParams() {
  return [{ community: BUILD_PLACEHOLDER }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const community = await cachedCommunity((await params).community);
  return community ? { title: community.name, description: community.description || undefined, alternates: { canonical: `/${community.slug}` } } : { title: "Community not found" };
}

export default async function CommunityPage({ params }: Props) {
  const community = await cachedCommunity((await params).community);
  if (!community) notFound();
  const stories = await cachedStoryList({ communitySlug: community.slug });
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <header className="mb-6 border-b border-stone-200 pb-6">
        <p className="text-sm font-semibold uppercase tracking-wider text-brand-700">Community</p>
        <h1 className="mt-1 font-serif text-4xl font-bold">{community.name}</h1>
        {community.description ? <p className="mt-3 text-lg text-stone-700">{community.description}</p> : null}
      </header>
      <StoryList stories={stories.items} showCommunity={false} empty={<p>No stories in {community.name} yet.</p>} />
    </div>
  );
}

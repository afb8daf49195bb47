import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cachedBranding, cachedCreatorProfile, cachedHandleRedirect, cachedStoryList } from "@/lib/cache/public";
import { BUILD_PLACEHOLDER } from "@/lib/cache/placeholder";
import { feedAlternates } from "@/lib/seo/feeds";
import { Avatar } from "@/components/avatar";
import { LinkifiedText } from "@/components/linkified-text";
import { ProfileLinks } from "@/components/profile-links";
import { StoryList } from "@/components/story-list";
import { formatDate, pluralize } from "@/components/format";
import { FollowButton } from "@/components/engagement/follow-button";
import { ReportButton } from "@/components/reports/report-button";
import { FeedLink } from "@/components/feed-link";
import { CreatorChallengeBadges } from "@/components/challenges/challenge-badges";
import { EditProfileLink } from "@/components/viewer/edit-profile-link";

type Props = { params: Promise<{ handle: string }> };

// Next hands over params decoded already: decoding again threw on a handle such as `%25` (a 500).
const handleOf = async (params: Props["params"]) => (await params).handle.toLowerCase();
const loadProfile = async (params: Props["params"]) => cachedCreatorProfile(await handleOf(params));

export function generateStaticParams() {
  return [{ handle: BUILD_PLACEHOLDER }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await loadProfile(params);
  return profile ? { title: profile.name, description: profile.bio || undefined, alternates: feedAlternates(`/authors/${profile.handle}`, (await cachedBranding()).siteName, profile.name) } : { title: "Creator not found" };
}

export default async function AuthorPage({ params }: Props) {
  const profile = await loadProfile(params);
  if (!profile) {
    // A creator who changed their handle keeps their old links working.
    const current = await cachedHandleRedirect(await handleOf(params));
    if (current) permanentRedirect(`/authors/${current}`);
    notFound();
  }
  const stories = await cachedStoryList({ authorHandle: profile.handle });
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <header className="mb-8 flex flex-col items-start gap-5 border-b border-stone-200 pb-8 sm:flex-row">
        <Avatar name={profile.name} src={profile.avatarUrl} size={88} />
        <div>
          <h1 className="font-serif text-4xl font-bold">{profile.name}</h1>
          <p className="text-stone-500">@{profile.handle} · Joined {formatDate(profile.joinedAt)}</p>
          {profile.bio ? (
            <p className="mt-3 max-w-prose whitespace-pre-line break-words text-lg text-stone-700">
              <LinkifiedText text={profile.bio} />
            </p>
          ) : null}
          <ProfileLinks links={profile.links} />
          <CreatorChallengeBadges userId={profile.id} />
          <div className="mt-4 flex flex-wrap items-center gap-4">
            <p className="text-sm text-stone-600">
              <span className="font-semibold text-ink">{pluralize(profile.followerCount, "follower")}</span> · {pluralize(profile.storyCount, "story", "stories")}
            </p>
            <FollowButton creatorId={profile.id} creatorName={profile.name} returnTo={`/authors/${profile.handle}`} />
            <EditProfileLink creatorId={profile.id} />
            <FeedLink pagePath={`/authors/${profile.handle}`} label={`RSS feed of ${profile.name}'s stories`} />
            <ReportButton
              targetType="USER"
              targetId={profile.id}
              ownerId={profile.id}
              what="account"
              returnTo={`/authors/${profile.handle}`}
              className="inline-flex items-center gap-1 text-sm font-medium text-stone-500 hover:text-ink"
            />
          </div>
        </div>
      </header>
      <h2 className="text-sm font-semibold uppercase tracking-wider text-stone-500">Stories</h2>
      <StoryList stories={stories.items} nextCursor={stories.nextCursor} more={{ author: profile.handle }} empty={<p>{profile.name} hasn&apos;t published a story yet.</p>} />
    </div>
  );
}

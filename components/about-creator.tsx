import { IntentLink } from "@/components/intent-link";
import { Avatar } from "@/components/avatar";
import { LinkifiedText } from "@/components/linkified-text";
import { FollowButton } from "@/components/engagement/follow-button";

export function AboutCreator({ author, storyPath }: { author: { id: string; name: string; handle: string; bio: string; avatarUrl: string | null }; storyPath: string }) {
  return (
    <section aria-labelledby="about-creator-heading" className="rounded-2xl border border-stone-200 bg-stone-50 p-6">
      <h2 id="about-creator-heading" className="text-sm font-semibold uppercase tracking-wider text-stone-500">
        About the Creator
      </h2>
      <div className="mt-4 flex items-start gap-4">
        <Avatar name={author.name} src={author.avatarUrl} size={56} />
        <div className="min-w-0">
          <p className="font-serif text-xl font-bold">
            <IntentLink href={`/authors/${author.handle}`} className="hover:underline">
              {author.name}
            </IntentLink>
          </p>
          {author.bio ? (
            <p className="mt-1 whitespace-pre-line break-words text-stone-700">
              <LinkifiedText text={author.bio} />
            </p>
          ) : null}
          <div className="mt-3 flex flex-wrap items-center gap-4">
            <IntentLink href={`/authors/${author.handle}`} className="link text-sm font-semibold">
              Read more by {author.name}
            </IntentLink>
            <FollowButton creatorId={author.id} creatorName={author.name} returnTo={storyPath} />
          </div>
        </div>
      </div>
    </section>
  );
}

import { IntentLink } from "@/components/intent-link";
import { cachedCreatorChallengeBadges, cachedStoryChallengeBadges } from "@/lib/cache/challenges";
import type { ChallengeBadge } from "@/lib/data/challenges";

function Badges({ badges, label }: { badges: ChallengeBadge[]; label: string }) {
  if (!badges.length) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label={label}>
      {badges.map((b) => (
        <li key={b.slug}>
          <IntentLink
            href={`/challenges/${b.slug}`}
            className="inline-flex items-center gap-1 rounded-full bg-amber-100 px-3 py-1 text-sm font-semibold text-amber-950 ring-1 ring-inset ring-amber-300 hover:bg-amber-200"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current">
              <path d="M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9z" />
            </svg>
            {b.placement === "WINNER" ? "Winner" : "Runner-up"}: {b.title}
          </IntentLink>
        </li>
      ))}
    </ul>
  );
}

/** On a story page: the challenges it won or placed in. */
export async function StoryChallengeBadges({ storyId }: { storyId: string }) {
  const badges = await cachedStoryChallengeBadges(storyId);
  return badges.length ? (
    <div className="mb-6">
      <Badges badges={badges} label="Challenge awards" />
    </div>
  ) : null;
}

/** On a creator's profile: the challenges they won or placed in. */
export async function CreatorChallengeBadges({ userId }: { userId: string }) {
  const badges = await cachedCreatorChallengeBadges(userId);
  return badges.length ? (
    <div className="mt-4">
      <Badges badges={badges} label="Challenge awards" />
    </div>
  ) : null;
}

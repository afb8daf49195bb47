import type { StoryCard } from "@/lib/data/story-shapes";
import { StoryCards } from "@/components/story-card";
import { LoadMoreStories, type StoryListQuery, type StoryListSource } from "@/components/load-more-stories";

/**
 * A list of story cards, or the empty state the caller provides. With `more`, a "Load more"
 * button fetches the next page by cursor.
 */
export function StoryList({
  stories,
  empty,
  showCommunity = true,
  nextCursor,
  more,
  moreFrom,
}: {
  stories: StoryCard[];
  empty: React.ReactNode;
  showCommunity?: boolean;
  nextCursor?: string | null;
  more?: StoryListQuery;
  moreFrom?: StoryListSource;
}) {
  if (stories.length === 0) return <div className="mt-4 rounded-xl border border-dashed border-stone-300 p-8 text-center text-stone-600">{empty}</div>;
  return (
    <>
      <StoryCards stories={stories} showCommunity={showCommunity} />
      {more && nextCursor ? <LoadMoreStories query={more} cursor={nextCursor} showCommunity={showCommunity} source={moreFrom} /> : null}
    </>
  );
}

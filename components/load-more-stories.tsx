"use client";
import { LoadMoreButton, useLoadMore } from "@/components/load-more";
import type { StoryCard } from "@/lib/data/story-shapes";
import { StoryCards } from "@/components/story-card";

export type StoryListQuery = { community?: string; author?: string; tag?: string };

/** Where the next pages come from: the public lists, or the reader's own (bookmarks, following). */
export type StoryListSource = "/api/stories" | "/api/me/bookmarks" | "/api/me/following";

/** Appends the next pages of a story list (keyset cursor, cached per page on the server). */
export function LoadMoreStories({ query, cursor, showCommunity, source = "/api/stories" }: { query: StoryListQuery; cursor: string; showCommunity: boolean; source?: StoryListSource }) {
  const list = useLoadMore<StoryCard>(source, { items: [], nextCursor: cursor }, query);
  return (
    <>
      {list.items.length ? <StoryCards stories={list.items} showCommunity={showCommunity} className="border-t border-stone-200" /> : null}
      <LoadMoreButton list={list} errorMessage="Couldn't load more stories. Try again." />
    </>
  );
}

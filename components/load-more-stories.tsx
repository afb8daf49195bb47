"use client";
import { useState } from "react";
import type { StoryCard } from "@/lib/data/stories";
import { StoryCards } from "@/components/story-card";

export type StoryListQuery = { community?: string; author?: string; tag?: string };

/** Where the next pages come from: the public lists, or the reader's own (bookmarks, following). */
export type StoryListSource = "/api/stories" | "/api/me/bookmarks" | "/api/me/following";

/** Appends the next pages of a story list (keyset cursor, cached per page on the server). */
export function LoadMoreStories({ query, cursor, showCommunity, source = "/api/stories" }: { query: StoryListQuery; cursor: string; showCommunity: boolean; source?: StoryListSource }) {
  const [pages, setPages] = useState<StoryCard[]>([]);
  const [next, setNext] = useState<string | null>(cursor);
  const [state, setState] = useState<"idle" | "loading" | "error">("idle");

  const load = async () => {
    if (!next) return;
    setState("loading");
    try {
      const params = new URLSearchParams({ ...query, cursor: next } as Record<string, string>);
      const res = await fetch(`${source}?${params}`, { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      const page: { items: StoryCard[]; nextCursor: string | null } = await res.json();
      setPages((p) => [...p, ...page.items]);
      setNext(page.nextCursor);
      setState("idle");
    } catch {
      setState("error");
    }
  };

  return (
    <>
      {pages.length ? <StoryCards stories={pages} showCommunity={showCommunity} className="border-t border-stone-200" /> : null}
      {next ? (
        <div className="mt-4 flex items-center gap-3">
          <button type="button" onClick={load} disabled={state === "loading"} className="btn-secondary">
            {state === "loading" ? "Loading…" : "Load more"}
          </button>
          {state === "error" ? (
            <span role="alert" className="text-sm text-red-700">
              Couldn&apos;t load more stories. Try again.
            </span>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

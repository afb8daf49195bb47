"use client";
import { useState } from "react";

type PageOf<T> = { items: T[]; nextCursor: string | null };

/**
 * Keyset "Load more" for a list the server pages by cursor: `source` answers `?cursor=` (plus
 * `query`) with the next page. Starts from what the page rendered.
 */
export function useLoadMore<T>(source: string, initial: PageOf<T>, query: Record<string, string | undefined> = {}) {
  const [items, setItems] = useState(initial.items);
  const [next, setNext] = useState(initial.nextCursor);
  const [state, setState] = useState<"idle" | "loading" | "error">("idle");
  const load = async () => {
    if (!next) return;
    setState("loading");
    try {
      const params = new URLSearchParams(Object.entries({ ...query, cursor: next }).filter((e): e is [string, string] => e[1] !== undefined));
      const res = await fetch(`${source}?${params}`, { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      const page: PageOf<T> = await res.json();
      setItems((current) => [...current, ...page.items]);
      setNext(page.nextCursor);
      setState("idle");
    } catch {
      setState("error");
    }
  };
  return { items, next, state, load };
}

/** The button under such a list, with its pending state and a retry message. */
export function LoadMoreButton({ list, errorMessage = "Couldn't load more. Try again." }: { list: Pick<ReturnType<typeof useLoadMore>, "next" | "state" | "load">; errorMessage?: string }) {
  if (!list.next) return null;
  return (
    <div className="mt-4 flex items-center gap-3">
      <button type="button" onClick={list.load} disabled={list.state === "loading"} className="btn-secondary">
        {list.state === "loading" ? "Loading…" : "Load more"}
      </button>
      {list.state === "error" ? (
        <span role="alert" className="text-sm text-red-700">
          {errorMessage}
        </span>
      ) : null}
    </div>
  );
}

"use client";
import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import type { SearchPage } from "@/lib/data/search";
import { searchParamsSchema, type SearchParams } from "@/lib/validation/search";
import { SearchForm } from "@/components/search-form";
import { SearchResults } from "@/components/search-results";

type Option = { slug: string; name: string };
type Results = { state: "idle" } | { state: "loading" } | { state: "error"; message: string } | { state: "done"; key: string; page: SearchPage };

/**
 * The URL-dependent part of /search. The page itself is static and cached for everyone; the
 * browser asks /api/search (cached per query on the server) for the results.
 */
export function SearchClient({ communities, tags }: { communities: Option[]; tags: Option[] }) {
  const searchParams = useSearchParams();
  const parsed = searchParamsSchema.safeParse(Object.fromEntries(searchParams));
  const params: SearchParams = parsed.success ? parsed.data : { q: "", community: undefined, tag: undefined };
  const key = searchParams.toString();
  const [results, setResults] = useState<Results>({ state: "idle" });

  useEffect(() => {
    if (!params.q || !parsed.success) return setResults({ state: "idle" });
    const controller = new AbortController();
    setResults({ state: "loading" });
    fetch(`/api/search?${key}`, { signal: controller.signal })
      .then(async (res) => (res.ok ? setResults({ state: "done", key, page: await res.json() }) : setResults({ state: "error", message: "Search is not available right now. Try again in a moment." })))
      .catch(() => !controller.signal.aborted && setResults({ state: "error", message: "Search is not available right now. Try again in a moment." }));
    return () => controller.abort();
    // `key` captures every parameter; the parsed values derive from it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return (
    <>
      {/* Keyed by the search, so the fields show it after a link (suggestion, Load more) changes the URL. */}
      <SearchForm key={[params.q, params.community, params.tag].join("\n")} values={params} communities={communities} tags={tags} error={parsed.error?.issues[0]?.message} />
      {!params.q ? (
        <p className="mt-8 rounded-xl border border-dashed border-stone-300 p-8 text-center text-stone-600">Search titles, subtitles, tags, creators and the stories themselves.</p>
      ) : results.state === "done" && results.key === key ? (
        <SearchResults params={params} page={results.page} />
      ) : results.state === "error" ? (
        <p role="alert" className="mt-8 text-red-700">
          {results.message}
        </p>
      ) : (
        <p className="mt-8 text-stone-500" role="status">
          Searching…
        </p>
      )}
    </>
  );
}

import type { Metadata } from "next";
import { Suspense } from "react";
import { cachedCommunities } from "@/lib/cache/public";
import { cachedSearch, cachedTagOptions } from "@/lib/cache/search";
import { searchParamsSchema, type SearchParams } from "@/lib/validation/search";
import { SearchForm } from "@/components/search-form";
import { SearchResults } from "@/components/search-results";

export const metadata: Metadata = { title: "Search" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default function SearchPage({ searchParams }: Props) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-6 font-serif text-4xl font-bold">Search</h1>
      <Suspense fallback={<p className="text-stone-500">Searching…</p>}>
        <Search searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

/** Everything that depends on the URL, rendered per request inside the page's static shell. */
async function Search({ searchParams }: Props) {
  const parsed = searchParamsSchema.safeParse(await searchParams);
  const params: SearchParams = parsed.success ? parsed.data : { q: "", community: undefined, tag: undefined };
  const [communities, tags, results] = await Promise.all([cachedCommunities(), cachedTagOptions(), params.q ? cachedSearch(params) : null]);
  return (
    <>
      {/* Keyed by the search, so the fields show it after a link (suggestion, Load more) changes the URL. */}
      <SearchForm key={[params.q, params.community, params.tag].join("\n")} values={params} communities={communities} tags={tags} error={parsed.error?.issues[0]?.message} />
      {results ? (
        <SearchResults params={params} page={results} />
      ) : (
        <p className="mt-8 rounded-xl border border-dashed border-stone-300 p-8 text-center text-stone-600">Search titles, subtitles, tags, creators and the stories themselves.</p>
      )}
    </>
  );
}

import type { Metadata } from "next";
import { Suspense } from "react";
import { cachedCommunities } from "@/lib/cache/public";
import { cachedSearch, cachedTagOptions } from "@/lib/cache/search";
import { searchParamsSchema, type SearchParams } from "@/lib/validation/search";
import { SearchForm } from "@/components/search-form";
import { SearchResults } from "@/components/search-results";

export const metadata: Metadata = { title: "Search", robots: { index: false } };

type Option = { slug: string; name: string };
type UrlParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The search page renders its results on the server, so `/search?q=…` works without JavaScript
 * and can be linked. The form is a GET (next/form): in the browser it navigates without a full
 * reload and shows "Searching…" while the next results render. Each distinct query is cached
 * (lib/cache/search.ts) until a story list changes.
 */
export default async function SearchPage({ searchParams }: { searchParams: UrlParams }) {
  const [communities, tags] = await Promise.all([cachedCommunities(), cachedTagOptions()]);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-6 font-serif text-4xl font-bold">Search</h1>
      <Suspense fallback={<SearchForm values={{ q: "", community: undefined, tag: undefined }} communities={communities} tags={tags} />}>
        <SearchFromUrl searchParams={searchParams} communities={communities} tags={tags} />
      </Suspense>
    </div>
  );
}

async function SearchFromUrl({ searchParams, communities, tags }: { searchParams: UrlParams; communities: Option[]; tags: Option[] }) {
  const parsed = searchParamsSchema.safeParse(await searchParams);
  const params: SearchParams = parsed.success ? parsed.data : { q: "", community: undefined, tag: undefined };
  const key = [params.q, params.community, params.tag, params.cursor].join("\n");
  return (
    <>
      <SearchForm values={params} communities={communities} tags={tags} error={parsed.error?.issues[0]?.message} />
      {!params.q ? (
        <p className="mt-8 rounded-xl border border-dashed border-stone-300 p-8 text-center text-stone-600">Search titles, subtitles, tags, creators and the stories themselves.</p>
      ) : (
        <Suspense
          key={key}
          fallback={
            <p className="mt-8 text-stone-500" role="status">
              Searching…
            </p>
          }
        >
          <Results params={params} />
        </Suspense>
      )}
    </>
  );
}

async function Results({ params }: { params: SearchParams }) {
  try {
    return <SearchResults params={params} page={await cachedSearch(params)} />;
  } catch (error) {
    console.error("[search] results unavailable (database down or too slow?)", error);
    return (
      <p role="alert" className="mt-8 text-red-700">
        Search is not available right now. Try again in a moment.
      </p>
    );
  }
}

import type { Metadata } from "next";
import { Suspense } from "react";
import { cachedCommunities } from "@/lib/cache/public";
import { cachedTagOptions } from "@/lib/cache/search";
import { SearchForm } from "@/components/search-form";
import { SearchClient } from "@/components/search-client";

export const metadata: Metadata = { title: "Search", robots: { index: false } };

/** Static for everyone: the query is read in the browser, results come from /api/search. */
export default async function SearchPage() {
  const [communities, tags] = await Promise.all([cachedCommunities(), cachedTagOptions()]);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-6 font-serif text-4xl font-bold">Search</h1>
      <Suspense fallback={<SearchForm values={{ q: "", community: undefined, tag: undefined }} communities={communities} tags={tags} />}>
        <SearchClient communities={communities} tags={tags} />
      </Suspense>
      <noscript>
        <p className="mt-6 text-stone-600">Search results need JavaScript turned on.</p>
      </noscript>
    </div>
  );
}

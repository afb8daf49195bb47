import { IntentLink } from "@/components/intent-link";
import { StoryList } from "@/components/story-list";
import type { SearchPage } from "@/lib/data/search";
import type { SearchParams } from "@/lib/validation/search";

/** A /search URL with these parameters, empty ones left out. */
function searchHref(params: Partial<SearchParams>): string {
  const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]));
  return `/search?${query}`;
}

/** One page of results; "Load more" is a plain link to the next page, so it needs no JavaScript. */
export function SearchResults({ params, page }: { params: SearchParams; page: SearchPage }) {
  return (
    <section aria-label="Search results" className="mt-8">
      <StoryList stories={page.items} empty={<NoMatches q={params.q} suggestion={page.suggestion} />} />
      {page.nextCursor ? (
        <p className="mt-6 text-center">
          <IntentLink href={searchHref({ ...params, cursor: page.nextCursor })} className="btn-secondary">
            Load more
          </IntentLink>
        </p>
      ) : null}
    </section>
  );
}

function NoMatches({ q, suggestion }: { q: string; suggestion: string | null }) {
  return (
    <>
      <p>No stories match “{q}”.</p>
      {suggestion ? (
        <p className="mt-2">
          Did you mean{" "}
          <IntentLink href={searchHref({ q: suggestion })} className="link font-medium text-ink">
            {suggestion}
          </IntentLink>
          ?
        </p>
      ) : null}
    </>
  );
}

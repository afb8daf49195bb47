import Form from "next/form";
import { SEARCH_QUERY_MAX } from "@/lib/validation/search";

/**
 * A GET form to /search, static for every reader. On a phone only the button shows (it opens the
 * search page); wider screens get the box too.
 */
export function HeaderSearch() {
  return (
    <Form action="/search" prefetch={false} role="search" aria-label="Site" className="ml-auto flex min-w-0 items-center gap-1 sm:max-w-xs sm:flex-1">
      <div className="hidden min-w-0 flex-1 sm:block">
        <label htmlFor="header-search" className="sr-only">
          Search stories
        </label>
        <input id="header-search" name="q" type="search" maxLength={SEARCH_QUERY_MAX} placeholder="Search stories" className="input py-1.5 text-sm" />
      </div>
      <button type="submit" className="shrink-0 rounded-full p-2 text-stone-600 hover:bg-stone-100 hover:text-ink" title="Search">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
        <span className="sr-only">Search</span>
      </button>
    </Form>
  );
}

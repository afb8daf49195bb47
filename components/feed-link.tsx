import { feedPath } from "@/lib/seo/feeds";

/** A visible link to a list page's RSS feed (the page's <head> names it too, for feed readers). */
export function FeedLink({ href, pagePath, label }: { label: string } & ({ href: string; pagePath?: never } | { pagePath: string; href?: never })) {
  return (
    <a href={href ?? feedPath(pagePath!)} className="inline-flex items-center gap-1 text-sm font-medium text-stone-600 hover:text-ink" aria-label={label} title={label}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4 text-brand-700" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round">
        <path d="M4 11a9 9 0 0 1 9 9" />
        <path d="M4 4a16 16 0 0 1 16 16" />
        <circle cx="5" cy="19" r="1.2" fill="currentColor" />
      </svg>
      RSS
    </a>
  );
}

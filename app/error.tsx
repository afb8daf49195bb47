"use client";

// Shown when a page cannot be rendered, most often because the database is down, restarting or
// too slow right now (its queries time out: see DB_QUERY_TIMEOUT_MS). Cached pages keep being
// served meanwhile; this one can be tried again.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center" data-error-page>
      <h1 className="font-serif text-4xl font-bold">We couldn&apos;t load this page</h1>
      <p className="mt-3 text-stone-600">Something went wrong on our side, or we&apos;re very busy right now. Nothing you did caused it. Please try again in a moment.</p>
      <button type="button" onClick={() => reset()} className="btn-primary mt-6">
        Try again
      </button>
    </div>
  );
}

/** A neutral placeholder while a signed-in page waits for the session and its data. */
export function PageSkeleton() {
  return (
    <div className="mx-auto max-w-3xl animate-pulse px-4 py-10" aria-busy="true" aria-label="Loading">
      <div className="h-9 w-1/2 rounded bg-stone-200" />
      <div className="mt-8 h-4 w-full rounded bg-stone-100" />
      <div className="mt-3 h-4 w-5/6 rounded bg-stone-100" />
      <div className="mt-3 h-4 w-2/3 rounded bg-stone-100" />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { IntentLink } from "@/components/intent-link";
import { Suspense } from "react";
import { requireViewer } from "@/lib/auth/session";
import { listReviewQueue } from "@/lib/data/review";
import { isAppError } from "@/lib/errors";
import { FormMessage } from "@/components/forms/field";
import { PageSkeleton } from "@/components/page-skeleton";
import { ReviewChecks } from "@/components/review/review-checks";
import { waitingFor } from "@/components/review/waiting";
import { formatDateTime } from "@/components/format";
import { StoryChanges } from "@/components/review/story-changes";

export const metadata: Metadata = { title: "Reviews", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const confirmations: Record<string, string> = {
  published: "Approved: the story is live and its creator has been told.",
  scheduled: "Approved: the story goes live at its scheduled time; its creator has been told.",
  changes: "Changes requested: the creator sees your reason and notes in their editor.",
};

export default function ReviewQueuePage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="font-serif text-2xl font-bold">Stories waiting for review</h1>
        <p className="mt-1 text-sm text-stone-600">New stories and edits to live stories, oldest first. Opening one reserves it for you for 30 minutes.</p>
      </div>
      <Suspense fallback={<PageSkeleton />}>
        <ReviewQueue searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

async function ReviewQueue({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer("/admin/reviews");
  const params = await searchParams;
  const cursor = typeof params.cursor === "string" ? params.cursor.slice(0, 64) : undefined;
  const done = typeof params.done === "string" ? confirmations[params.done] : undefined;
  let queue;
  try {
    queue = await listReviewQueue(viewer, { cursor });
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") return <FormMessage message="Only moderators and admins can review stories." />;
    throw error;
  }
  const now = Date.now();
  return (
    <>
      {done ? <FormMessage tone="success" message={done} /> : null}
      {queue.items.length === 0 ? (
        <div className="rounded-xl border border-dashed border-stone-300 p-10 text-center">
          <p className="font-semibold">No stories waiting for review</p>
          <p className="mt-1 text-sm text-stone-600">{cursor ? "That was the last page." : "New submissions will appear here."}</p>
          {cursor ? (
            <IntentLink href="/admin/reviews" className="link mt-2 inline-block text-sm">
              Back to the first page
            </IntentLink>
          ) : null}
        </div>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200" aria-label="Review queue">
          {queue.items.map((item) => (
            <li key={item.id} className="grid gap-2 p-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:gap-6">
              <div className="min-w-0 space-y-1.5">
                {item.own ? (
                  <p className="break-words font-serif text-lg font-bold">{item.title || "Untitled"}</p>
                ) : (
                  // Opening a submission claims it, so it is never prefetched just by being on screen.
                  <Link href={`/admin/reviews/${item.id}`} prefetch={false} className="break-words font-serif text-lg font-bold hover:underline">
                    {item.title || "Untitled"}
                  </Link>
                )}
                {item.kind === "edit" ? (
                  <p className="inline-block rounded-full bg-sky-100 px-2 py-0.5 text-xs font-semibold text-sky-900">Edit to a live story</p>
                ) : null}
                <p className="text-sm text-stone-600">
                  by <span className="font-medium text-stone-800">{item.author.name}</span> in {item.community.name} · {item.wordCount.toLocaleString("en-US")} words
                </p>
                <ReviewChecks checks={item.checks} compact />
                {item.kind === "edit" ? (
                  <details className="pt-1" open={item.changes.length <= 3}>
                    <summary className="cursor-pointer text-sm font-semibold text-stone-700">What it changes ({item.changes.map((c) => c.field.toLowerCase()).join(", ") || "nothing"})</summary>
                    <div className="mt-2">
                      <StoryChanges changes={item.changes} />
                    </div>
                  </details>
                ) : null}
              </div>
              <div className="flex flex-col gap-1 text-sm sm:items-end sm:text-right">
                <p className="font-medium text-stone-800">
                  <time dateTime={item.submittedAt.toISOString()} title={formatDateTime(item.submittedAt)}>
                    {waitingFor(item.submittedAt, now)}
                  </time>
                </p>
                {item.scheduledAt ? <p className="text-stone-600">Wants to go live {formatDateTime(item.scheduledAt)}</p> : null}
                {item.own ? (
                  <p className="text-stone-600">Your story: another moderator reviews it</p>
                ) : item.claim ? (
                  <p className={item.claim.mine ? "text-emerald-800" : "text-amber-900"}>{item.claim.mine ? "Reserved by you" : `${item.claim.holder} is reviewing`}</p>
                ) : (
                  <p className="text-stone-500">Not claimed</p>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {queue.nextCursor ? (
        <IntentLink href={`/admin/reviews?cursor=${encodeURIComponent(queue.nextCursor)}`} className="btn-secondary">
          Next page
        </IntentLink>
      ) : null}
    </>
  );
}

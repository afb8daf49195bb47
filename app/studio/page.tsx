import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { Suspense } from "react";
import { requireViewer } from "@/lib/auth/session";
import { listMyStories } from "@/lib/data/studio-stories";
import { getMyDailyReads, READ_CHART_DAYS } from "@/lib/data/studio";
import { STUDIO_STATUSES, studioFilterSchema, type StudioStatusParam } from "@/lib/validation/studio";
import { formatDate, formatDateTime, pluralize } from "@/components/format";
import { storyStatusLabel } from "@/components/review/status";
import { Sparkline } from "@/components/studio/sparkline";
import { PageSkeleton } from "@/components/page-skeleton";

export const metadata: Metadata = { title: "Studio" };

const statusTone: Record<string, string> = {
  PUBLISHED: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  CHANGES_REQUESTED: "bg-amber-50 text-amber-900 ring-amber-200",
  SUBMITTED: "bg-sky-50 text-sky-900 ring-sky-200",
  APPROVED: "bg-sky-50 text-sky-900 ring-sky-200",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function StudioPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl font-bold">Your stories</h1>
        <div className="flex items-center gap-4">
          <IntentLink href="/studio/moderation" className="link text-sm">
            Moderation
          </IntentLink>
          <IntentLink href="/studio/new" className="btn-primary">
            New story
          </IntentLink>
        </div>
      </div>
      {/* The filters are request data: read behind their own boundary so the frame stays static. */}
      <Suspense fallback={<PageSkeleton />}>
        <StudioStories searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

async function StudioStories({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer("/studio");
  const filter = studioFilterSchema.parse(await searchParams);
  const filtered = Boolean(filter.status || filter.q);
  const [{ items: stories, nextCursor }, dailyReads] = await Promise.all([
    listMyStories(viewer, { status: filter.status && STUDIO_STATUSES[filter.status].status, query: filter.q, cursor: filter.cursor }),
    getMyDailyReads(viewer),
  ]);
  const nextPage = new URLSearchParams(Object.entries({ status: filter.status, q: filter.q, cursor: nextCursor ?? undefined }).filter((e): e is [string, string] => Boolean(e[1])));
  const noReads = Array<number>(READ_CHART_DAYS).fill(0);
  return (
    <>
      <StudioFilters status={filter.status} q={filter.q} />
      {stories.length === 0 && !filtered && !filter.cursor ? (
        <div className="rounded-xl border border-dashed border-stone-300 p-10 text-center">
          <p className="font-semibold">You haven&apos;t written anything yet.</p>
          <p className="mt-1 text-stone-600">Your drafts and published stories will appear here.</p>
          <IntentLink href="/studio/new" className="btn-primary mt-4">
            Write your first story
          </IntentLink>
        </div>
      ) : stories.length === 0 ? (
        <div className="rounded-xl border border-dashed border-stone-300 p-10 text-center">
          <p className="font-semibold">No stories match these filters.</p>
          <IntentLink href="/studio" className="link mt-2 inline-block">
            Show all your stories
          </IntentLink>
        </div>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200" aria-label="Your stories">
          {stories.map((story) => (
            <li key={story.id} className="grid gap-3 p-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center sm:gap-6">
              <div className="min-w-0">
                <IntentLink href={`/studio/stories/${story.id}/edit`} className="break-words font-serif text-lg font-bold hover:underline">
                  {story.title || "Untitled"}
                </IntentLink>
                <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-stone-500">
                  <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${statusTone[story.status] ?? "bg-stone-100 text-stone-700 ring-stone-200"}`}>{storyStatusLabel(story.status)}</span>
                  {story.status === "SUBMITTED" && story.submittedAt ? (
                    <span>Submitted {formatDate(story.submittedAt)} · waiting for a moderator</span>
                  ) : story.status === "APPROVED" && story.scheduledAt ? (
                    <span>Goes live {formatDateTime(story.scheduledAt)}</span>
                  ) : story.status === "CHANGES_REQUESTED" ? (
                    <span className="font-medium text-amber-900">A moderator asked for changes</span>
                  ) : (
                    <span>Edited {formatDate(story.updatedAt)}</span>
                  )}
                </p>
                {story.status === "PUBLISHED" ? (
                  <p className="mt-1 text-sm text-stone-600" data-testid="story-stats">
                    {pluralize(story.readCount, "read")} · {pluralize(story.heartCount, "heart")} · {pluralize(story.commentCount, "comment")}
                  </p>
                ) : null}
              </div>
              <div className="flex flex-wrap items-center gap-x-5 gap-y-2 sm:justify-end">
                {story.status === "PUBLISHED" ? (
                  <figure className="flex items-center gap-2">
                    <Sparkline counts={dailyReads.get(story.id) ?? noReads} />
                    <figcaption className="text-xs text-stone-500">{READ_CHART_DAYS} days</figcaption>
                  </figure>
                ) : null}
                <div className="flex gap-3 text-sm">
                  <IntentLink href={`/studio/stories/${story.id}/edit`} className="link">
                    {story.status === "SUBMITTED" || story.status === "APPROVED" ? "Open" : "Edit"}
                  </IntentLink>
                  {story.href ? (
                    <IntentLink href={story.href} className="link">
                      View
                    </IntentLink>
                  ) : null}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <IntentLink href={`/studio?${nextPage}`} className="btn-secondary mt-4">
          Older stories
        </IntentLink>
      ) : null}
    </>
  );
}

function StudioFilters({ status, q }: { status?: StudioStatusParam; q?: string }) {
  return (
    <form method="get" action="/studio" role="search" aria-label="Filter your stories" className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="flex-1 space-y-1.5">
        <label htmlFor="studio-q" className="block text-sm font-semibold text-stone-800">
          Search titles
        </label>
        <input id="studio-q" name="q" type="search" defaultValue={q ?? ""} maxLength={100} className="input" />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="studio-status" className="block text-sm font-semibold text-stone-800">
          Status
        </label>
        <select id="studio-status" name="status" defaultValue={status ?? ""} className="input h-[2.625rem] sm:w-52">
          <option value="">All statuses</option>
          {Object.entries(STUDIO_STATUSES).map(([value, { label }]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-secondary">
        Apply
      </button>
    </form>
  );
}

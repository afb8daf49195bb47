import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { Suspense } from "react";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/session";
import { can, canSomewhere } from "@/lib/auth/permissions";
import { listOpenReportGroups } from "@/lib/data/reports";
import { PageSkeleton } from "@/components/page-skeleton";
import { ReportQueue } from "@/components/admin/report-queue";

export const metadata: Metadata = { title: "Reports" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const querySchema = z.object({
  cursor: z.string().max(200).optional().catch(undefined),
  done: z.enum(["DISMISS", "HIDE_COMMENT", "UNPUBLISH_STORY"]).optional().catch(undefined),
});
const doneMessages = {
  DISMISS: "Reports dismissed.",
  HIDE_COMMENT: "Comment hidden; its reports are resolved.",
  UNPUBLISH_STORY: "Story unpublished; its reports are resolved.",
} as const;

export default function ReportsPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <>
      <div className="mb-6">
        <h1 className="font-serif text-3xl font-bold">Reports</h1>
        <p className="mt-1 text-stone-600">Open reports, one card per reported story, comment or account, the longest-waiting first.</p>
      </div>
      <Suspense fallback={<PageSkeleton />}>
        <Queue searchParams={searchParams} />
      </Suspense>
    </>
  );
}

async function Queue({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer("/admin/reports");
  if (!canSomewhere(viewer, "report:handle")) {
    return <p className="rounded-xl border border-stone-200 bg-stone-50 p-6 text-stone-700">Only moderators and admins can handle reports.</p>;
  }
  const { cursor, done } = querySchema.parse(await searchParams);
  const page = await listOpenReportGroups(viewer, { cursor });
  const empty = (
    <div className="rounded-xl border border-dashed border-stone-300 p-10 text-center">
      <p className="font-semibold">{cursor ? "No more open reports." : "No open reports."}</p>
      <p className="mt-1 text-stone-600">{cursor ? "You've reached the end of the queue." : "When readers report a story, a comment or an account, it shows up here."}</p>
    </div>
  );
  return (
    <>
      {done ? (
        <p role="status" className="mb-6 rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {doneMessages[done]}
        </p>
      ) : null}
      <ReportQueue groups={page.groups} empty={empty} mayRestrict={can(viewer, "user:restrict")} />
      {cursor || page.nextCursor ? (
        <nav aria-label="Report pages" className="mt-8 flex flex-wrap justify-between gap-3 text-sm">
          {cursor ? (
            <IntentLink href="/admin/reports" className="link">
              ← Back to the oldest
            </IntentLink>
          ) : (
            <span />
          )}
          {page.nextCursor ? (
            <IntentLink href={`/admin/reports?cursor=${encodeURIComponent(page.nextCursor)}`} className="btn-secondary">
              Newer reports →
            </IntentLink>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

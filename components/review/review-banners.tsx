import type { ReactNode } from "react";
import { formatDateTime } from "@/components/format";
import { WithdrawSubmissionForm } from "@/components/editor/manage-story-forms";

/** Shown above a story that waits for a moderator or for its publishing time: why it is read-only, and the way out. */
export function InReviewBanner({ storyId, status, submittedAt, scheduledAt }: { storyId: string; status: "SUBMITTED" | "APPROVED"; submittedAt: Date | null; scheduledAt: Date | null }) {
  const title =
    status === "APPROVED"
      ? `Scheduled to go live on ${scheduledAt ? formatDateTime(scheduledAt) : "the chosen date"}`
      : `Submitted for review${submittedAt ? ` on ${formatDateTime(submittedAt)}` : ""}`;
  return (
    <section aria-label={status === "APPROVED" ? "Scheduled" : "In review"} className="flex flex-col gap-3 rounded-xl border border-sky-200 bg-sky-50 p-4 text-sky-950 sm:flex-row sm:items-center sm:justify-between">
      <div className="space-y-1">
        <p className="font-semibold">
          {title} — Withdraw to keep editing
        </p>
        <p className="text-sm text-sky-900">
          {status === "APPROVED"
            ? "It's approved to go live then. Until then the text is locked; withdraw it to make it a draft again and keep editing."
            : `A moderator will read it and approve it or ask for changes; you'll get a notification.${scheduledAt ? ` Once approved, it goes live on ${formatDateTime(scheduledAt)}.` : ""} The text is locked while it waits.`}
        </p>
      </div>
      <div className="shrink-0">
        <WithdrawSubmissionForm storyId={storyId} />
      </div>
    </section>
  );
}

/** The moderator's reason and per-section notes, above the editor, so the creator can fix and resubmit. */
export function ChangesRequestedBanner({ reason, notes, buttonLabel }: { reason: string | null; notes: Record<string, string>; buttonLabel: string }) {
  const sections = Object.entries(notes);
  return (
    <section aria-labelledby="changes-requested-heading" className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950">
      <h2 id="changes-requested-heading" className="font-sans text-base font-semibold">
        A moderator asked for changes
      </h2>
      {reason ? <Quote>{reason}</Quote> : null}
      {sections.length ? (
        <div className="space-y-2">
          <p className="text-sm font-semibold">Notes on sections</p>
          <ul className="space-y-2" aria-label="Notes on sections">
            {sections.map(([heading, note]) => (
              <li key={heading} className="rounded-lg border border-amber-200 bg-white/70 px-3 py-2 text-sm">
                <p className="font-semibold break-words">{heading}</p>
                <p className="mt-0.5 whitespace-pre-line break-words">{note}</p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="text-sm">Make your changes below, then press “{buttonLabel}” again.</p>
    </section>
  );
}

function Quote({ children }: { children: ReactNode }) {
  return <blockquote className="whitespace-pre-line break-words border-l-4 border-amber-400 pl-3 text-sm">{children}</blockquote>;
}

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

/**
 * Above the editor of a live story whose edit is held for review: where the edit stands, and that
 * readers still see the live version until a moderator approves it.
 */
export function HeldEditBanner({ submitted, updatedAt, reason, notes, liveTitle, liveHref }: { submitted: boolean; updatedAt: Date; reason: string | null; notes: Record<string, string>; liveTitle: string; liveHref: string | null }) {
  const title = submitted ? "Your changes are waiting for review" : reason ? "A moderator asked for changes to your edit" : "Your changes are saved but not live yet";
  const detail = submitted
    ? `A moderator will compare them with the live version and approve them or ask for changes; you'll get a notification. Edits you save now join them.`
    : reason
      ? "Make your changes below, then press “Submit changes for review” again."
      : "Press “Submit changes for review” when they are ready.";
  return (
    <section aria-label="Changes waiting for review" data-testid="held-edit" className="space-y-2 rounded-xl border border-sky-200 bg-sky-50 p-4 text-sky-950">
      <p className="font-semibold">{title}</p>
      {reason ? <Quote>{reason}</Quote> : null}
      {Object.entries(notes).map(([heading, note]) => (
        <p key={heading} className="text-sm break-words">
          <span className="font-semibold">{heading}:</span> {note}
        </p>
      ))}
      <p className="text-sm text-sky-900">{detail}</p>
      <p className="text-sm text-sky-900">
        Readers still see the live version{liveTitle ? <>, “{liveTitle}”</> : null}, last saved {formatDateTime(updatedAt)}.{" "}
        {liveHref ? (
          <a href={liveHref} className="link font-semibold">
            See what is live
          </a>
        ) : null}
      </p>
    </section>
  );
}

/** A story staff took down: read-only, why, and the way to ask for it back. */
export function TakenDownBanner({ reason, actionId }: { reason: string | null; actionId: string | null }) {
  return (
    <section aria-label="Taken down" data-testid="taken-down" className="space-y-2 rounded-xl border border-red-200 bg-red-50 p-4 text-red-950">
      <p className="font-semibold">A moderator took this story down</p>
      {reason ? <blockquote className="whitespace-pre-line break-words border-l-4 border-red-300 pl-3 text-sm">{reason}</blockquote> : null}
      <p className="text-sm">
        It can&apos;t be edited or published again by you. If you think the decision is wrong, you can appeal it: a moderator&apos;s reversal or an accepted appeal brings it back.{" "}
        <a href={actionId ? `/moderation/${actionId}` : "/studio/moderation"} className="link font-semibold">
          See details / appeal
        </a>
      </p>
    </section>
  );
}

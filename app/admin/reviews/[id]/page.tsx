import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { claimSubmissionForReview } from "@/lib/data/review";
import { isAppError } from "@/lib/errors";
import { StoryArticle } from "@/components/story-article";
import { FormMessage } from "@/components/forms/field";
import { ReviewChecks } from "@/components/review/review-checks";
import { ApproveForm, RequestChangesForm } from "@/components/review/review-forms";
import { waitingFor } from "@/components/review/waiting";
import { formatDateTime } from "@/components/format";
import { StoryChanges } from "@/components/review/story-changes";

export const metadata: Metadata = { title: "Review story", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

const backLink = (
  <IntentLink href="/admin/reviews" className="link text-sm">
    ← Back to the queue
  </IntentLink>
);

/** One submission: the story as readers would see it, its checks, earlier decisions, and the decision forms. */
export default async function ReviewStoryPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireViewer(`/admin/reviews/${id}`);
  let review;
  try {
    review = await claimSubmissionForReview(viewer, id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && (error.code === "FORBIDDEN" || error.code === "CONFLICT")) {
      return (
        <div className="space-y-4">
          {backLink}
          <FormMessage message={error.message} />
        </div>
      );
    }
    throw error;
  }
  const heldByOther = review.claim && !review.claim.mine ? review.claim : null;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        {backLink}
        <p className="text-sm text-stone-600">
          Submitted {review.submittedAt ? `${formatDateTime(review.submittedAt)} (${waitingFor(review.submittedAt)})` : ""}
        </p>
      </div>
      {heldByOther ? (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <strong>{heldByOther.holder} is reviewing this story.</strong> You can decide once they do, or after {formatDateTime(heldByOther.until)} if they don&apos;t.
        </p>
      ) : review.claim ? (
        <p className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">Reserved for you until {formatDateTime(review.claim.until)}: other moderators see that you are reviewing it.</p>
      ) : null}

      {review.kind === "edit" ? (
        <section className="space-y-3" aria-labelledby="changes-heading-edit">
          <h2 id="changes-heading-edit" className="font-sans text-lg font-semibold">
            Edit to a live story: what it changes
          </h2>
          <p className="text-sm text-stone-600">Readers see the live version until you approve. Below the changes, the story as it will read.</p>
          <StoryChanges changes={review.changes} />
        </section>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        {/* Checks come first on a phone; beside the story on a wide screen. */}
        <article className="order-2 min-w-0 rounded-xl border border-stone-200 p-4 sm:p-8 lg:order-1" aria-label="Story preview">
          <StoryArticle story={review.article} />
        </article>
        <aside className="order-1 space-y-6 lg:order-2" aria-label="Review details">
          <section className="space-y-2" aria-labelledby="checks-heading">
            <h2 id="checks-heading" className="font-sans text-lg font-semibold">
              Checks
            </h2>
            <ReviewChecks checks={review.checks} />
          </section>
          {review.scheduledAt ? (
            <p className="text-sm text-stone-700">
              The creator asked for it to go live on <strong>{formatDateTime(review.scheduledAt)}</strong>.
            </p>
          ) : null}
          {heldByOther ? null : (
            <a href="#decision" className="btn-secondary">
              Go to the decision
            </a>
          )}
          <section className="space-y-2" aria-labelledby="history-heading">
            <h2 id="history-heading" className="font-sans text-lg font-semibold">
              Earlier decisions
            </h2>
            {review.history.length === 0 ? (
              <p className="text-sm text-stone-600">None: this is its first review.</p>
            ) : (
              <ol className="space-y-3 text-sm">
                {review.history.map((entry) => (
                  <li key={entry.id} className="rounded-lg border border-stone-200 p-3">
                    <p className="font-semibold">
                      {entry.action === "REVIEW_APPROVE" ? "Approved" : "Changes requested"} by {entry.actorName}
                    </p>
                    <p className="text-xs text-stone-500">{formatDateTime(entry.createdAt)}</p>
                    <p className="mt-1 whitespace-pre-line break-words">{entry.reason}</p>
                    {Object.entries(entry.notes).map(([heading, note]) => (
                      <p key={heading} className="mt-1 break-words text-stone-700">
                        <span className="font-medium">{heading}:</span> {note}
                      </p>
                    ))}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </aside>
      </div>

      {heldByOther ? null : (
        <div id="decision" className="grid scroll-mt-6 gap-8 border-t border-stone-200 pt-8 md:grid-cols-2">
          <ApproveForm storyId={review.id} editVersion={review.editVersion} scheduledLabel={review.scheduledAt && review.scheduledAt.getTime() > Date.now() ? formatDateTime(review.scheduledAt) : null} />
          <RequestChangesForm storyId={review.id} editVersion={review.editVersion} sections={review.sections} />
        </div>
      )}
    </div>
  );
}

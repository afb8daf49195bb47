import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { listCommunityRules } from "@/lib/data/communities";
import { getPublishingMode, getStoryForEditing, getStoryPreview } from "@/lib/data/studio-stories";
import { isAppError } from "@/lib/errors";
import { StoryEditor } from "@/components/story-editor";
import { storyFieldsOf } from "@/components/editor/story-fields";
import { StoryArticle } from "@/components/story-article";
import { DeleteStoryForm, UnpublishStoryForm } from "@/components/editor/manage-story-forms";
import { ChangesRequestedBanner, HeldEditBanner, InReviewBanner, TakenDownBanner } from "@/components/review/review-banners";
import { FormMessage } from "@/components/forms/field";
import { storyStatusLabel } from "@/components/review/status";
import { getMyCommentsState } from "@/lib/data/comment-moderation";
import { CommentsSwitch } from "@/components/moderation/comments-switch";
import { StoryChallengePanel } from "@/components/challenges/story-challenge-panel";

export const metadata: Metadata = { title: "Edit story" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string; restored?: string; unpublished?: string; submitted?: string; scheduled?: string; withdrawn?: string }>;
};

const notices = {
  saved: "Draft saved.",
  restored: "Revision restored. The story now has that version's text.",
  unpublished: "Unpublished: the story is off the site and back to a draft.",
  submitted: "Submitted for review. A moderator will read it soon; you'll get a notification when they decide.",
  scheduled: "Scheduled. Your story goes live at the time you chose.",
  withdrawn: "Withdrawn. You can edit your story again.",
} as const;

export default async function EditStoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requireViewer(`/studio/stories/${id}/edit`);
  const [story, communities, publishMode, query, comments] = await Promise.all([
    getStoryForEditing(viewer, id).catch((error) => {
      if (isAppError(error) && error.code === "NOT_FOUND") return null;
      throw error;
    }),
    listCommunityRules(),
    getPublishingMode(viewer).catch(() => "submit" as const),
    searchParams,
    getMyCommentsState(viewer, id).catch(() => null),
  ]);
  if (!story) notFound();
  const notice = (Object.keys(notices) as (keyof typeof notices)[]).find((key) => query[key] === "1");
  const { id: storyId, version, href, status } = story;
  const locked = status === "SUBMITTED" || status === "APPROVED" || status === "REMOVED";
  // While it waits, the creator sees the story as it will read, not an editor they cannot use.
  const preview = locked ? await getStoryPreview(viewer, storyId) : null;
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <p className="mb-2 text-sm font-semibold uppercase tracking-wider text-stone-500" data-testid="story-status">
        {storyStatusLabel(status)}
      </p>
      {/* A locked story shows its article, whose title is the page's one h1. */}
      {locked ? null : <h1 className="mb-6 font-serif text-3xl font-bold">Edit story</h1>}
      {locked ? (
        <div className="space-y-6">
          {notice ? <FormMessage tone="success" message={notices[notice]} /> : null}
          {status === "REMOVED" ? (
            <TakenDownBanner reason={story.takedown?.reason ?? null} actionId={story.takedown?.actionId ?? null} />
          ) : (
            <InReviewBanner storyId={storyId} status={status === "APPROVED" ? "APPROVED" : "SUBMITTED"} submittedAt={story.submittedAt} scheduledAt={story.scheduledAt} />
          )}
          {preview ? (
            <article className="rounded-xl border border-stone-200 p-4 sm:p-8" aria-label={status === "REMOVED" ? "Story as taken down" : "Story as submitted"}>
              <StoryArticle story={preview} />
            </article>
          ) : null}
        </div>
      ) : (
        <>
          {story.pendingEdit ? (
            <div className="mb-6">
              <HeldEditBanner submitted={story.pendingEdit.submitted} updatedAt={story.pendingEdit.updatedAt} reason={story.pendingEdit.reviewReason} notes={story.pendingEdit.reviewNotes} liveTitle={story.pendingEdit.liveTitle} liveHref={href} />
            </div>
          ) : href && publishMode === "submit" ? (
            <p className="mb-6 rounded-lg border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-700">
              This story is live. Your edits are reviewed before readers see them; typo-sized fixes go live at once.
            </p>
          ) : null}
          {status === "CHANGES_REQUESTED" ? (
            <div className="mb-6">
              <ChangesRequestedBanner reason={story.reviewReason} notes={story.reviewNotes} buttonLabel={publishMode === "submit" ? "Submit for review" : "Publish"} />
            </div>
          ) : null}
          <StoryEditor
            storyId={storyId}
            initial={storyFieldsOf(story)}
            version={version}
            communities={communities}
            publishedHref={href}
            notice={notice ? notices[notice] : undefined}
            publishMode={publishMode}
            initialPublishAt={story.scheduledAt?.toISOString() ?? null}
          />
        </>
      )}
      {status === "REMOVED" ? null : <StoryChallengePanel viewer={viewer} storyId={storyId} />}
      <section aria-labelledby="manage-heading" className="mt-12 space-y-6 border-t border-stone-200 pt-8">
        <h2 id="manage-heading" className="font-sans text-lg font-semibold">
          Manage this story
        </h2>
        {comments?.isCreator ? <CommentsSwitch storyId={storyId} enabled={comments.commentsEnabled} locked={comments.commentsLocked} /> : null}
        {href ? <UnpublishStoryForm storyId={storyId} /> : null}
        {status === "REMOVED" ? null : <DeleteStoryForm storyId={storyId} published={Boolean(href)} />}
      </section>
    </div>
  );
}

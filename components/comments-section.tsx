import { IntentLink } from "@/components/intent-link";
import { cachedStoryComments } from "@/lib/cache/public";
import type { CommentThread, ThreadReply } from "@/lib/data/comments";
import { CommentBody, CommentCard, RemovedCommentCard } from "@/components/comment-card";
import { CommentComposer } from "@/components/viewer/comment-composer";
import { CommentControls } from "@/components/viewer/comment-controls";
import { CommentThreadProvider } from "@/components/viewer/comment-thread-context";
import { CommentModerationProvider } from "@/components/viewer/comment-moderation-context";
import { CommentSettings } from "@/components/viewer/comment-settings";
import { HiddenComment } from "@/components/viewer/hidden-comment";
import { HiddenWhilePosting, PendingComments } from "@/components/viewer/pending-comments";
import { pluralize } from "@/components/format";

type CommentsSectionProps = {
  storyId: string;
  storyPath: string;
  commentsEnabled: boolean;
  commentsLocked?: boolean;
  /** An earlier page of the conversation (/<community>/<slug>/comments/<before>): read-only, no composer. */
  before?: string;
};

/**
 * The latest threads (or an earlier page) are cached with the page; the controls and the
 * composer (client-side) depend on who is reading.
 */
export async function CommentsSection({ storyId, storyPath, commentsEnabled, commentsLocked = false, before }: CommentsSectionProps) {
  const { count, threads, earlier } = await cachedStoryComments(storyId, before);
  const open = commentsEnabled && !commentsLocked;
  return (
    <section aria-labelledby="comments-heading" className="space-y-6">
      <h2 id="comments-heading" className="font-serif text-2xl font-bold">
        {before ? "Earlier comments" : "Comments"} <span className="text-base font-normal text-stone-500">({pluralize(count, "comment")})</span>
      </h2>
      <CommentModerationProvider storyId={storyId} storyPath={storyPath}>
        {before ? null : <CommentSettings storyId={storyId} commentsEnabled={commentsEnabled} commentsLocked={commentsLocked} />}
        <CommentThreadProvider storyId={storyId} open={open && !before}>
          {earlier ? (
            <IntentLink href={`${storyPath}/comments/${earlier}`} className="btn-secondary inline-block">
              Show earlier comments
            </IntentLink>
          ) : null}
          {before && threads.length === 0 ? (
            <p className="text-stone-600">There are no earlier comments.</p>
          ) : threads.length === 0 ? (
            <HiddenWhilePosting>
              <div className="rounded-xl border border-dashed border-stone-300 p-6 text-center">
                <p className="font-semibold text-stone-800">There are no comments for this story</p>
                <p className="mt-1 text-stone-600">Be the first to respond and start the conversation.</p>
              </div>
            </HiddenWhilePosting>
          ) : (
            <ol className="space-y-6">
              {threads.map((thread) => (
                <li key={thread.id} id={`comment-${thread.id}`}>
                  <ThreadComment comment={thread} threadId={thread.id} />
                  <Replies thread={thread} />
                </li>
              ))}
            </ol>
          )}
          {before ? (
            <IntentLink href={`${storyPath}#comments-heading`} className="inline-block font-semibold text-brand-700 hover:underline">
              Back to the latest comments
            </IntentLink>
          ) : (
            <PendingComments threadId={null} className="space-y-6" />
          )}
          {before ? null : !commentsEnabled ? (
            <p className="rounded-xl bg-stone-50 p-4 text-stone-700">Comments are turned off for this story.</p>
          ) : commentsLocked ? (
            <p className="rounded-xl bg-stone-50 p-4 text-stone-700">This conversation has been locked by a moderator.</p>
          ) : (
            <CommentComposer storyPath={storyPath} />
          )}
        </CommentThreadProvider>
      </CommentModerationProvider>
    </section>
  );
}

function Replies({ thread }: { thread: CommentThread }) {
  return (
    // Indented under their comment; `empty:hidden` drops the rule when there is nothing to show.
    <div className="mt-4 ml-4 space-y-4 border-l-2 border-stone-100 pl-4 empty:hidden sm:ml-12">
      {thread.replies.length ? (
        <ol className="space-y-4">
          {thread.replies.map((reply) => (
            <li key={reply.id} id={`comment-${reply.id}`}>
              <ThreadComment comment={reply} threadId={thread.id} />
            </li>
          ))}
        </ol>
      ) : null}
      <PendingComments threadId={thread.id} className="space-y-4" />
    </div>
  );
}

function ThreadComment({ comment, threadId }: { comment: ThreadReply | CommentThread; threadId: string }) {
  if (comment.status === "HIDDEN") return <HiddenComment id={comment.id} hiddenBy={comment.hiddenBy} />;
  if (comment.status !== "VISIBLE") return <RemovedCommentCard status={comment.status} />;
  return (
    <CommentCard author={comment.author} createdAt={comment.createdAt} editedAt={comment.editedAt}>
      <CommentControls comment={{ id: comment.id, authorId: comment.author.id, authorName: comment.author.name, body: comment.body }} threadId={threadId}>
        <CommentBody html={comment.bodyHtml} />
      </CommentControls>
    </CommentCard>
  );
}

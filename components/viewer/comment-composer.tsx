"use client";
import { IntentLink } from "@/components/intent-link";
import { CommentForm } from "@/components/comment-form";
import { usePostCommentAction } from "@/components/viewer/comment-thread-context";
import { useViewer } from "@/components/viewer/viewer-provider";
import { CommentBlockedNotice, commentBlock } from "@/components/viewer/restriction-banner";

/** The comment form for signed-in readers, a sign-in prompt for everyone else. */
export function CommentComposer({ storyPath }: { storyPath: string }) {
  const { loading, viewer } = useViewer();
  const postComment = usePostCommentAction(null);
  if (loading) return <div className="h-24 rounded-xl bg-stone-50" aria-hidden="true" />;
  const blocked = commentBlock(viewer?.restrictions);
  if (blocked) return <CommentBlockedNotice restriction={blocked} />;
  if (viewer) return <CommentForm id="new-comment" action={postComment} label="Add a comment" submitLabel="Post comment" pendingLabel="Posting…" />;
  return (
    <p className="rounded-xl bg-stone-50 p-4 text-stone-700">
      <IntentLink href={`/signin?callbackUrl=${encodeURIComponent(`${storyPath}#comments-heading`)}`} className="link font-semibold">
        Sign in
      </IntentLink>{" "}
      to join the conversation.
    </p>
  );
}

"use client";
import Link from "next/link";
import { CommentForm } from "@/components/comment-form";
import { useViewer } from "@/components/viewer/viewer-provider";

/** The comment form for signed-in readers, a sign-in prompt for everyone else. */
export function CommentComposer({ storyId, storyPath }: { storyId: string; storyPath: string }) {
  const { loading, viewer } = useViewer();
  if (loading) return <div className="h-24 rounded-xl bg-stone-50" aria-hidden="true" />;
  if (viewer) return <CommentForm storyId={storyId} />;
  return (
    <p className="rounded-xl bg-stone-50 p-4 text-stone-700">
      <Link href={`/signin?callbackUrl=${encodeURIComponent(`${storyPath}#comments-heading`)}`} className="link font-semibold">
        Sign in
      </Link>{" "}
      to join the conversation.
    </p>
  );
}

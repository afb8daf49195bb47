"use client";
import { createContext, use, useOptimistic, type ReactNode } from "react";
import { postCommentAction } from "@/lib/actions/comments";
import { COMMENT_MAX } from "@/lib/validation/limits";
import type { FormState } from "@/lib/validation/form";

/** A comment the viewer has sent and the server has not yet saved. */
export type PendingComment = { key: number; threadId: string | null; body: string };

type CommentThreadValue = {
  storyId: string;
  /** Whether the story takes new comments (and edits). */
  open: boolean;
  pending: PendingComment[];
  addPending: (comment: PendingComment) => void;
};

const CommentThreadContext = createContext<CommentThreadValue | null>(null);

/** What every comment control on a story page shares: the story, and the comments on their way. */
export function CommentThreadProvider({ storyId, open, children }: { storyId: string; open: boolean; children: ReactNode }) {
  // Optimistic: each pending comment lasts exactly as long as its post action, which also
  // brings the refreshed thread, so the real comment replaces it in the same render.
  const [pending, addPending] = useOptimistic<PendingComment[], PendingComment>([], (list, comment) => [...list, comment]);
  return <CommentThreadContext value={{ storyId, open, pending, addPending }}>{children}</CommentThreadContext>;
}

export function useCommentThread(): CommentThreadValue {
  const value = use(CommentThreadContext);
  if (!value) throw new Error("useCommentThread needs a CommentThreadProvider");
  return value;
}

let nextKey = 0;

/** The post action for a new comment (threadId null) or a reply, showing it at once while it saves. */
export function usePostCommentAction(threadId: string | null) {
  const { storyId, addPending } = useCommentThread();
  return async (state: FormState, form: FormData): Promise<FormState> => {
    // Only what the server will accept shows up early; anything else gets its error straight away.
    // (A length check, not the zod schema: that would ship the validation library to every reader.)
    const body = String(form.get("body") ?? "").trim();
    if (body && body.length <= COMMENT_MAX) addPending({ key: ++nextKey, threadId, body });
    return postCommentAction(storyId, state, form);
  };
}

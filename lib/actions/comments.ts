"use server";
import { createComment, deleteComment, editComment } from "@/lib/data/comments";
import { commentEditSchema, commentInputSchema } from "@/lib/validation/comment";
import type { FormState } from "@/lib/validation/form";
import { formAction } from "@/lib/actions/action";
import { commentTags } from "@/lib/cache/tags";

/** Posts a comment, or a reply when the form carries `parentId`. */
export async function postCommentAction(storyId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { storyId },
    notFound: "We couldn't find that story.",
    input: commentInputSchema,
    run: ({ viewer, ids, input }) => createComment(viewer, ids.storyId, input),
    expire: (_comment, { ids }) => commentTags(ids.storyId),
    done: () => ({ ok: true, values: { body: "" }, savedAt: new Date().toISOString() }),
  });
}

export async function editCommentAction(commentId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { commentId },
    notFound: "We couldn't find that comment.",
    input: commentEditSchema,
    run: ({ viewer, ids, input }) => editComment(viewer, ids.commentId, input),
    expire: ({ storyId }) => commentTags(storyId),
    done: (_edited, { values }) => ({ ok: true, values, savedAt: new Date().toISOString() }),
  });
}

export async function deleteCommentAction(commentId: string): Promise<FormState> {
  return formAction(null, {
    ids: { commentId },
    notFound: "We couldn't find that comment.",
    run: ({ viewer, ids }) => deleteComment(viewer, ids.commentId),
    expire: ({ storyId }) => commentTags(storyId),
  });
}

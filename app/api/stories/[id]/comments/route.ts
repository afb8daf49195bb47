import { getViewer } from "@/lib/auth/session";
import { createComment } from "@/lib/data/comments";
import { getMyCommentsState } from "@/lib/data/comment-moderation";
import { commentInputSchema } from "@/lib/validation/comment";
import { fieldErrorsOf } from "@/lib/validation/form";
import { errorResponse, refuseMutation } from "@/lib/api/responses";
import { BODY_LIMITS, readJsonLimited } from "@/lib/api/body";
import { commentTags, expireTagsFromRoute } from "@/lib/cache/tags";
import { isId } from "@/lib/validation/ids";

const notFound = () => Response.json({ error: "We couldn't find that story." }, { status: 404 });

/**
 * Posts a comment as the signed-in user (JSON: { body, parentId? }): the same path as the comment
 * form's postCommentAction (the same schema, data call and expired tags, expired at once).
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = refuseMutation(request, BODY_LIMITS.comment);
  if (refused) return refused;
  const { id: storyId } = await params;
  if (!isId(storyId)) return notFound();
  try {
    const input = commentInputSchema.safeParse(await readJsonLimited(request, BODY_LIMITS.comment));
    if (!input.success) return Response.json({ error: "Check the comment.", fieldErrors: fieldErrorsOf(input.error) }, { status: 422 });
    const comment = await createComment(await getViewer(), storyId, input.data);
    expireTagsFromRoute(...commentTags(storyId));
    return Response.json({ id: comment.id }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

/** The signed-in viewer's side of the story's comments: creator or not, its switches, their own hidden comments (never cached). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id: storyId } = await params;
  if (!isId(storyId)) return notFound();
  try {
    return Response.json(await getMyCommentsState(await getViewer(), storyId), { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

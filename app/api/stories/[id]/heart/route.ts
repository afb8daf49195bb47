import { z } from "zod";
import { getViewer } from "@/lib/auth/session";
import { setHeart } from "@/lib/data/engagement";
import { errorResponse, refuseMutation } from "@/lib/api/responses";
import { BODY_LIMITS, readJsonLimited } from "@/lib/api/body";
import { isId } from "@/lib/validation/ids";

const heartInputSchema = z.object({ hearted: z.boolean() });

/**
 * Hearts or un-hearts a published story as the signed-in reader (JSON: { hearted }); the same rule
 * as the heart button's action. Answers the new state and count. Shared pages show counts that
 * may lag by a minute, so nothing is expired here (as with the action).
 */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = refuseMutation(request, BODY_LIMITS.tiny);
  if (refused) return refused;
  const { id } = await params;
  if (!isId(id)) return Response.json({ error: "We couldn't find that story." }, { status: 404 });
  try {
    const input = heartInputSchema.safeParse(await readJsonLimited(request, BODY_LIMITS.tiny));
    if (!input.success) return Response.json({ error: "Send { hearted: true | false }." }, { status: 422 });
    return Response.json(await setHeart(await getViewer(), id, input.data.hearted), { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

import { z } from "zod";
import { cachedStoryList } from "@/lib/cache/public";
import { optionalIdSchema } from "@/lib/validation/ids";
import { cachedReadErrorResponse } from "@/lib/api/responses";

const querySchema = z.object({
  cursor: z.string().max(64).regex(/^[^\u0000]*$/).optional(),
  community: optionalIdSchema,
  author: optionalIdSchema,
  tag: optionalIdSchema,
});

/** The next page of a public story list ("Load more"). Same cache as the pages themselves. */
export async function GET(request: Request) {
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return Response.json({ error: "Bad query" }, { status: 400 });
  const { cursor, community, author, tag } = query.data;
  try {
    return Response.json(await cachedStoryList({ cursor, communitySlug: community, authorHandle: author, tagSlug: tag, limit: 10 }));
  } catch (error) {
    return cachedReadErrorResponse(error); // a 503 "try again" while the database is down or too slow
  }
}

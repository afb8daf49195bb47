import { cachedSearch } from "@/lib/cache/search";
import { searchParamsSchema } from "@/lib/validation/search";
import { cachedReadErrorResponse } from "@/lib/api/responses";

/** Search results as JSON for the search page. Each distinct query is cached until a story list changes. */
export async function GET(request: Request) {
  const parsed = searchParamsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? "Check the search." }, { status: 400 });
  if (!parsed.data.q) return Response.json({ items: [], nextCursor: null, suggestion: null });
  try {
    return Response.json(await cachedSearch(parsed.data));
  } catch (error) {
    return cachedReadErrorResponse(error); // a 503 "try again" while the database is down or too slow
  }
}

import "server-only";
import { isAppError, type AppErrorCode } from "@/lib/errors";
import { getViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/permissions";
import { isId } from "@/lib/validation/ids";

const statusByCode: Record<AppErrorCode, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, INVALID: 422, RATE_LIMITED: 429 };

/** A JSON error for route handlers: an AppError's safe message and status, or a logged 500. */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) return Response.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: statusByCode[error.code] });
  console.error("[api] unexpected error", error);
  return Response.json({ error: "Something went wrong on our side." }, { status: 500 });
}

/**
 * The JSON body of a request, refusing anything not sent as application/json: a cross-site form
 * cannot send that content type without a CORS preflight, which these routes never grant.
 */
export async function jsonBody(request: Request): Promise<unknown> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) return undefined;
  return request.json().catch(() => undefined);
}

/**
 * GET handler for one of the signed-in reader's own story lists: `?cursor=` in, a page of
 * cards out, never cached (it is one reader's data).
 */
export function viewerListRoute<T>(list: (viewer: Viewer | null, cursor?: string) => Promise<T>) {
  return async (request: Request) => {
    // Cursors are ids; anything else (a NUL would fail in the database) starts from the top.
    const cursor = new URL(request.url).searchParams.get("cursor") ?? undefined;
    const validCursor = isId(cursor) ? cursor : undefined;
    try {
      return Response.json(await list(await getViewer(), validCursor), { headers: { "cache-control": "private, no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

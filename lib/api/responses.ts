import "server-only";
import { isAppError, type AppErrorCode } from "@/lib/errors";
import { getViewer } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/data/prisma-errors";
import type { Viewer } from "@/lib/auth/permissions";
import { isId } from "@/lib/validation/ids";
import { siteUrl } from "@/lib/env";
import { BodyTooLargeError, bodyTooLargeResponse, refuseDeclaredTooLarge } from "@/lib/api/body";
import { crossSiteResponse, isSameSiteRequest } from "@/lib/api/origin";

const statusByCode: Record<AppErrorCode, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, INVALID: 422, RATE_LIMITED: 429 };

/** Seconds a client should wait before retrying when the database is down or too slow. */
const RETRY_AFTER_SECONDS = 2;

/**
 * A JSON error for route handlers: an AppError's safe message and status, a 503 "try again" when
 * the database is unreachable or timed out (the client may retry), or a logged 500.
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof BodyTooLargeError) return bodyTooLargeResponse(error.maxBytes);
  if (isAppError(error)) return Response.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: statusByCode[error.code] });
  if (isDatabaseUnavailable(error)) {
    console.error("[api] database unavailable:", error instanceof Error ? error.message.split("\n")[0] : error);
    return Response.json({ error: "We couldn't reach our database just now. Please try again in a moment." }, { status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS) } });
  }
  console.error("[api] unexpected error", error);
  return Response.json({ error: "Something went wrong on our side." }, { status: 500 });
}

/**
 * For a route answering from a `'use cache'` read: Next strips such errors' messages in production
 * builds, so anything but an AppError is taken to be the one thing such a read can fail on, the
 * database being down or too slow: 503 "try again" (logged).
 */
export function cachedReadErrorResponse(error: unknown): Response {
  if (isAppError(error) || isDatabaseUnavailable(error)) return errorResponse(error);
  console.error("[api] cached read failed (database down or too slow?)", error);
  return Response.json({ error: "We couldn't load this just now. Please try again in a moment." }, { status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS) } });
}

/**
 * The first line of every route handler that changes something, before any other work (the
 * session included): 403 unless the request comes from a page of this site (lib/api/origin.ts),
 * 413 when its declared body is over `maxBytes`; null to go on. The body itself is then read with
 * readBodyLimited / readJsonLimited (lib/api/body.ts), which count what actually arrives.
 */
export function refuseMutation(request: Request, maxBytes: number): Response | null {
  if (!isSameSiteRequest(request.headers, siteUrl())) return crossSiteResponse();
  return refuseDeclaredTooLarge(request, maxBytes);
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

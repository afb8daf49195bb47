import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";

// Requests Auth.js takes for an error in its configuration (a 500 or its error page, and a logged
// stack; lib/auth/logger.ts has the rest): a sign-in or callback for a provider other than the
// password is a 404; a callback URL that isn't http(s), in the query or in Auth.js's cookie, is the
// visitor's error, a 400. And Auth.js's own sign-out is a 404: it only clears this browser's
// cookie, so a copy kept from before would still work; the site signs out through its action,
// which ends the session on the server too (lib/actions/auth.ts signOutAction).
const NOT_SERVED = /^\/api\/auth\/((signin|callback)\/(?!credentials(\/|$))|signout(\/|$))/;
const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

/**
 * Auth.js's own rule for a callback URL (relative, or absolute http(s); its redirect callback keeps
 * it on this site), checked first so a bad one is a 400 rather than its 500. Not safeReturnPath:
 * Auth.js itself stores absolute URLs in its cookie.
 */
function isHttpUrl(url: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(url, url.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

function refusal(request: NextRequest): Response | null {
  if (NOT_SERVED.test(request.nextUrl.pathname)) return new Response(null, { status: 404 });
  const callbackUrls = [request.nextUrl.searchParams.get("callbackUrl"), ...CALLBACK_COOKIES.map((name) => request.cookies.get(name)?.value)];
  if (callbackUrls.some((url) => url && !isHttpUrl(url, request.nextUrl.origin))) return Response.json({ error: "Invalid callback URL." }, { status: 400 });
  return null;
}

const guarded = (handler: (request: NextRequest) => Promise<Response>) => (request: NextRequest) => refusal(request) ?? handler(request);

export const GET = guarded(handlers.GET);
export const POST = guarded(handlers.POST);

import { NextResponse, type NextRequest } from "next/server";
import { newNonce, noncePolicy } from "@/lib/security/csp";
import { crossSiteResponse, isSameSiteRequest } from "@/lib/api/origin";
import { siteUrl } from "@/lib/env";
import { BODY_LIMITS, refuseDeclaredTooLarge } from "@/lib/api/body";

// Convenience only: sends signed-out visitors to sign in before they reach private pages.
// Every page and data function checks the user itself; this is not the security boundary.
const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];
const privatePaths = /^\/(studio|settings|following|bookmarks|admin|notifications|moderation)(\/|$)/;

/** The marks of a server action (when the method is POST): Next's action header, or a multipart body (an action form posted before JavaScript loaded). */
const hasActionMarkers = (request: NextRequest) => request.headers.has("next-action") || !!request.headers.get("content-type")?.startsWith("multipart/form-data");

export async function proxy(request: NextRequest) {
  // Server actions change things, so they must come from a page of this site (lib/api/origin.ts):
  // Next compares Origin with Host only when an Origin is sent, and lets a request without one run.
  if (request.method === "POST" && hasActionMarkers(request)) {
    if (!isSameSiteRequest(request.headers, siteUrl())) return crossSiteResponse();
    // Next buffers what the proxy sees (up to proxyClientMaxBodySize) and would hand the action a
    // body cut short there: a body declared larger is refused now, with a clear 413.
    const tooLarge = refuseDeclaredTooLarge(request, BODY_LIMITS.serverAction);
    if (tooLarge) return tooLarge;
  } else if (hasActionMarkers(request)) {
    // Reached only through the action matchers (see below) without being an action: nothing to do.
    // (Browsers' page loads carry neither header; anything else may render without a nonce.)
    return NextResponse.next();
  }
  // The first matchers below list exactly the pages rendered per request: each gets a nonce policy
  // (as does an action's response, rendered per request wherever it was posted).
  const { pathname } = request.nextUrl;
  // Its last entry also brings every path with a percent sign here. No story, profile or tag URL
  // has one, so cached pages never pay for this, and such a path is a 404 rendered per request (the
  // nonce does no harm). One that does not decode (`%zz`, a byte that isn't UTF-8) made Next answer
  // 500 on any dynamic page; one with NUL or control characters names nothing.
  if (pathname.includes("%") && !decodesToText(pathname)) return new NextResponse("Bad Request", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (privatePaths.test(pathname) && !sessionCookies.some((name) => request.cookies.has(name))) {
    // Server actions post to the page's own URL; redirecting one would take an editor whose session
    // just expired away from its text. The action checks the user itself and says "signed out".
    if (request.method === "GET" || request.method === "HEAD") {
      const url = new URL("/signin", request.url);
      url.searchParams.set("callbackUrl", pathname + request.nextUrl.search);
      return NextResponse.redirect(url);
    }
  }
  return withNonce(request);
}

function decodesToText(pathname: string) {
  try {
    // eslint-disable-next-line no-control-regex
    return !/[\u0000-\u001f\u007f]/.test(decodeURIComponent(pathname));
  } catch {
    return false;
  }
}

/**
 * A new nonce for this response. Next reads it from the request's Content-Security-Policy header
 * while rendering and puts it on every script it emits; the browser gets the same policy.
 */
function withNonce(request: NextRequest) {
  const policy = noncePolicy(newNonce(), { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    "/studio/:path*",
    "/settings/:path*",
    "/following",
    "/bookmarks",
    "/admin/:path*",
    "/notifications/:path*",
    "/moderation/:path*",
    "/signin",
    "/signup",
    // The pages reached from emails (lib/mail): per request, and the reset token stays under the nonce policy.
    "/forgot-password",
    "/reset-password/:path*",
    "/verify-email/:path*",
    "/confirm-email-change/:path*",
    "/account-deletion",
    "/unsubscribe",
    // Server actions on every other page, public ones included, for the Origin check above: only
    // requests carrying Next's action header or a multipart body match, so a page load (and the
    // cached public pages' throughput) never runs the proxy. Not /api: route handlers check Origin
    // themselves and must stream their bodies (the proxy would buffer them).
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "next-action" }] },
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
    // Percent-encoded paths, for the check at the top of proxy().
    "/(.*%.*)",
  ],
};

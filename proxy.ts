import { NextResponse, type NextRequest } from "next/server";
import { isDeletedStoryUrl } from "@/lib/data/deleted-stories";
import { newNonce, noncePolicy } from "@/lib/security/csp";

// Convenience only: sends signed-out visitors to sign in before they reach private pages.
// Every page and data function checks the user itself; this is not the security boundary.
const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];
const privatePaths = /^\/(studio|settings|following|bookmarks|admin|notifications|moderation)(\/|$)/;
// Pages rendered per request, which get a nonce-based script policy (lib/security/csp.ts).
const noncePaths = /^\/(studio|settings|following|bookmarks|admin|notifications|moderation|signin|signup)(\/|$)/;

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!noncePaths.test(pathname)) return storyGone(request);
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

/** A story its creator deleted answers 410 Gone, so readers and search engines know it is not coming back. */
async function storyGone(request: NextRequest) {
  const [, community, slug] = request.nextUrl.pathname.split("/");
  if (!community || !slug || !(await isDeletedStoryUrl(community, slug))) return NextResponse.next();
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Story deleted · Storyhouse</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1c1917"><h1>This story is gone</h1><p>Its creator deleted it.</p><p><a href="/">Read other stories on Storyhouse</a></p></body></html>`;
  return new NextResponse(html, { status: 410, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=300" } });
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
    // Story URLs, /{community}/{slug}: two segments, neither with a dot, not a fixed route.
    "/((?!api|_next|studio|settings|authors|tags|sitemaps|signin|signup|search|bookmarks|following|media|admin|notifications|moderation)[^/.]+)/([^/.]+)",
  ],
};

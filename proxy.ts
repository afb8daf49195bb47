import { NextResponse, type NextRequest } from "next/server";
import { isDeletedStoryUrl } from "@/lib/data/deleted-stories";

// Convenience only: sends signed-out visitors to sign in before they reach private pages.
// Every page and data function checks the user itself; this is not the security boundary.
const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];
const privatePaths = /^\/(studio|settings|following|bookmarks|admin|notifications|moderation)(\/|$)/;

export async function proxy(request: NextRequest) {
  if (!privatePaths.test(request.nextUrl.pathname)) return storyGone(request);
  if (sessionCookies.some((name) => request.cookies.has(name))) return NextResponse.next();
  // Server actions post to the page's own URL; redirecting one would take an editor whose session
  // just expired away from its text. The action checks the user itself and says "signed out".
  if (request.method !== "GET" && request.method !== "HEAD") return NextResponse.next();
  const url = new URL("/signin", request.url);
  url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
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
    // Story URLs, /{community}/{slug}: two segments, neither with a dot, not a fixed route.
    "/((?!api|_next|studio|settings|authors|tags|sitemaps|signin|signup|search|bookmarks|following|media|admin|notifications|moderation)[^/.]+)/([^/.]+)",
  ],
};

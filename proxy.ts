import { NextResponse, type NextRequest } from "next/server";
import { newNonce, noncePolicy } from "@/lib/security/csp";

// Convenience only: sends signed-out visitors to sign in before they reach private pages.
// Every page and data function checks the user itself; this is not the security boundary.
const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];
const privatePaths = /^\/(studio|settings|following|bookmarks|admin|notifications|moderation)(\/|$)/;

export async function proxy(request: NextRequest) {
  // The matcher below lists exactly the pages rendered per request: each gets a nonce policy.
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
    // Percent-encoded paths, for the check at the top of proxy().
    "/(.*%.*)",
  ],
};

import { NextResponse, type NextRequest } from "next/server";
import { newNonce, noncePolicy } from "@/lib/security/csp";

// Convenience only: sends signed-out visitors to sign in before they reach private pages.
// Every page and data function checks the user itself; this is not the security boundary.
const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];
const privatePaths = /^\/(studio|settings|following|bookmarks|admin|notifications|moderation)(\/|$)/;

export async function proxy(request: NextRequest) {
  // The matcher below lists exactly the pages rendered per request: each gets a nonce policy.
  const { pathname } = request.nextUrl;
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
  ],
};

import { NextResponse, type NextRequest } from "next/server";

// Convenience only: sends signed-out visitors to sign in before they reach private pages.
// Every page and data function checks the user itself; this is not the security boundary.
const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  if (sessionCookies.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = new URL("/signin", request.url);
  url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/studio/:path*", "/settings/:path*", "/following", "/bookmarks"] };

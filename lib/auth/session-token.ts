import "server-only";
import { decode, getToken, type JWT } from "next-auth/jwt";
import { env } from "@/lib/env";

// The session cookie is an encrypted JWT. next-auth's `auth()` decrypts it (key derivation, AES,
// HMAC) and then encrypts a fresh one for a cookie that server components and route handlers
// cannot set anyway: about a millisecond of CPU per signed-in request, measured in the comment
// throughput run (docs/performance-load.md). Here the cookie is decrypted once and its claims
// kept, by the exact token, until it expires: the same token always decrypts to the same claims.
// Whether the session is still valid is not decided here: the claims carry the session version,
// and the viewer lookup compares it with the member's current one on every request.

const SECURE_COOKIE = "__Secure-authjs.session-token";
const MAX_REMEMBERED = 5_000;
// next-auth's decode accepts a token up to 15 s past its expiry (clock skew); so do we.
const CLOCK_TOLERANCE_SECONDS = 15;
const decoded = new Map<string, JWT & { exp: number }>();

async function decodeRemembered(params: Parameters<typeof decode>[0]): Promise<JWT | null> {
  const now = Date.now() / 1000 - CLOCK_TOLERANCE_SECONDS;
  const known = decoded.get(params.token ?? "");
  if (known) {
    if (known.exp > now) return known;
    decoded.delete(params.token!);
    return null;
  }
  const claims = await decode(params);
  if (params.token && claims && typeof claims.exp === "number" && claims.exp > now) {
    if (decoded.size >= MAX_REMEMBERED) decoded.delete(decoded.keys().next().value!);
    decoded.set(params.token, claims as JWT & { exp: number });
  }
  return claims;
}

/** Who a session names: the user and the session version it was issued under. */
export type SessionClaims = { userId: string; sessionVersion: number };

/**
 * The claims of the request's session cookie (checked and unexpired), or null. A token from before
 * session versions has none: it counts as version 0, so the first sign-out ends it too.
 */
export async function sessionClaims(headers: Headers): Promise<SessionClaims | null> {
  // On https next-auth names the cookie with the __Secure- prefix (browsers only accept it over https).
  const secureCookie = headers.get("cookie")?.includes(SECURE_COOKIE) ?? false;
  return claimsOf(await getToken({ req: { headers }, secureCookie, secret: env().AUTH_SECRET, decode: decodeRemembered }));
}

/** A decoded token's claims (also for next-auth's own session route, lib/auth/config.ts). */
export function claimsOf(token: JWT | null): SessionClaims | null {
  if (typeof token?.sub !== "string") return null;
  return { userId: token.sub, sessionVersion: typeof token.sv === "number" ? token.sv : 0 };
}

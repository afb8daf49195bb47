import "server-only";
import { decode, getToken, type JWT } from "next-auth/jwt";
import { env } from "@/lib/env";

// The session cookie is an encrypted JWT. next-auth's `auth()` decrypts it (key derivation, AES,
// HMAC) and then encrypts a fresh one for a cookie that server components and route handlers
// cannot set anyway: about a millisecond of CPU per signed-in request, measured in the comment
// throughput run (docs/performance-load.md). Here the cookie is decrypted once and its claims
// kept, by the exact token, until it expires: the same token always decrypts to the same claims.

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

/** The signed-in user's id from the request's session cookie (checked and unexpired), or null. */
export async function sessionUserId(headers: Headers): Promise<string | null> {
  // On https next-auth names the cookie with the __Secure- prefix (browsers only accept it over https).
  const secureCookie = headers.get("cookie")?.includes(SECURE_COOKIE) ?? false;
  const token = await getToken({ req: { headers }, secureCookie, secret: env().AUTH_SECRET, decode: decodeRemembered });
  return typeof token?.sub === "string" ? token.sub : null;
}

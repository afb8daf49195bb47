/**
 * The client's address for per-IP limits: the first X-Forwarded-For hop (set by Next's server, or
 * by the reverse proxy in front of it), else X-Real-IP. Only used as a rate-limit key, never stored
 * elsewhere. A client can forge the header when nothing in front overwrites it, which is why
 * sign-in is also limited per account.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || headers.get("x-real-ip") || "unknown").slice(0, 64);
}

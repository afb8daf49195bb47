import "server-only";
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

/**
 * A key that identifies one reader for one day and nothing more: an HMAC of the day with the
 * user id (signed in) or the request's address and browser (anonymous). The inputs are never
 * stored, and a new day gives unrelated keys, so reads cannot be linked across days.
 */
export function readerKey(day: string, reader: { userId: string } | { address: string; userAgent: string }): string {
  const subject = "userId" in reader ? `user:${reader.userId}` : `anon:${reader.address}|${reader.userAgent}`;
  return createHmac("sha256", env().AUTH_SECRET).update(`${day}|${subject}`).digest("base64url").slice(0, 22);
}

/** Today in UTC as YYYY-MM-DD. */
export function utcDay(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

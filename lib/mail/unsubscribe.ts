import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env, siteUrl } from "@/lib/env";
import type { EmailKind } from "@/lib/domain/email-preferences";

// A signed pair (member, kind of email): following it turns that kind off without signing in. It
// needs no storage and cannot be made for anyone else without AUTH_SECRET.
const sign = (userId: string, kind: EmailKind) => createHmac("sha256", env().AUTH_SECRET).update(`unsubscribe|${userId}|${kind}`).digest("base64url").slice(0, 32);

export function unsubscribeQuery(userId: string, kind: EmailKind): string {
  return new URLSearchParams({ u: userId, k: kind, s: sign(userId, kind) }).toString();
}

/** The page a person opens from the footer link, and the RFC 8058 one-click address for mail clients. */
export function unsubscribeUrls(userId: string, kind: EmailKind) {
  const query = unsubscribeQuery(userId, kind);
  return { page: `${siteUrl()}/unsubscribe?${query}`, oneClick: `${siteUrl()}/api/unsubscribe?${query}` };
}

export function isValidUnsubscribe(userId: string, kind: EmailKind, signature: string): boolean {
  const expected = Buffer.from(sign(userId, kind));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

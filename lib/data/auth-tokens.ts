import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, type Prisma } from "@/lib/db";
import type { AuthTokenKind } from "@/lib/generated/prisma/client";

const lifetimeMs: Record<AuthTokenKind, number> = { PASSWORD_RESET: 60 * 60 * 1000, VERIFY_EMAIL: 24 * 60 * 60 * 1000, CHANGE_EMAIL: 24 * 60 * 60 * 1000 };

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * The system (when the email carrying it is sent): a new single-use token; only its hash is kept.
 * `email`: the address the link proves (CHANGE_EMAIL: the new address it was sent to).
 */
export async function mintAuthToken(userId: string, kind: AuthTokenKind, email?: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.authToken.create({ data: { userId, kind, email, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + lifetimeMs[kind]) } });
  return token;
}

/** Whether a token is usable now (unused, unexpired), without using it: the page that asks for a new password. */
export async function isAuthTokenUsable(token: string, kind: AuthTokenKind): Promise<boolean> {
  const found = await db.authToken.findFirst({ where: { tokenHash: hashToken(token), kind, usedAt: null, expiresAt: { gt: new Date() } }, select: { id: true } });
  return found !== null;
}

/**
 * Uses a token inside the caller's transaction: the user it was for, or null if it is unknown,
 * expired or used. Marking it used is conditional, so two uses at once succeed only once, and
 * every other token of the same kind for that user stops working too.
 */
export async function consumeAuthToken(tx: Prisma.TransactionClient, token: string, kind: AuthTokenKind): Promise<string | null> {
  return (await consumeAuthTokenFor(tx, token, kind))?.userId ?? null;
}

/** The same, with the address the token was minted for (CHANGE_EMAIL). */
export async function consumeAuthTokenFor(tx: Prisma.TransactionClient, token: string, kind: AuthTokenKind): Promise<{ userId: string; email: string | null } | null> {
  const now = new Date();
  const found = await tx.authToken.findFirst({ where: { tokenHash: hashToken(token), kind, usedAt: null, expiresAt: { gt: now } }, select: { id: true, userId: true, email: true } });
  if (!found) return null;
  const { count } = await tx.authToken.updateMany({ where: { userId: found.userId, kind, usedAt: null }, data: { usedAt: now } });
  return count > 0 ? { userId: found.userId, email: found.email } : null;
}

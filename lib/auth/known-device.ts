import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { cookies, headers } from "next/headers";
import { env } from "@/lib/env";

// A browser that has signed in to an account before carries a cookie naming that account, signed
// with AUTH_SECRET. Failed sign-ins from such a browser never count against the account as a
// whole, and the account-wide limit does not stop it: strangers failing from elsewhere cannot
// lock the owner out of a browser they already use. It proves only "this browser signed in to this
// account once"; the per-address and per-pair limits still apply to it.

const COOKIE = "storyhouse.known-device";
const MAX_ACCOUNTS = 5;
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60; // the longest browsers keep a cookie

function signature(userId: string): Buffer {
  return createHmac("sha256", env().AUTH_SECRET).update(`known-device|${userId}`).digest().subarray(0, 24);
}

function entryFor(userId: string): string {
  return `${userId}.${signature(userId).toString("base64url")}`;
}

/** The accounts named in a cookie value whose signatures check, most recent first. */
export function readKnownDevices(value: string | undefined): string[] {
  const ids: string[] = [];
  for (const entry of value?.split("~") ?? []) {
    const [userId, mac] = entry.split(".");
    if (!userId || !mac || !/^[\w-]{1,64}$/.test(userId)) continue;
    const given = Buffer.from(mac, "base64url");
    const expected = signature(userId);
    if (given.length === expected.length && timingSafeEqual(given, expected)) ids.push(userId);
  }
  return ids;
}

/** The accounts this request's browser has signed in to before. */
export async function knownUserIds(): Promise<string[]> {
  return readKnownDevices((await cookies()).get(COOKIE)?.value);
}

/** After a successful sign-in: this browser now knows `userId` (kept with up to four others). */
export async function rememberDevice(userId: string): Promise<void> {
  const jar = await cookies();
  const others = readKnownDevices(jar.get(COOKIE)?.value).filter((id) => id !== userId);
  const value = [userId, ...others].slice(0, MAX_ACCOUNTS).map(entryFor).join("~");
  // Secure when the browser came over https (Next sets the header from the socket when no proxy did).
  const secure = (await headers()).get("x-forwarded-proto") === "https";
  jar.set(COOKIE, value, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: MAX_AGE_SECONDS });
}

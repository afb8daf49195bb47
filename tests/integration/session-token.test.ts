import { afterEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { sessionClaims } from "@/lib/auth/session-token";
import { env } from "@/lib/env";

const COOKIE = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";
const token = (sub: string, { salt = COOKIE, secret = env().AUTH_SECRET, maxAge = 3600, sv }: { salt?: string; secret?: string; maxAge?: number; sv?: number } = {}) =>
  encode({ token: sv === undefined ? { sub } : { sub, sv }, secret, salt, maxAge });
const sessionUserId = async (headers: Headers) => (await sessionClaims(headers))?.userId ?? null;
const withCookie = (name: string, value: string) => new Headers({ cookie: `other=1; ${name}=${value}` });

afterEach(() => vi.useRealTimers());

describe("the session cookie", () => {
  it("names the signed-in user, the first time and every time after (remembered)", async () => {
    const value = await token("user-a");
    expect(await sessionUserId(withCookie(COOKIE, value))).toBe("user-a");
    expect(await sessionUserId(withCookie(COOKIE, value))).toBe("user-a");
    expect(await sessionUserId(withCookie(SECURE, await token("user-b", { salt: SECURE })))).toBe("user-b");
  });

  it("is nobody without a cookie, or with one that was altered, made with another secret or for another cookie name", async () => {
    const value = await token("user-c");
    expect(await sessionUserId(new Headers())).toBeNull();
    const altered = value.slice(0, -4) + (value.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await sessionUserId(withCookie(COOKIE, altered))).toBeNull();
    expect(await sessionUserId(withCookie(COOKIE, await token("user-c", { secret: "some-other-secret-0123456789" })))).toBeNull();
    expect(await sessionUserId(withCookie(SECURE, value))).toBeNull();
  });

  it("stops naming the user when the session expires, remembered or not", async () => {
    const value = await token("user-d", { maxAge: 60 });
    expect(await sessionUserId(withCookie(COOKIE, value))).toBe("user-d");
    vi.useFakeTimers({ toFake: ["Date"] });
    // next-auth allows 15 s of clock skew past the expiry.
    vi.setSystemTime(Date.now() + 76_000);
    expect(await sessionUserId(withCookie(COOKIE, value))).toBeNull();
    expect(await sessionUserId(withCookie(COOKIE, value))).toBeNull();
  });

  it("carries the session version it was issued under (none, from before versions: 0)", async () => {
    expect(await sessionClaims(withCookie(COOKIE, await token("user-e", { sv: 3 })))).toEqual({ userId: "user-e", sessionVersion: 3 });
    expect(await sessionClaims(withCookie(COOKIE, await token("user-f")))).toEqual({ userId: "user-f", sessionVersion: 0 });
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { createUser, verifyCredentials } from "@/lib/data/users";
import { db } from "@/lib/db";
import { RATE_RULES } from "@/lib/data/rate-limits";
import { readKnownDevices } from "@/lib/auth/known-device";

const PASSWORD = "the owner's password";

async function account(role: "READER" | "ADMIN" = "READER") {
  const email = `owner-${randomUUID().slice(0, 8)}@example.com`;
  const user = await createUser({ name: "Owner", email, password: PASSWORD });
  if (role !== "READER") await db.user.update({ where: { id: user.id }, data: { role } });
  return { id: user.id, email };
}

afterEach(() => vi.useRealTimers());

describe("others' failures cannot lock the owner out", () => {
  for (const role of ["READER", "ADMIN"] as const) {
    it(`an attacker failing from many addresses keeps the account shut to new browsers, never to the owner's (${role.toLowerCase()})`, async () => {
      const owner = await account(role);
      // The owner signed in from this browser once; it now carries the known-device cookie.
      expect(await verifyCredentials(owner.email, PASSWORD, { ip: "203.0.113.10" })).toMatchObject({ id: owner.id });
      const ownersBrowser = { knownUserIds: [owner.id] };

      // Wrong guesses, each from a different address (a botnet), none from a known browser, until
      // the account-wide limit holds them off: then even the right password from a stranger waits.
      for (let i = 0; i < RATE_RULES.signInPerAccount.limit; i++) expect(await verifyCredentials(owner.email, `guess ${i}`, { ip: `198.51.100.${i}` })).toBeNull();
      for (let i = 100; i < 130; i++) await expect(verifyCredentials(owner.email, `guess ${i}`, { ip: `198.51.100.${i}` })).rejects.toMatchObject({ code: "RATE_LIMITED" });
      // The owner is not locked out: from the usual address, and from another one (a phone on mobile data).
      expect(await verifyCredentials(owner.email, PASSWORD, { ip: "203.0.113.10", ...ownersBrowser })).toMatchObject({ id: owner.id });
      expect(await verifyCredentials(owner.email, PASSWORD, { ip: "192.0.2.99", ...ownersBrowser })).toMatchObject({ id: owner.id });
      // A stranger, even with the right password, is held off: the account-wide limit works.
      await expect(verifyCredentials(owner.email, PASSWORD, { ip: "192.0.2.77" })).rejects.toMatchObject({
        code: "RATE_LIMITED",
        // The wait runs to the end of the 15-minute window: in its last minute, seconds.
        message: expect.stringMatching(/^Too many failed attempts for this account from new devices\. Try again in \d+ (minutes?|seconds?), or sign in from a browser you have used before\.$/),
      });
      // A typo from the owner's browser is just a wrong password.
      expect(await verifyCredentials(owner.email, "typo", { ip: "203.0.113.10", ...ownersBrowser })).toBeNull();
      expect(await verifyCredentials(owner.email, PASSWORD, { ip: "203.0.113.10", ...ownersBrowser })).toMatchObject({ id: owner.id });
    });
  }

  it("the known-device mark cannot be made up or moved to another account", async () => {
    const [owner, other] = await Promise.all([account(), account()]);
    expect(readKnownDevices(undefined)).toEqual([]);
    // A cookie naming the account without a valid signature, or with another account's.
    expect(readKnownDevices(`${owner.id}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`)).toEqual([]);
    // Signatures come from AUTH_SECRET; a real one is only made by a successful sign-in (rememberDevice).
    const { createHmac } = await import("node:crypto");
    const { env } = await import("@/lib/env");
    const sign = (id: string) => createHmac("sha256", env().AUTH_SECRET).update(`known-device|${id}`).digest().subarray(0, 24).toString("base64url");
    expect(readKnownDevices(`${owner.id}.${sign(owner.id)}~${other.id}.${sign(owner.id)}`)).toEqual([owner.id]);
    expect(readKnownDevices(`${owner.id}.${sign(owner.id)}~${other.id}.${sign(other.id)}`)).toEqual([owner.id, other.id]);
  });
});

describe("brute force from one address is still throttled", () => {
  it("five wrong passwords, then the waits grow: 1 s, 2 s, 4 s... and even the right password waits", async () => {
    const owner = await account();
    const ip = "198.51.100.200";
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2030-01-01T10:00:00Z"));
    for (let i = 0; i < 5; i++) expect(await verifyCredentials(owner.email, `guess ${i}`, { ip })).toBeNull();
    const refused = (wait: string) => ({ code: "RATE_LIMITED", message: `Too many failed attempts for this account from your network. Try again in ${wait}.` });
    await expect(verifyCredentials(owner.email, "guess 5", { ip })).rejects.toMatchObject(refused("1 second"));
    await expect(verifyCredentials(owner.email, PASSWORD, { ip })).rejects.toMatchObject(refused("1 second"));
    for (const [waitMs, next] of [[1_000, "2 seconds"], [2_000, "4 seconds"], [4_000, "8 seconds"]] as const) {
      vi.setSystemTime(Date.now() + waitMs);
      expect(await verifyCredentials(owner.email, "another guess", { ip })).toBeNull();
      await expect(verifyCredentials(owner.email, "another guess", { ip })).rejects.toMatchObject(refused(next));
    }
    // Another address is not held up by this one's delays.
    expect(await verifyCredentials(owner.email, PASSWORD, { ip: "203.0.113.5" })).toMatchObject({ id: owner.id });
    // Up to the cap: 15 minutes between guesses, however many there were.
    await db.rateLimit.updateMany({ where: { key: `signin-pair:${owner.email}|${ip}` }, data: { count: 40 } });
    await expect(verifyCredentials(owner.email, "guess", { ip })).rejects.toMatchObject(refused("15 minutes"));
    vi.setSystemTime(Date.now() + 15 * 60_000);
    // The right password after the wait signs in, and starts the delays again.
    expect(await verifyCredentials(owner.email, PASSWORD, { ip })).toMatchObject({ id: owner.id });
    for (let i = 0; i < 5; i++) expect(await verifyCredentials(owner.email, `guess ${i}`, { ip })).toBeNull();
  });

  it("guesses sent all at once meet the delays too", async () => {
    const owner = await account();
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => verifyCredentials(owner.email, `guess ${i}`, { ip: "198.51.100.201" })));
    expect(results.filter((r) => r.status === "fulfilled" && r.value === null)).toHaveLength(RATE_RULES.signInPerPair.backoff.after);
    expect(results.filter((r) => r.status === "rejected" && (r.reason as { code?: string }).code === "RATE_LIMITED")).toHaveLength(15);
  });

  it("one address trying many accounts is stopped after 50 failures, with how long to wait", async () => {
    const ip = "198.51.100.202";
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2030-01-01T10:01:00Z"));
    for (let i = 0; i < RATE_RULES.signInPerIp.limit; i++) expect(await verifyCredentials(`nobody-${i}@example.com`, "x", { ip })).toBeNull();
    const owner = await account();
    // The 15-minute window ends at 10:15: 14 minutes from now.
    await expect(verifyCredentials(owner.email, PASSWORD, { ip })).rejects.toMatchObject({ code: "RATE_LIMITED", message: "Too many attempts from this network. Try again in 14 minutes." });
    expect(await verifyCredentials(owner.email, PASSWORD, { ip: "198.51.100.203" })).toMatchObject({ id: owner.id });
  });
});

import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { changeMyPassword, endMySessions, findViewer, updateMyProfile, verifyCredentials } from "@/lib/data/users";
import { sessionClaims } from "@/lib/auth/session-token";
import { restrictUser } from "@/lib/data/restrictions";
import { setUserRole } from "@/lib/data/admin-users";
import { env } from "@/lib/env";
import { db } from "@/lib/db";
import { makeUser } from "../helpers/factories";

const PASSWORD = "correct horse battery";

/** What a browser holds after signing in: the session cookie next-auth writes (lib/auth/config.ts's jwt callback). */
async function signedIn(email: string, password = PASSWORD) {
  const user = await verifyCredentials(email, password);
  if (!user) throw new Error("sign-in failed");
  const value = await encode({ token: { sub: user.id, sv: user.sessionVersion }, secret: env().AUTH_SECRET, salt: "authjs.session-token", maxAge: 3600 });
  return new Headers({ cookie: `authjs.session-token=${value}` });
}

/** What getViewer (lib/auth/session.ts) answers for a request carrying `headers`. */
async function viewerOf(headers: Headers) {
  const claims = await sessionClaims(headers);
  return claims ? findViewer(claims.userId, claims) : null;
}

const emailOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { email: true } })).email;
const profile = { name: "Changed Name", bio: "", links: [] };

describe("sessions end when they should", () => {
  it("signing out ends the session: a cookie kept from before no longer names anyone, and cannot save a profile", async () => {
    const member = await makeUser();
    const kept = await signedIn(await emailOf(member.id));
    const viewer = await viewerOf(kept);
    expect(viewer).toMatchObject({ id: member.id });
    expect(viewer).not.toHaveProperty("sessionVersion");
    await endMySessions(viewer); // what signOutAction does before clearing the cookie
    expect(await viewerOf(kept)).toBeNull();
    // The profile action asks getViewer, which now answers null.
    await expect(updateMyProfile(await viewerOf(kept), profile)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    // Signing in again gives a session that works.
    expect(await viewerOf(await signedIn(await emailOf(member.id)))).toMatchObject({ id: member.id });
  });

  it("signing out ends the member's sessions on every device at once, and only theirs", async () => {
    const [member, other] = await Promise.all([makeUser(), makeUser()]);
    const [laptop, phone, others] = await Promise.all([signedIn(await emailOf(member.id)), signedIn(await emailOf(member.id)), signedIn(await emailOf(other.id))]);
    await endMySessions(await viewerOf(phone));
    expect(await viewerOf(laptop)).toBeNull();
    expect(await viewerOf(others)).toMatchObject({ id: other.id });
  });

  it("changing the password needs the current one, then ends the sessions signed in before", async () => {
    const member = await makeUser();
    const email = await emailOf(member.id);
    const other = await signedIn(email);
    const here = await viewerOf(await signedIn(email));
    const input = { currentPassword: "not it", newPassword: "a brand new password", confirmPassword: "a brand new password" };
    await expect(changeMyPassword(here, input)).rejects.toMatchObject({ code: "INVALID", fieldErrors: { currentPassword: [expect.any(String)] } });
    // Refused: nothing changed.
    expect(await viewerOf(other)).toMatchObject({ id: member.id });
    expect(await verifyCredentials(email, PASSWORD)).toMatchObject({ id: member.id });

    await expect(changeMyPassword(here, { ...input, currentPassword: PASSWORD })).resolves.toEqual({ email });
    expect(await viewerOf(other)).toBeNull();
    expect(await verifyCredentials(email, PASSWORD)).toBeNull();
    // The action signs this browser in again with the new password: a fresh, valid session.
    expect(await viewerOf(await signedIn(email, "a brand new password"))).toMatchObject({ id: member.id });
    await expect(changeMyPassword(null, input)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("a suspension and a role change end the member's sessions at once", async () => {
    const [admin, suspended, promoted] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser(), makeUser()]);
    const [a, b] = await Promise.all([signedIn(await emailOf(suspended.id)), signedIn(await emailOf(promoted.id))]);
    await restrictUser(admin, suspended.id, { kind: "SUSPENSION", reason: "Spam" });
    await setUserRole(admin, promoted.id, "MODERATOR");
    expect(await viewerOf(a)).toBeNull();
    expect(await viewerOf(b)).toBeNull();
    // They may sign in again: the suspended member to read why and appeal, under the suspension.
    expect(await viewerOf(await signedIn(await emailOf(suspended.id)))).toMatchObject({ id: suspended.id, status: "SUSPENDED" });
    expect(await viewerOf(await signedIn(await emailOf(promoted.id)))).toMatchObject({ id: promoted.id, role: "MODERATOR" });
    // A warning changes no session.
    const warned = await makeUser();
    const w = await signedIn(await emailOf(warned.id));
    await restrictUser(admin, warned.id, { kind: "WARNING", reason: "Be kind" });
    expect(await viewerOf(w)).toMatchObject({ id: warned.id });
  });
});

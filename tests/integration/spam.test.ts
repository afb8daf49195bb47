import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createComment, editComment } from "@/lib/data/comments";
import { assertSignInAllowed, createUser, verifyCredentials } from "@/lib/data/users";
import { consumeRateLimit, RATE_RULES } from "@/lib/data/rate-limits";
import { getSettingsForEditing, getSiteSettings, updateSiteSettings } from "@/lib/data/settings";
import { makeCommunity, makePublishedStory, makeUser } from "../helpers/factories";

async function story() {
  const community = await makeCommunity();
  return makePublishedStory(await makeUser(), community.slug);
}

/** An account over a day old with a story that went live: not "new" for the spam limits. */
async function establishedUser() {
  const user = await makeUser();
  await story().then((s) => db.story.update({ where: { id: s.id }, data: { authorId: user.id } }));
  await db.user.update({ where: { id: user.id }, data: { createdAt: new Date(Date.now() - 3 * 24 * 3600 * 1000) } });
  return user;
}

const settingsBase = { trustApprovedStories: 3, trustCleanDays: 90, blockedWords: [] as string[], blockedEmailDomains: [] as string[], uploadsPerHour: 30, uploadsPerDay: 200 };

describe("comment spam limits", () => {
  it("refuses a comment with a blocked word, names the word, and writes nothing", async () => {
    const [admin, reader, s] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser(), story()]);
    await updateSiteSettings(admin, { ...settingsBase, blockedWords: ["casino"] }, "Spam wave");
    await expect(createComment(reader, s.id, { body: "Visit my ＣＡＳＩＮＯ" })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { body: [expect.stringContaining("casino")] } });
    expect(await db.comment.count({ where: { storyId: s.id } })).toBe(0);
    await expect(createComment(reader, s.id, { body: "Lovely casinos in the old town" })).resolves.toMatchObject({ id: expect.any(String) });
    await updateSiteSettings(admin, settingsBase, "Wave over");
  });

  it("an edit cannot add a blocked word either", async () => {
    const [admin, reader, s] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser(), story()]);
    const { id } = await createComment(reader, s.id, { body: "Nice." });
    await updateSiteSettings(admin, { ...settingsBase, blockedWords: ["zzspam"] }, "test");
    await expect(editComment(reader, id, { body: "zzspam here" })).rejects.toMatchObject({ code: "INVALID" });
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).body).toBe("Nice.");
    await updateSiteSettings(admin, settingsBase, "test over");
  });

  it("new accounts may put 2 links in a comment, established ones more", async () => {
    const [fresh, established, s] = await Promise.all([makeUser(), establishedUser(), story()]);
    const threeLinks = "https://a.example https://b.example https://c.example";
    await expect(createComment(fresh, s.id, { body: threeLinks })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { body: [expect.stringContaining("2 links")] } });
    await expect(createComment(fresh, s.id, { body: "https://a.example https://b.example" })).resolves.toBeTruthy();
    await expect(createComment(established, s.id, { body: threeLinks })).resolves.toBeTruthy();
  });

  it("new accounts are limited to 10 comments an hour; the 11th is refused and not written", async () => {
    const [fresh, s] = await Promise.all([makeUser(), story()]);
    for (let i = 0; i < RATE_RULES.commentNewAccount.limit; i++) await createComment(fresh, s.id, { body: `Comment ${i}` });
    await expect(createComment(fresh, s.id, { body: "One too many" })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await db.comment.count({ where: { storyId: s.id, authorId: fresh.id } })).toBe(RATE_RULES.commentNewAccount.limit);
  });
  it("staff are exempt: they answer for the limits", async () => {
    const [moderator, s] = await Promise.all([makeUser({ role: "MODERATOR" }), story()]);
    for (let i = 0; i <= RATE_RULES.commentNewAccount.limit; i++) await createComment(moderator, s.id, { body: `Note ${i} https://a.example https://b.example https://c.example` });
    expect(await db.comment.count({ where: { storyId: s.id, authorId: moderator.id } })).toBe(RATE_RULES.commentNewAccount.limit + 1);
  });
});

describe("rate limit counters", () => {
  it("count exactly under concurrency (one row per key and window, in the database)", async () => {
    const rule = { limit: 25, windowSeconds: 3600, message: "slow down" };
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => consumeRateLimit("test:concurrent", rule)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(25);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(15);
  });
});

describe("sign-up and sign-in throttling", () => {
  it("refuses sign-ups from a blocked email domain", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    await updateSiteSettings(admin, { ...settingsBase, blockedEmailDomains: ["spam.example"] }, "test");
    await expect(createUser({ name: "S", email: "s@mail.spam.example", password: "long enough pw" })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { email: [expect.any(String)] } });
    expect(await db.user.count({ where: { email: "s@mail.spam.example" } })).toBe(0);
    await updateSiteSettings(admin, settingsBase, "test over");
  });

  it("limits sign-ups per network address", async () => {
    const ip = "203.0.113.7";
    for (let i = 0; i < RATE_RULES.signUpPerIp.limit; i++) await createUser({ name: `N${i}`, email: `ip-${i}-${Date.now()}@example.com`, password: "long enough pw" }, { ip });
    await expect(createUser({ name: "Extra", email: `ip-extra-${Date.now()}@example.com`, password: "long enough pw" }, { ip })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(createUser({ name: "Other", email: `ip-other-${Date.now()}@example.com`, password: "long enough pw" }, { ip: "203.0.113.8" })).resolves.toBeTruthy();
  });

  it("after 10 failed attempts an account is locked for the window, even with the right password", async () => {
    const email = `locked-${Date.now()}@example.com`;
    await createUser({ name: "Locked", email, password: "the right password" });
    for (let i = 0; i < RATE_RULES.signInPerAccount.limit; i++) expect(await verifyCredentials(email, "wrong password", { ip: `198.51.100.${i}` })).toBeNull();
    await expect(verifyCredentials(email, "the right password", { ip: "198.51.100.200" })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(assertSignInAllowed(email)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("a right password is not counted against the account", async () => {
    const email = `fine-${Date.now()}@example.com`;
    await createUser({ name: "Fine", email, password: "the right password" });
    for (let i = 0; i < RATE_RULES.signInPerAccount.limit + 2; i++) expect(await verifyCredentials(email, "the right password")).toMatchObject({ email });
  });

  it("limits failed attempts per address across accounts", async () => {
    const ip = "192.0.2.50";
    for (let i = 0; i < RATE_RULES.signInPerIp.limit; i++) expect(await verifyCredentials(`nobody-${i}@example.com`, "x", { ip })).toBeNull();
    await expect(verifyCredentials("someone-else@example.com", "x", { ip })).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});

describe("site settings", () => {
  it("admins read and change them; each change is in the audit log with what changed", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    expect(await getSettingsForEditing(admin)).toMatchObject({ trustApprovedStories: 3 });
    await updateSiteSettings(admin, { ...settingsBase, trustApprovedStories: 5 }, "Raise the bar");
    expect((await getSiteSettings()).trustApprovedStories).toBe(5);
    const entry = await db.moderationAction.findFirstOrThrow({ where: { actorId: admin.id, action: "SETTINGS_CHANGE" }, orderBy: { createdAt: "desc" } });
    expect(entry).toMatchObject({ reason: "Raise the bar", details: { trustApprovedStories: { from: 3, to: 5 } } });
    await updateSiteSettings(admin, settingsBase, "back");
  });

  it("moderators, readers, the suspended and the signed-out cannot, and nothing changes", async () => {
    const [moderator, reader, suspendedAdmin] = await Promise.all([makeUser({ role: "MODERATOR" }), makeUser(), makeUser({ role: "ADMIN", status: "SUSPENDED" })]);
    const before = await getSiteSettings();
    const logBefore = await db.moderationAction.count({ where: { action: "SETTINGS_CHANGE" } });
    for (const viewer of [moderator, reader, suspendedAdmin, null]) {
      await expect(updateSiteSettings(viewer, { ...settingsBase, blockedWords: ["x"] }, "nope")).rejects.toMatchObject({ code: viewer ? "FORBIDDEN" : "UNAUTHENTICATED" });
      await expect(getSettingsForEditing(viewer)).rejects.toBeTruthy();
    }
    expect(await getSiteSettings()).toEqual(before);
    expect(await db.moderationAction.count({ where: { action: "SETTINGS_CHANGE" } })).toBe(logBefore);
  });
});

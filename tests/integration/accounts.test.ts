import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changeMyPassword, createUser, findViewer, verifyCredentials } from "@/lib/data/users";
import { cancelEmailChange, confirmEmailChange, getMyEmail, requestEmailChange } from "@/lib/data/account-changes";
import { carryOutAccountDeletion, requestAccountDeletion } from "@/lib/data/account-deletion";
import { clearEmailStop, clearMyEmailStop, recordEmailEvent } from "@/lib/data/email-events";
import { requestPasswordReset } from "@/lib/data/account-email";
import { listMyModerationActions } from "@/lib/data/appeals";
import { createComment } from "@/lib/data/comments";
import { setFollow, setHeart } from "@/lib/data/engagement";
import { createDraft } from "@/lib/data/stories";
import { getCreatorProfile } from "@/lib/data/users";
import { searchStories } from "@/lib/data/search";
import { ACCOUNT_DELETION_GRACE_DAYS } from "@/lib/domain/account-deletion";
import { makeCommunity, makePublishedStory, makeUser, storyInput } from "../helpers/factories";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";
import { runQueuedJobs } from "../helpers/run-jobs";

const SITE = "https://stories.example.test";
const PASSWORD = "correct horse battery";
let smtp: SmtpSink;

beforeAll(async () => {
  smtp = await startSmtpSink();
  process.env.SMTP_URL = smtp.url;
  process.env.SITE_URL = SITE;
});
afterAll(() => smtp.close());
beforeEach(() => {
  smtp.messages.length = 0;
});

const to = (address: string) => smtp.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === address);
const subjectsTo = (address: string) => to(address).map((m) => m.subject);
const linkIn = (text: string, route: string) => text.match(new RegExp(`${SITE}/${route}/([A-Za-z0-9_-]+)`))?.[1];
const userRow = (id: string) => db.user.findUniqueOrThrow({ where: { id } });
const auditOf = (userId: string) => db.moderationAction.findMany({ where: { subjectUserId: userId }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } });

describe("changing the email address", () => {
  it("changes nothing until the link sent to the new address is opened, then tells the old address", async () => {
    const me = await makeUser();
    const oldEmail = (await userRow(me.id)).email;
    await expect(requestEmailChange(me, { newEmail: "new-home@example.com", currentPassword: "wrong password" })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { currentPassword: [expect.any(String)] } });
    await expect(requestEmailChange(me, { newEmail: oldEmail, currentPassword: PASSWORD })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { newEmail: [expect.any(String)] } });

    await expect(requestEmailChange(me, { newEmail: "new-home@example.com", currentPassword: PASSWORD })).resolves.toEqual({ pendingEmail: "new-home@example.com" });
    await runQueuedJobs();
    expect(await getMyEmail(me)).toMatchObject({ email: oldEmail, pendingEmail: "new-home@example.com" });
    expect(await verifyCredentials(oldEmail, PASSWORD)).toMatchObject({ id: me.id });
    const [link] = to("new-home@example.com");
    expect(link.subject).toBe("Confirm your new email address");
    expect(subjectsTo(oldEmail)).toEqual([]);
    const token = linkIn(link.text!, "confirm-email-change")!;
    expect(link.html).toContain(`${SITE}/confirm-email-change/${token}`);

    await expect(confirmEmailChange(token)).resolves.toEqual({ email: "new-home@example.com" });
    const after = await userRow(me.id);
    expect(after).toMatchObject({ email: "new-home@example.com", pendingEmail: null });
    expect(await verifyCredentials("new-home@example.com", PASSWORD)).toMatchObject({ id: me.id });
    expect(await verifyCredentials(oldEmail, PASSWORD)).toBeNull();
    await expect(confirmEmailChange(token)).rejects.toMatchObject({ code: "INVALID" });

    await runQueuedJobs();
    const [notice] = to(oldEmail);
    expect(notice.subject).toBe("Your email address was changed");
    expect(notice.text).toContain("new-home@example.com");
    expect(await auditOf(me.id)).toEqual([{ action: "EMAIL_CHANGE", actorId: me.id }]);
    // An account change of one's own, not a decision about the member: not in their moderation list.
    expect((await listMyModerationActions(me)).items).toEqual([]);
  });

  it("only the latest request's link works, and a cancelled one's not at all", async () => {
    const me = await makeUser();
    await requestEmailChange(me, { newEmail: "first-try@example.com", currentPassword: PASSWORD });
    await requestEmailChange(me, { newEmail: "second-try@example.com", currentPassword: PASSWORD });
    await runQueuedJobs();
    // The first email is skipped at send time: the address it confirms was replaced.
    expect(to("first-try@example.com")).toEqual([]);
    const second = linkIn(to("second-try@example.com")[0].text!, "confirm-email-change")!;
    await cancelEmailChange(me);
    await expect(confirmEmailChange(second)).rejects.toMatchObject({ code: "INVALID" });
    expect((await userRow(me.id)).email).not.toBe("second-try@example.com");
  });

  it("answers the same for an address another account uses, and sends it nothing", async () => {
    const me = await makeUser();
    const other = await makeUser();
    const otherEmail = (await userRow(other.id)).email;
    await expect(requestEmailChange(me, { newEmail: otherEmail, currentPassword: PASSWORD })).resolves.toEqual({ pendingEmail: otherEmail });
    await runQueuedJobs();
    expect(to(otherEmail)).toEqual([]);
  });

  it("refuses a link whose address another account took in the meantime", async () => {
    const me = await makeUser();
    await requestEmailChange(me, { newEmail: "contested@example.com", currentPassword: PASSWORD });
    await runQueuedJobs();
    const token = linkIn(to("contested@example.com")[0].text!, "confirm-email-change")!;
    await createUser({ name: "Quicker", email: "contested@example.com", password: "long enough password" });
    await expect(confirmEmailChange(token)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("needs a signed-in member", async () => {
    await expect(requestEmailChange(null, { newEmail: "x@example.com", currentPassword: PASSWORD })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(getMyEmail(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("changing the password", () => {
  it("tells the member by email", async () => {
    const me = await makeUser();
    const email = (await userRow(me.id)).email;
    await changeMyPassword(me, { currentPassword: PASSWORD, newPassword: "another long password", confirmPassword: "another long password" });
    await runQueuedJobs();
    expect(subjectsTo(email)).toEqual(["Your password was changed"]);
  });
});

/** Moves a scheduled deletion (and its job) to now, as if the grace period had passed. */
async function passGracePeriod(userId: string) {
  await db.user.update({ where: { id: userId }, data: { deletionDueAt: new Date(Date.now() - 1000) } });
  await db.$executeRaw`update graphile_worker._private_jobs set run_at = now() where key = ${`delete-account:${userId}`}`;
}

describe("deleting one's account", () => {
  it("schedules it after the grace period, signs the member out everywhere, and a sign-in before then cancels it", async () => {
    const me = await makeUser();
    const email = (await userRow(me.id)).email;
    await expect(requestAccountDeletion(me, { stories: "keep", currentPassword: "wrong" })).rejects.toMatchObject({ code: "INVALID" });
    const before = (await userRow(me.id)).sessionVersion;
    const { dueAt } = await requestAccountDeletion(me, { stories: "keep", currentPassword: PASSWORD });
    expect(dueAt.getTime() - Date.now()).toBeGreaterThan((ACCOUNT_DELETION_GRACE_DAYS - 1) * 86_400_000);
    expect(await findViewer(me.id, { sessionVersion: before })).toBeNull();
    const [job] = await db.$queryRaw<{ run_at: Date }[]>`select run_at from graphile_worker.jobs where key = ${`delete-account:${me.id}`}`;
    expect(job.run_at.getTime()).toBe(dueAt.getTime());
    await expect(requestAccountDeletion(me, { stories: "keep", currentPassword: PASSWORD })).rejects.toMatchObject({ code: "CONFLICT" });

    await runQueuedJobs();
    expect(subjectsTo(email)).toEqual(["Your account will be deleted"]);
    // Run early (a retry, a clock skew): not due, nothing happens.
    expect(await carryOutAccountDeletion(me.id)).toEqual({ deleted: false, changes: {} });

    expect(await verifyCredentials(email, PASSWORD)).toMatchObject({ id: me.id });
    expect(await userRow(me.id)).toMatchObject({ deletionDueAt: null, deletedAt: null });
    expect(await db.$queryRaw<unknown[]>`select id from graphile_worker.jobs where key = ${`delete-account:${me.id}`}`).toEqual([]);
    await runQueuedJobs();
    expect(subjectsTo(email)).toEqual(["Your account will be deleted", "Your account will not be deleted"]);
    expect((await auditOf(me.id)).map((a) => a.action)).toEqual(["ACCOUNT_DELETION_REQUEST", "ACCOUNT_DELETION_CANCEL"]);
    // The grace period passing after a cancel deletes nothing.
    await db.user.update({ where: { id: me.id }, data: { deletionDueAt: null } });
    expect(await carryOutAccountDeletion(me.id, new Date(Date.now() + 30 * 86_400_000))).toMatchObject({ deleted: false });
  });

  it("keeping stories: the job deletes the account, its published stories stay as by a former member, counts stay right", async () => {
    const community = await makeCommunity();
    const me = await makeUser({ name: "Leaving Writer" });
    const email = (await userRow(me.id)).email;
    const other = await makeUser();
    const theirs = await makePublishedStory(other, community.slug);
    const mine = await makePublishedStory(me, community.slug, { title: "A story that stays" });
    const draft = await createDraft(me, storyInput(community.slug));
    await createComment(me, theirs.id, { body: "A comment that goes" });
    await setHeart(me, theirs.id, true);
    await setFollow(me, other.id, true);
    await setFollow(other, me.id, true);
    expect(await db.story.findUniqueOrThrow({ where: { id: theirs.id }, select: { heartCount: true, commentCount: true } })).toEqual({ heartCount: 1, commentCount: 1 });

    expect((await searchStories({ q: "Leaving Writer" })).items.map((s) => s.id)).toContain(mine.id);

    await requestAccountDeletion(me, { stories: "keep", currentPassword: PASSWORD });
    await passGracePeriod(me.id);
    await runQueuedJobs();

    const gone = await userRow(me.id);
    expect(gone).toMatchObject({ name: "Former member", bio: "", avatarUrl: null, deletionDueAt: null, followerCount: 0 });
    expect(gone.deletedAt).toBeInstanceOf(Date);
    expect(gone.email).not.toBe(email);
    expect(await db.story.findUnique({ where: { id: mine.id }, select: { status: true, authorId: true } })).toEqual({ status: "PUBLISHED", authorId: me.id });
    expect(await db.story.findUnique({ where: { id: draft.id } })).toBeNull();
    expect(await db.story.findUniqueOrThrow({ where: { id: theirs.id }, select: { heartCount: true, commentCount: true } })).toEqual({ heartCount: 0, commentCount: 0 });
    expect(await db.comment.findFirstOrThrow({ where: { authorId: me.id }, select: { status: true, body: true } })).toEqual({ status: "DELETED", body: "" });
    expect((await userRow(other.id)).followerCount).toBe(0);
    expect(await db.follow.count({ where: { OR: [{ followerId: me.id }, { creatorId: me.id }] } })).toBe(0);
    expect(await getCreatorProfile(gone.handle)).toMatchObject({ name: "Former member", storyCount: 1 });
    // Search no longer finds the kept story by the old name.
    expect((await searchStories({ q: "Leaving Writer" })).items.map((s) => s.id)).not.toContain(mine.id);
    expect((await searchStories({ q: "story that stays" })).items.map((s) => s.id)).toContain(mine.id);

    // Nobody can sign in to it; the address is free; the old address got the last word.
    expect(await verifyCredentials(email, PASSWORD)).toBeNull();
    await expect(createUser({ name: "Fresh Start", email, password: "long enough password" })).resolves.toMatchObject({ id: expect.any(String) });
    expect(subjectsTo(email)).toContain("Your account was deleted");
    expect(to(email).find((m) => m.subject === "Your account was deleted")!.text).toContain("1 published story stays");
    expect(await db.moderationAction.findFirst({ where: { subjectUserId: me.id, action: "ACCOUNT_DELETE" }, select: { actorId: true, details: true } })).toEqual({ actorId: null, details: { keptStories: 1, deletedStories: 1 } });
    // A second run of the job (a retry) finds nothing to do.
    expect(await carryOutAccountDeletion(me.id)).toMatchObject({ deleted: false });
  });

  it("deleting stories: they go with the account", async () => {
    const community = await makeCommunity();
    const me = await makeUser();
    const story = await makePublishedStory(me, community.slug);
    await requestAccountDeletion(me, { stories: "delete", currentPassword: PASSWORD });
    await passGracePeriod(me.id);
    const result = await carryOutAccountDeletion(me.id);
    expect(result.deleted).toBe(true);
    expect(result.changes.creators?.[0].stories.map((s) => s.id)).toEqual([story.id]);
    expect(await db.story.count({ where: { authorId: me.id } })).toBe(0);
  });

  it("refuses signed-out visitors and staff accounts", async () => {
    await expect(requestAccountDeletion(null, { stories: "keep", currentPassword: PASSWORD })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const moderator = await makeUser({ role: "MODERATOR" });
    await expect(requestAccountDeletion(moderator, { stories: "keep", currentPassword: PASSWORD })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await userRow(moderator.id)).deletionDueAt).toBeNull();
  });
});

describe("clearing a bounce or complaint", () => {
  it("an admin lets mail go to the address again, recorded in the log; a moderator may not", async () => {
    const member = await makeUser();
    const email = (await userRow(member.id)).email;
    await recordEmailEvent({ type: "bounce", email, reason: "550 no such mailbox" });
    const moderator = await makeUser({ role: "MODERATOR" });
    await expect(clearEmailStop(moderator, member.id, "Mailbox fixed")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await userRow(member.id)).emailStoppedAt).not.toBeNull();

    const admin = await makeUser({ role: "ADMIN" });
    await clearEmailStop(admin, member.id, "Mailbox fixed, they wrote to support");
    expect(await userRow(member.id)).toMatchObject({ emailStoppedAt: null, emailStoppedReason: null });
    expect(await auditOf(member.id)).toEqual([{ action: "EMAIL_STOP_CLEAR", actorId: admin.id }]);
    await expect(clearEmailStop(admin, member.id, "Again")).rejects.toMatchObject({ code: "CONFLICT" });

    await requestPasswordReset(email);
    await runQueuedJobs();
    expect(subjectsTo(email)).toEqual(["Reset your password"]);
  });

  it("the member clears their own after fixing their mailbox; a confirmed new address clears it too", async () => {
    const member = await makeUser();
    const email = (await userRow(member.id)).email;
    await recordEmailEvent({ type: "complaint", email });
    await clearMyEmailStop(member);
    expect((await userRow(member.id)).emailStoppedAt).toBeNull();
    await expect(clearMyEmailStop(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

    await recordEmailEvent({ type: "bounce", email });
    await requestEmailChange(member, { newEmail: "working-box@example.com", currentPassword: PASSWORD });
    await runQueuedJobs();
    // The link goes to the new address although the old one is stopped.
    const token = linkIn(to("working-box@example.com")[0].text!, "confirm-email-change")!;
    await confirmEmailChange(token);
    expect(await userRow(member.id)).toMatchObject({ email: "working-box@example.com", emailStoppedAt: null });
  });
});

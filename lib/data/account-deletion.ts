import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isStaff, type Viewer } from "@/lib/auth/permissions";
import { recordAction } from "@/lib/data/audit";
import { queueEmail } from "@/lib/data/email";
import { addJob } from "@/lib/data/job-queue";
import { checkMyPassword } from "@/lib/data/users";
import { creatorPresence } from "@/lib/data/restrictions";
import { getStorage } from "@/lib/storage/storage";
import { refreshCreatorSearchVectors } from "@/lib/data/search-vectors";
import { variantKey } from "@/lib/media/widths";
import { ACCOUNT_DELETION_GRACE_DAYS, FORMER_MEMBER_NAME } from "@/lib/domain/account-deletion";
import type { Changes } from "@/lib/cache/tags";
import type { DeleteAccountInput } from "@/lib/validation/auth";
import { siteUrl } from "@/lib/env";

// Deleting one's account, in three steps: the member asks (with their password, choosing whether
// their published stories stay as "former member"); a grace period passes, during which signing in
// cancels it; then a job on the queue, added when they asked and due at the end of the grace
// period, carries it out. Each step is in the audit log. The account row stays as an empty
// tombstone, so kept stories and the audit log still point at something.

export type MyDeletion = { dueAt: Date; keepStories: boolean } | null;

const DAY_MS = 24 * 60 * 60 * 1000;
const jobKey = (userId: string) => `delete-account:${userId}`;
const formatDay = (date: Date) => date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/**
 * The signed-in member, with their password: schedules their account's deletion at the end of the
 * grace period, signs them out everywhere and emails them how to cancel. Staff accounts must be
 * made readers first (so the site never loses its last admin by accident).
 */
export async function requestAccountDeletion(viewer: Viewer | null, input: Pick<DeleteAccountInput, "stories" | "currentPassword">, { ip, now = new Date() }: { ip?: string; now?: Date } = {}): Promise<{ dueAt: Date }> {
  const me = await checkMyPassword(viewer, input.currentPassword, { ip });
  if (isStaff(viewer)) throw new AppError("FORBIDDEN", "Staff accounts can't be deleted. Ask an admin to make yours a reader account first.");
  const dueAt = new Date(now.getTime() + ACCOUNT_DELETION_GRACE_DAYS * DAY_MS);
  const keepStories = input.stories === "keep";
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: me.id, deletionDueAt: null, deletedAt: null },
      data: { deletionRequestedAt: now, deletionDueAt: dueAt, deletionKeepStories: keepStories, sessionVersion: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", "Your account is already being deleted.");
    await addJob(tx, "delete-account", { userId: me.id }, { runAt: dueAt, jobKey: jobKey(me.id), maxAttempts: 25 });
    await recordAction(tx, { actorId: me.id, action: "ACCOUNT_DELETION_REQUEST", targetType: "USER", targetId: me.id, subjectUserId: me.id, reason: `Asked to delete their account (${keepStories ? "keeping" : "deleting"} their stories)`, details: { dueAt: dueAt.toISOString(), keepStories } });
    await queueEmail(tx, { key: `deletion-scheduled:${me.id}:${randomUUID()}`, userId: me.id, to: me.email, template: "account-deletion-scheduled", data: { name: me.name, dueDate: formatDay(dueAt), keepStories: keepStories ? "yes" : "no", signInUrl: `${siteUrl()}/signin` } });
  });
  return { dueAt };
}

/**
 * Sign-in (lib/data/users.ts verifyCredentials), once the password matched: a deletion still in
 * its grace period is cancelled, its job removed, and the member told. Returns whether one was.
 */
export async function cancelAccountDeletionOnSignIn(userId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, deletionDueAt: { not: null }, deletedAt: null }, select: { name: true, email: true } });
    if (!user) return false;
    const { count } = await tx.user.updateMany({ where: { id: userId, deletionDueAt: { not: null }, deletedAt: null }, data: { deletionRequestedAt: null, deletionDueAt: null, deletionKeepStories: false } });
    if (count === 0) return false;
    await tx.$executeRaw`select graphile_worker.remove_job(${jobKey(userId)}::text)`;
    await recordAction(tx, { actorId: userId, action: "ACCOUNT_DELETION_CANCEL", targetType: "USER", targetId: userId, subjectUserId: userId, reason: "Signed in during the grace period: the deletion is cancelled" });
    await queueEmail(tx, { key: `deletion-cancelled:${userId}:${randomUUID()}`, userId, to: user.email, template: "account-deletion-cancelled", data: { name: user.name } });
    return true;
  });
}

/** The signed-in member: when their account is due to be deleted, or null. (Normally never seen: asking signs them out, signing in cancels.) */
export async function getMyDeletion(viewer: Viewer | null): Promise<MyDeletion> {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  const user = await db.user.findUnique({ where: { id: viewer.id }, select: { deletionDueAt: true, deletionKeepStories: true } });
  return user?.deletionDueAt ? { dueAt: user.deletionDueAt, keepStories: user.deletionKeepStories } : null;
}

type Tx = Prisma.TransactionClient;

/**
 * The system (the "delete-account" job, due at the end of the grace period): deletes the account.
 * Does nothing if the deletion was cancelled or is not due yet (a retried or early job). The
 * profile, comments (left as "deleted" placeholders in threads), hearts, bookmarks, follows,
 * notifications and pending links go; stories go too, or, if the member chose, their published
 * stories stay under "Former member" (drafts and unpublished ones always go). Counters on other
 * people's stories and profiles are kept in step in the same transaction.
 */
export async function carryOutAccountDeletion(userId: string, now = new Date()): Promise<{ deleted: boolean; changes: Changes }> {
  const before = await db.user.findFirst({ where: { id: userId, deletedAt: null, deletionDueAt: { lte: now } }, select: { id: true } });
  if (!before) return { deleted: false, changes: {} };
  // Every public page that showed them, read before anything changes.
  const [presence, hearted] = await Promise.all([creatorPresence(db, userId), db.heart.findMany({ where: { userId }, select: { storyId: true } })]);
  const outcome = await db.$transaction(
    async (tx) => {
      // The claim: a sign-in that cancelled meanwhile wins (0 rows), and two jobs cannot both run it.
      const user = await tx.user.findFirst({ where: { id: userId, deletedAt: null, deletionDueAt: { lte: now } }, select: { name: true, email: true, deletionKeepStories: true } });
      if (!user) return null;
      const { count } = await tx.user.updateMany({ where: { id: userId, deletedAt: null, deletionDueAt: { lte: now } }, data: { deletedAt: now } });
      if (count === 0) return null;
      const keepStories = user.deletionKeepStories;
      await removePersonalData(tx, userId);
      const media = keepStories ? [] : await tx.media.findMany({ where: { ownerId: userId }, select: { key: true, widths: true } });
      if (!keepStories) await tx.media.deleteMany({ where: { ownerId: userId } });
      const removedStories = await tx.story.deleteMany({ where: { authorId: userId, ...(keepStories ? { status: { not: "PUBLISHED" } } : {}) } });
      // A held edit of a kept story can never be finished by its creator now.
      await tx.storyPendingEdit.deleteMany({ where: { story: { authorId: userId } } });
      const keptStories = await tx.story.count({ where: { authorId: userId } });
      const tombstone = `deleted-${userId}@deleted.invalid`;
      await tx.user.update({
        where: { id: userId },
        data: {
          email: tombstone,
          pendingEmail: null,
          passwordHash: "",
          name: FORMER_MEMBER_NAME,
          handle: `former-${userId.toLowerCase()}`,
          bio: "",
          avatarUrl: null,
          links: [],
          role: "READER",
          trustOverride: null,
          followerCount: 0,
          sessionVersion: { increment: 1 },
          emailStoppedAt: now,
          emailStoppedReason: "Account deleted",
          emailOnReply: false,
          emailOnComment: false,
          emailOnReview: false,
          emailOnFollowed: false,
          emailDigest: false,
          deletionRequestedAt: null,
          deletionDueAt: null,
        },
        select: { id: true },
      });
      // Earlier emails keep their record (the queue's idempotency) but not the address.
      await tx.emailDelivery.updateMany({ where: { userId, status: "QUEUED" }, data: { status: "SKIPPED" } });
      await tx.emailDelivery.updateMany({ where: { userId }, data: { to: tombstone, data: {} } });
      await recordAction(tx, { actorId: null, action: "ACCOUNT_DELETE", targetType: "USER", targetId: userId, subjectUserId: userId, reason: "Deleted at the end of the grace period, as the member asked", details: { keptStories, deletedStories: removedStories.count } });
      // The last email, to the address they had: no account to look up by the time it is sent.
      await queueEmail(tx, { key: `account-deleted:${userId}`, to: user.email, template: "account-deleted", data: { name: user.name, keptStories: String(keptStories) } });
      return { media };
    },
    { timeout: 120_000 },
  );
  if (!outcome) return { deleted: false, changes: {} };
  // Kept stories are found by their creator's name in search: the old name must stop finding them.
  await refreshCreatorSearchVectors(userId);
  const storage = getStorage();
  await Promise.allSettled(outcome.media.flatMap((m) => m.widths.map((w) => storage.delete(variantKey(m.key, w)))));
  return { deleted: true, changes: { creators: presence ? [presence] : [], threads: hearted.map((h) => h.storyId) } };
}

/** Inside the deletion: everything of the member's that is not a story, with the counts others show kept in step. */
async function removePersonalData(tx: Tx, userId: string) {
  // Comments: emptied placeholders, so replies keep their place; visible ones leave their story's count.
  await tx.$executeRaw`update "Story" s set "commentCount" = s."commentCount" - t.n
    from (select "storyId", count(*)::int as n from "Comment" where "authorId" = ${userId} and status = 'VISIBLE' group by "storyId") t
    where s.id = t."storyId"`;
  await tx.comment.updateMany({ where: { authorId: userId }, data: { status: "DELETED", body: "", bodyHtml: "", hiddenReason: null } });
  // One heart per member and story, so each joined story loses exactly one.
  await tx.$executeRaw`update "Story" s set "heartCount" = s."heartCount" - 1 from "Heart" h where h."storyId" = s.id and h."userId" = ${userId}`;
  await tx.heart.deleteMany({ where: { userId } });
  await tx.$executeRaw`update "User" u set "followerCount" = u."followerCount" - 1 from "Follow" f where f."creatorId" = u.id and f."followerId" = ${userId}`;
  await tx.follow.deleteMany({ where: { OR: [{ followerId: userId }, { creatorId: userId }] } });
  await tx.bookmark.deleteMany({ where: { userId } });
  await tx.notification.deleteMany({ where: { userId } });
  await tx.authToken.deleteMany({ where: { userId } });
  await tx.handleRedirect.deleteMany({ where: { userId } });
}

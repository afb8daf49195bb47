// The authorization matrix: every server action (lib/actions/*.ts) and every route handler
// (app/api/**/route.ts) in ONE table, with the outcome each kind of caller must get from the data
// layer behind it. Server actions need Next's request context, so the test calls what they call:
// the data-layer functions, which take the viewer explicitly and are the security boundary.
//
// The table is checked against the code: a new exported action or route handler without a row
// fails the first test. Every denied case also proves that no row in any table changed (the write
// log of tests/security/world.ts: triggers on every table record each committed write).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { db } from "@/lib/db";
import { isAppError, type AppErrorCode } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { changeMyPassword, createUser, endMySessions, findViewer, removeMyAvatar, setMyAvatar, updateMyProfile, verifyCredentials } from "@/lib/data/users";
import { hashPassword } from "@/lib/auth/password";
import { createComment, deleteComment, editComment } from "@/lib/data/comments";
import { getMyCommentsState, hideComment, removeComment, restoreComment, setCommentsEnabled, setThreadLocked } from "@/lib/data/comment-moderation";
import { moderatorUnpublishStory } from "@/lib/data/story-moderation";
import { getViewerState, listFollowingStories, listMyBookmarks, setBookmark, setFollow, setHeart } from "@/lib/data/engagement";
import { setFeatured } from "@/lib/data/discovery";
import { createReport, resolveReports } from "@/lib/data/reports";
import { approveSubmission, requestChanges } from "@/lib/data/review";
import { updateSiteSettings } from "@/lib/data/settings";
import { updateBranding } from "@/lib/data/branding";
import { createDraft, deleteStory, publishStory, unpublishStory, updateStory, withdrawSubmission } from "@/lib/data/stories";
import { listPublishedStories } from "@/lib/data/public-stories";
import { createCommunity, setCommunityArchived, updateCommunity } from "@/lib/data/communities";
import { addCommunityModerator, removeCommunityModerator } from "@/lib/data/community-moderators";
import { communityInputSchema } from "@/lib/validation/community";
import { createChallenge, updateChallenge } from "@/lib/data/challenges";
import { enterChallenge, withdrawEntry } from "@/lib/data/challenge-entries";
import { announceResults, scoreEntry, setEntryShortlisted } from "@/lib/data/challenge-judging";
import { challengeInputSchema } from "@/lib/validation/challenge";
import { restoreRevision } from "@/lib/data/revisions";
import { liftRestriction, listMyActiveRestrictions, restrictUser } from "@/lib/data/restrictions";
import { setUserRole, setUserTrust } from "@/lib/data/admin-users";
import { answerAppeal, createAppeal } from "@/lib/data/appeals";
import { countMyUnreadNotifications, listMyNotifications, markMyNotificationsRead } from "@/lib/data/notifications";
import { uploadImage } from "@/lib/data/media";
import { searchStories } from "@/lib/data/search";
import { recordRead } from "@/lib/data/reads";
import { isDatabaseReachable } from "@/lib/data/health";
import { isSweepRequest } from "@/lib/sweep-token";
import { confirmEmailWithToken, requestPasswordReset, resendEmailConfirmation, resetPasswordWithToken } from "@/lib/data/account-email";
import { mintAuthToken } from "@/lib/data/auth-tokens";
import { unsubscribeByLink, updateMyEmailPreferences } from "@/lib/data/email-preferences";
import { unsubscribeUrls } from "@/lib/mail/unsubscribe";
import { retryDeadJobAsAdmin } from "@/lib/data/admin-mail";
import { clearEmailStop, clearMyEmailStop, isSignedEmailEvent } from "@/lib/data/email-events";
import { cancelEmailChange, confirmEmailChange, requestEmailChange } from "@/lib/data/account-changes";
import { cancelAccountDeletionOnSignIn, requestAccountDeletion } from "@/lib/data/account-deletion";
import { AppError } from "@/lib/errors";
import { startImport } from "@/lib/data/imports";
import { strToU8, zipSync } from "fflate";
import { storyInput } from "../helpers/factories";
import { siteWxr } from "../helpers/import-fixtures";
import { closeWriteLog, comment, community, draftStory, installWriteLog, publishedStory, quickUser, restrict, takeWrites, unique } from "./world";

process.env.UPLOADS_DIR = mkdtempSync(path.join(tmpdir(), "storyhouse-matrix-"));

/**
 * `commod`: a reader who moderates the cast's community (every target is in it); `commodElsewhere`:
 * a reader who moderates another community. Unless a row names them, both answer as the reader does.
 */
const ROLES = ["anon", "reader", "owner", "other", "moderator", "admin", "restricted", "suspended", "commod", "commodElsewhere"] as const;
type RoleName = (typeof ROLES)[number];
/** "ok": it worked. "noop": it resolved but, scoped to the caller, changed nothing (checked like a denial). */
type Outcome = "ok" | "noop" | AppErrorCode;

type Cast = { reader: Viewer; other: Viewer; moderator: Viewer; admin: Viewer; commod: Viewer; commodElsewhere: Viewer; community: string };
type Ctx = Cast & { owner: Viewer };

type Row<T = any> = {
  /** `module.exportName` for actions, `METHOD /api/path` for route handlers. */
  entry: string;
  /** The data-layer call(s) the entry makes. */
  via: string;
  /** Whose restrictions the restricted/suspended rows test: the target's owner (default) or a bystander. */
  restrictedIs?: "owner" | "bystander";
  setup: (c: Ctx) => Promise<T>;
  run: (viewer: Viewer | null, target: T, c: Ctx) => Promise<unknown>;
  expect: Record<RoleName, Outcome>;
  /** Tables a denied call may change by design (named with the reason in the row). */
  mayChange?: string[];
};

/** Expectations: `rest` for every role not named. */
const E = (given: Partial<Record<RoleName, Outcome>> & { rest: Outcome }): Record<RoleName, Outcome> =>
  Object.fromEntries(ROLES.map((role) => [role, given[role] ?? (role.startsWith("commod") ? given.reader : undefined) ?? given.rest])) as Record<RoleName, Outcome>;

const staffOnly = E({ anon: "UNAUTHENTICATED", moderator: "ok", admin: "ok", rest: "FORBIDDEN" });
/** Staff, and a moderator of the target's community; another community's moderator finds nothing there. */
const staffOrCommunityModerator = E({ anon: "UNAUTHENTICATED", moderator: "ok", admin: "ok", commod: "ok", commodElsewhere: "NOT_FOUND", rest: "FORBIDDEN" });
const adminOnly = E({ anon: "UNAUTHENTICATED", admin: "ok", rest: "FORBIDDEN" });
const ownerOnly = E({ anon: "UNAUTHENTICATED", owner: "ok", restricted: "ok", suspended: "FORBIDDEN", rest: "NOT_FOUND" });
const anySignedIn = E({ anon: "UNAUTHENTICATED", suspended: "FORBIDDEN", rest: "ok" });
const everyone = E({ rest: "ok" });
/** The challenge's judge (the owner; restrictions other than a suspension don't stop judging) and admins. */
const judgeOnly = E({ anon: "UNAUTHENTICATED", owner: "ok", restricted: "ok", admin: "ok", suspended: "FORBIDDEN", rest: "NOT_FOUND" });

const png = () => sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 20, b: 30 } } }).png().toBuffer().then((b) => new Uint8Array(b));
const restrictInput = { kind: "WARNING" as const, reason: "Matrix warning", expiresAt: null };
const branding = { siteName: "Storyhouse", siteDescription: "Stories from creators, in communities you care about.", logoUrl: "", faviconUrl: "", accentColor: "", footerText: "", navLinks: [], reason: "Matrix change" };
const settings = { trustApprovedStories: 4, trustCleanDays: 60, blockedWords: ["spamword"], blockedEmailDomains: [], uploadsPerHour: 30, uploadsPerDay: 200 };

async function submittedStory(c: Ctx) {
  await db.user.update({ where: { id: c.owner.id }, data: { trustOverride: false } });
  const { id } = await createDraft(c.owner, storyInput(c.community, { title: `Submitted ${unique()}` }));
  const result = await publishStory(c.owner, id);
  if (result.outcome !== "submitted") throw new Error(`expected submitted, got ${result.outcome}`);
  return id;
}
/** A comment by a bystander (the reader) on the owner's story. */
async function commentOnOwnersStory(c: Ctx) {
  const story = await publishedStory(c.owner, c.community);
  const { id } = await comment(c.reader, story.id);
  return { storyId: story.id, commentId: id };
}
/** The owner's comment on someone else's story. */
async function ownersComment(c: Ctx) {
  const story = await publishedStory(c.admin, c.community);
  const { id } = await comment(c.owner, story.id);
  return id;
}
const warned = (c: Ctx) => restrictUser(c.moderator, c.owner.id, restrictInput);

const ROWS: Row[] = [
  // lib/actions/accounts.ts
  { entry: "accounts.restrictUserAction", via: "restrictUser", setup: async () => null, run: (v, _t, c) => restrictUser(v, c.owner.id, restrictInput), expect: staffOnly },
  {
    entry: "accounts.liftRestrictionAction",
    via: "liftRestriction",
    setup: async (c) => (await restrictUser(c.moderator, c.owner.id, { kind: "COMMENT_BAN", reason: "Matrix ban", expiresAt: null })).restrictionId,
    run: (v, id) => liftRestriction(v, id, "Lifted by the matrix"),
    expect: staffOnly,
  },
  { entry: "accounts.setRoleAction", via: "setUserRole", setup: async () => null, run: (v, _t, c) => setUserRole(v, c.owner.id, "MODERATOR", "Matrix"), expect: adminOnly },
  {
    entry: "accounts.clearEmailStopAction",
    via: "clearEmailStop",
    setup: (c) => db.user.update({ where: { id: c.owner.id }, data: { emailStoppedAt: new Date(), emailStoppedReason: "Bounced" }, select: { id: true } }),
    run: (v, _t, c) => clearEmailStop(v, c.owner.id, "Mailbox fixed"),
    expect: adminOnly,
  },
  { entry: "accounts.setTrustAction", via: "setUserTrust", setup: async () => null, run: (v, _t, c) => setUserTrust(v, c.owner.id, false, "Matrix"), expect: adminOnly },
  {
    entry: "accounts.createAppealAction",
    via: "createAppeal",
    setup: async (c) => (await warned(c)).actionId,
    run: (v, actionId) => createAppeal(v, actionId, "Please look at this again, it was a mistake."),
    // Only the subject may appeal (others get NOT_FOUND); appealing survives every restriction.
    expect: E({ anon: "UNAUTHENTICATED", owner: "ok", restricted: "ok", suspended: "ok", rest: "NOT_FOUND" }),
  },
  {
    entry: "accounts.answerAppealAction",
    via: "answerAppeal",
    setup: async (c) => (await createAppeal(c.owner, (await warned(c)).actionId, "Please look at this again, it was a mistake.")).id,
    run: (v, appealId) => answerAppeal(v, appealId, { decision: "UPHOLD", response: "The warning stands." }),
    expect: adminOnly,
  },
  {
    entry: "accounts.markNotificationsReadAction",
    via: "markMyNotificationsRead",
    setup: async (c) => {
      await commentOnOwnersStory(c); // notifies the owner
      return (await db.notification.findFirstOrThrow({ where: { userId: c.owner.id }, select: { id: true } })).id;
    },
    run: (v, id) => markMyNotificationsRead(v, [id]),
    // Someone else's notification ids are simply not theirs: nothing changes.
    expect: E({ anon: "UNAUTHENTICATED", owner: "ok", restricted: "ok", suspended: "ok", rest: "noop" }),
  },
  // lib/actions/auth.ts (no viewer: anyone may try; the caller's role changes nothing)
  { entry: "auth.signUpAction", via: "createUser", setup: async () => null, run: () => createUser({ name: "New Person", email: `new-${unique()}@example.com`, password: "long enough password" }), expect: everyone },
  {
    entry: "auth.signUpAction (blocked email domain)",
    via: "createUser",
    setup: async (c) => updateSiteSettings(c.admin, { ...settings, blockedEmailDomains: ["blocked.example"] }, "Matrix: a blocked domain"),
    run: () => createUser({ name: "Blocked Person", email: `new-${unique()}@blocked.example`, password: "long enough password" }),
    expect: E({ rest: "INVALID" }),
  },
  {
    entry: "auth.signInAction",
    via: "assertSignInAllowed + verifyCredentials",
    setup: async () => {
      const email = `signin-${unique()}@example.com`;
      await createUser({ name: "Signs In", email, password: "long enough password" });
      return email;
    },
    run: async (_v, email) => {
      if (!(await verifyCredentials(email, "long enough password"))) throw new AppError("UNAUTHENTICATED", "no match");
    },
    expect: everyone,
  },
  {
    entry: "auth.signInAction (after 10 failures)",
    via: "verifyCredentials",
    setup: async () => {
      const email = `throttled-${unique()}@example.com`;
      await createUser({ name: "Throttled", email, password: "long enough password" });
      // From ten addresses (one address would meet the growing delays first).
      for (let i = 0; i < 10; i++) await verifyCredentials(email, `wrong ${i}`, { ip: `198.51.100.${i}` });
      return email;
    },
    run: (_v, email) => verifyCredentials(email, "long enough password"),
    expect: E({ rest: "RATE_LIMITED" }),
  },
  // Ends the caller's own sessions (signed out: only clears the cookie, nothing in the database).
  { entry: "auth.signOutAction", via: "endMySessions + next-auth signOut", setup: async () => null, run: (v) => (v ? endMySessions(v) : Promise.resolve()), expect: E({ anon: "noop", rest: "ok" }) },
  // lib/actions/account-email.ts: links from emails. The token is the credential; who is signed in changes nothing.
  { entry: "account-email.requestPasswordResetAction", via: "requestPasswordReset", setup: async (c) => (await db.user.findUniqueOrThrow({ where: { id: c.owner.id }, select: { email: true } })).email, run: (_v, email) => requestPasswordReset(email), expect: everyone },
  // An address with no account: the same answer (nothing leaks), and nothing is written or sent.
  { entry: "account-email.requestPasswordResetAction (unknown address)", via: "requestPasswordReset", setup: async () => null, run: () => requestPasswordReset(`nobody-${unique()}@example.com`), expect: E({ rest: "noop" }) },
  { entry: "account-email.resetPasswordAction", via: "resetPasswordWithToken", setup: (c) => mintAuthToken(c.owner.id, "PASSWORD_RESET"), run: (_v, token) => resetPasswordWithToken(token, "a brand new password"), expect: everyone },
  {
    entry: "account-email.resetPasswordAction (used or forged link)",
    via: "resetPasswordWithToken",
    setup: async (c) => {
      const token = await mintAuthToken(c.owner.id, "PASSWORD_RESET");
      await resetPasswordWithToken(token, "the first new password");
      return token;
    },
    run: (_v, token) => resetPasswordWithToken(token, "a second new password"),
    expect: E({ rest: "INVALID" }),
  },
  {
    entry: "account-email.confirmEmailChangeAction",
    via: "confirmEmailChange",
    setup: async (c) => {
      const email = `confirmed-${unique()}@example.com`;
      await db.user.update({ where: { id: c.owner.id }, data: { pendingEmail: email } });
      return mintAuthToken(c.owner.id, "CHANGE_EMAIL", email);
    },
    run: (_v, token) => confirmEmailChange(token),
    expect: everyone,
  },
  // A forged link, or one for an address the member no longer waits to change to: refused, nothing written.
  { entry: "account-email.confirmEmailChangeAction (forged link)", via: "confirmEmailChange", setup: async () => null, run: () => confirmEmailChange(`forged-${unique()}`), expect: E({ rest: "INVALID" }) },
  { entry: "account-email.confirmEmailAction", via: "confirmEmailWithToken", setup: (c) => mintAuthToken(c.owner.id, "VERIFY_EMAIL"), run: (_v, token) => confirmEmailWithToken(token), expect: everyone },
  {
    entry: "account-email.confirmEmailAction (forged link)",
    via: "confirmEmailWithToken",
    setup: async () => null,
    run: async () => {
      if (!(await confirmEmailWithToken(`forged-${unique()}`))) throw new AppError("INVALID", "link used or unknown");
    },
    expect: E({ rest: "INVALID" }),
  },
  // Every account in the cast is confirmed already: a new link is refused, and nothing is written.
  { entry: "account-email.resendEmailConfirmationAction", via: "resendEmailConfirmation", setup: async () => null, run: (v) => resendEmailConfirmation(v), expect: E({ anon: "UNAUTHENTICATED", rest: "CONFLICT" }) },
  // The owner's address not yet confirmed: only they may ask for the link again (it is sent to them).
  {
    entry: "account-email.resendEmailConfirmationAction (unconfirmed owner)",
    via: "resendEmailConfirmation",
    setup: async (c) => db.user.update({ where: { id: c.owner.id }, data: { emailVerifiedAt: null }, select: { id: true } }),
    run: (v) => resendEmailConfirmation(v),
    expect: E({ anon: "UNAUTHENTICATED", owner: "ok", restricted: "ok", suspended: "ok", rest: "CONFLICT" }),
  },
  // lib/actions/email-preferences.ts
  {
    entry: "email-preferences.clearMyEmailStopAction",
    via: "clearMyEmailStop",
    setup: async () => null,
    run: async (v) => {
      if (v) await db.user.update({ where: { id: v.id }, data: { emailStoppedAt: new Date(), emailStoppedReason: "Bounced" } });
      return clearMyEmailStop(v);
    },
    expect: E({ anon: "UNAUTHENTICATED", rest: "ok" }),
  },
  { entry: "email-preferences.updateEmailPreferencesAction", via: "updateMyEmailPreferences", setup: async () => null, run: (v) => updateMyEmailPreferences(v, { reply: false, comment: false, review: false, followed: false, digest: true }), expect: E({ anon: "UNAUTHENTICATED", rest: "ok" }) },
  { entry: "email-preferences.unsubscribeAction", via: "unsubscribeByLink (signed link)", setup: async (c) => new URL(unsubscribeUrls(c.owner.id, "reply").oneClick).searchParams.get("s")!, run: (_v, s, c) => unsubscribeByLink(c.owner.id, "reply", s), expect: everyone },
  // Another member's link with this member's id: the signature doesn't match.
  { entry: "email-preferences.unsubscribeAction (someone else's link)", via: "unsubscribeByLink (signed link)", setup: async (c) => new URL(unsubscribeUrls(c.reader.id, "reply").oneClick).searchParams.get("s")!, run: (_v, s, c) => unsubscribeByLink(c.owner.id, "reply", s), expect: E({ rest: "NOT_FOUND" }) },
  // lib/actions/admin-mail.ts
  { entry: "admin-mail.retryDeadJobAction", via: "retryDeadJobAsAdmin", setup: async () => null, run: (v) => retryDeadJobAsAdmin(v, "1"), expect: adminOnly },
  // lib/actions/account.ts: the caller's own account; a suspension does not stop either.
  {
    entry: "account.changePasswordAction",
    via: "changeMyPassword",
    setup: async () => null,
    run: async (v) => {
      if (v) await db.user.update({ where: { id: v.id }, data: { passwordHash: await hashPassword("the current password") } });
      return changeMyPassword(v, { currentPassword: "the current password", newPassword: "a new password", confirmPassword: "a new password" });
    },
    expect: E({ anon: "UNAUTHENTICATED", rest: "ok" }),
  },
  {
    entry: "account.changePasswordAction (wrong current password)",
    via: "changeMyPassword",
    setup: async () => null,
    run: (v) => changeMyPassword(v, { currentPassword: "not the password", newPassword: "a new password", confirmPassword: "a new password" }),
    expect: E({ anon: "UNAUTHENTICATED", rest: "INVALID" }),
    // The wrong guess counts towards this account's delays from this address.
    mayChange: ["RateLimit"],
  },
  {
    entry: "account.changeEmailAction",
    via: "requestEmailChange",
    setup: async () => null,
    run: async (v) => {
      if (v) await db.user.update({ where: { id: v.id }, data: { passwordHash: await hashPassword("the current password") } });
      return requestEmailChange(v, { newEmail: `moved-${unique()}@example.com`, currentPassword: "the current password" });
    },
    expect: E({ anon: "UNAUTHENTICATED", rest: "ok" }),
  },
  { entry: "account.cancelEmailChangeAction", via: "cancelEmailChange", setup: async () => null, run: (v) => cancelEmailChange(v), expect: E({ anon: "UNAUTHENTICATED", rest: "ok" }) },
  {
    entry: "account.deleteAccountAction",
    via: "requestAccountDeletion",
    // Everyone who may be the caller gets the password before the call, so a denial can be checked to change nothing.
    setup: async (c) => db.user.updateMany({ where: { id: { in: [c.owner.id, c.reader.id, c.other.id, c.moderator.id, c.admin.id] } }, data: { passwordHash: await hashPassword("the current password") } }),
    run: async (v) => {
      const scheduled = await requestAccountDeletion(v, { stories: "keep", currentPassword: "the current password" });
      // The cast is shared by every row: the deletion is cancelled again (as signing in does).
      if (v) await cancelAccountDeletionOnSignIn(v.id);
      return scheduled;
    },
    // Staff accounts must become readers first; the password check before that counts towards sign-in delays.
    expect: E({ anon: "UNAUTHENTICATED", moderator: "FORBIDDEN", admin: "FORBIDDEN", rest: "ok" }),
    mayChange: ["RateLimit"],
  },
  { entry: "account.signOutEverywhereAction", via: "endMySessions + next-auth signOut", setup: async () => null, run: (v) => (v ? endMySessions(v) : Promise.resolve()), expect: E({ anon: "noop", rest: "ok" }) },
  // lib/actions/comments.ts
  {
    entry: "comments.postCommentAction",
    via: "createComment",
    restrictedIs: "bystander",
    setup: async (c) => (await publishedStory(c.owner, c.community)).id,
    run: (v, storyId) => createComment(v, storyId, { body: "Lovely piece." }),
    expect: E({ anon: "UNAUTHENTICATED", restricted: "FORBIDDEN", suspended: "FORBIDDEN", rest: "ok" }),
  },
  {
    entry: "comments.editCommentAction",
    via: "editComment",
    setup: ownersComment,
    run: (v, id) => editComment(v, id, { body: "Edited text" }),
    expect: E({ anon: "UNAUTHENTICATED", owner: "ok", restricted: "FORBIDDEN", suspended: "FORBIDDEN", rest: "NOT_FOUND" }),
  },
  {
    entry: "comments.deleteCommentAction",
    via: "deleteComment",
    setup: ownersComment,
    run: (v, id) => deleteComment(v, id),
    // Deleting is writing a comment: a comment ban stops it too.
    expect: E({ anon: "UNAUTHENTICATED", owner: "ok", restricted: "FORBIDDEN", suspended: "FORBIDDEN", rest: "NOT_FOUND" }),
  },
  // lib/actions/engagement.ts
  {
    entry: "engagement.setHeartAction",
    via: "setHeart",
    restrictedIs: "bystander",
    setup: async (c) => (await publishedStory(c.owner, c.community)).id,
    run: (v, id) => setHeart(v, id, true),
    expect: anySignedIn,
  },
  {
    entry: "engagement.setBookmarkAction",
    via: "setBookmark",
    restrictedIs: "bystander",
    setup: async (c) => (await publishedStory(c.owner, c.community)).id,
    run: (v, id) => setBookmark(v, id, true),
    expect: anySignedIn,
  },
  {
    entry: "engagement.setFollowAction",
    via: "setFollow",
    restrictedIs: "bystander",
    setup: async () => null,
    run: (v, _t, c) => setFollow(v, c.owner.id, true),
    expect: E({ anon: "UNAUTHENTICATED", owner: "INVALID", suspended: "FORBIDDEN", rest: "ok" }),
  },
  {
    entry: "engagement.setFeaturedAction",
    via: "setFeatured",
    setup: async (c) => (await publishedStory(c.owner, c.community)).id,
    run: (v, id) => setFeatured(v, id, true, "A staff pick"),
    expect: adminOnly,
  },
  // lib/actions/moderation.ts
  {
    entry: "moderation.hideCommentAction",
    via: "hideComment",
    setup: commentOnOwnersStory,
    run: (v, t) => hideComment(v, t.commentId, "Off topic"),
    // Staff, and the story's creator on their story (story:write, so a suspension stops them).
    expect: E({ anon: "UNAUTHENTICATED", owner: "ok", restricted: "ok", moderator: "ok", admin: "ok", commod: "ok", suspended: "FORBIDDEN", rest: "FORBIDDEN" }),
  },
  {
    entry: "moderation.restoreCommentAction",
    via: "restoreComment",
    setup: async (c) => {
      const t = await commentOnOwnersStory(c);
      await hideComment(c.moderator, t.commentId, "Hidden by staff");
      return t;
    },
    run: (v, t) => restoreComment(v, t.commentId),
    // A moderator's hide stays until staff (or the community's moderator) restore it, even for the story's creator.
    expect: E({ anon: "UNAUTHENTICATED", moderator: "ok", admin: "ok", commod: "ok", rest: "FORBIDDEN" }),
  },
  { entry: "moderation.removeCommentAction", via: "removeComment", setup: commentOnOwnersStory, run: (v, t) => removeComment(v, t.commentId, "Spam"), expect: staffOnly },
  {
    entry: "moderation.setThreadLockedAction",
    via: "setThreadLocked",
    setup: async (c) => (await publishedStory(c.owner, c.community)).id,
    run: (v, id) => setThreadLocked(v, id, true, "Cooling off"),
    expect: staffOnly,
  },
  {
    entry: "moderation.setCommentsEnabledAction",
    via: "setCommentsEnabled",
    setup: async (c) => (await publishedStory(c.owner, c.community)).id,
    run: (v, id) => setCommentsEnabled(v, id, false),
    expect: ownerOnly,
  },
  {
    entry: "moderation.moderatorUnpublishStoryAction",
    via: "moderatorUnpublishStory",
    setup: async (c) => (await publishedStory(c.owner, c.community)).id,
    run: (v, id) => moderatorUnpublishStory(v, id, "Breaks the rules"),
    expect: staffOnly,
  },
  // lib/actions/porting.ts (every caller imports into their own account)
  {
    entry: "porting.startImportAction",
    via: "startImport",
    setup: async () => zipSync({ "story.md": strToU8("---\ntitle: Imported\n---\nText.") }),
    run: (v, bytes, c) => startImport(v, { format: "MARKDOWN", community: c.community, dryRun: true, fileName: "story.zip", bytes }),
    expect: anySignedIn,
  },
  {
    entry: "porting.startSiteImportAction",
    via: "startImport (site)",
    setup: async () => strToU8(siteWxr),
    run: (v, bytes, c) => startImport(v, { format: "WORDPRESS", community: c.community, dryRun: true, fileName: "site.xml", bytes, site: true }),
    expect: adminOnly,
  },
  // lib/actions/profile.ts (every caller acts on their own profile)
  { entry: "profile.updateProfileAction", via: "updateMyProfile", setup: async () => null, run: (v) => updateMyProfile(v, { name: "Renamed", handle: `h-${unique()}`, bio: "Hello there" }), expect: anySignedIn },
  { entry: "profile.uploadAvatarAction", via: "uploadImage + setMyAvatar", setup: () => png(), run: async (v, bytes) => setMyAvatar(v, (await uploadImage(v, bytes)).id), expect: anySignedIn },
  {
    entry: "profile.removeAvatarAction",
    via: "removeMyAvatar",
    setup: async (c) => {
      await db.user.updateMany({ where: { id: { in: [c.owner.id, c.reader.id, c.other.id, c.moderator.id, c.admin.id] } }, data: { avatarUrl: "/media/x/320.webp" } });
      return null;
    },
    run: (v) => removeMyAvatar(v),
    expect: anySignedIn,
  },
  // lib/actions/reports.ts
  {
    entry: "reports.createReportAction",
    via: "createReport",
    restrictedIs: "bystander",
    setup: async (c) => (await publishedStory(c.owner, c.community)).id,
    run: (v, id) => createReport(v, { targetType: "STORY", targetId: id, reason: "SPAM", details: "" }),
    // Nobody reports their own story.
    expect: E({ anon: "UNAUTHENTICATED", owner: "INVALID", suspended: "FORBIDDEN", rest: "ok" }),
  },
  {
    entry: "reports.resolveReportsAction",
    via: "resolveReports",
    setup: async (c) => {
      const story = await publishedStory(c.owner, c.community);
      await createReport(c.reader, { targetType: "STORY", targetId: story.id, reason: "SPAM", details: "" });
      return story.id;
    },
    run: (v, id) => resolveReports(v, { resolution: "DISMISS", reason: "Not spam", targets: [{ targetType: "STORY", targetId: id }] }),
    expect: staffOrCommunityModerator,
  },
  // lib/actions/review.ts (nobody reviews their own story)
  { entry: "review.approveSubmissionAction", via: "approveSubmission", setup: submittedStory, run: (v, id) => approveSubmission(v, id, { note: "" }), expect: staffOrCommunityModerator },
  { entry: "review.requestChangesAction", via: "requestChanges", setup: submittedStory, run: (v, id) => requestChanges(v, id, { reason: "Please expand the second section.", notes: {} }), expect: staffOrCommunityModerator },
  // lib/actions/communities.ts
  { entry: "communities.createCommunityAction", via: "createCommunity", setup: async () => null, run: (v) => createCommunity(v, communityFields(`m-${unique()}`)), expect: adminOnly },
  {
    entry: "communities.updateCommunityAction",
    via: "updateCommunity",
    setup: async () => community(),
    run: (v, c) => updateCommunity(v, c.id, communityFields(`${c.slug}-moved`)),
    expect: adminOnly,
  },
  { entry: "communities.setCommunityArchivedAction", via: "setCommunityArchived", setup: async () => community(), run: (v, c) => setCommunityArchived(v, c.id, true, "Matrix archive"), expect: adminOnly },
  {
    entry: "communities.addCommunityModeratorAction",
    via: "addCommunityModerator",
    setup: async () => community(),
    run: (v, t, c) => addCommunityModerator(v, t.id, { handle: c.owner.handle, reason: "Matrix: a new moderator" }),
    expect: adminOnly,
  },
  {
    entry: "communities.removeCommunityModeratorAction",
    via: "removeCommunityModerator",
    setup: async (c) => {
      const t = await community();
      await addCommunityModerator(c.admin, t.id, { handle: c.owner.handle, reason: "Matrix: to be removed" });
      return t;
    },
    // Not even the moderator themself: stepping down goes through an admin.
    run: (v, t, c) => removeCommunityModerator(v, t.id, c.owner.id, "Matrix: removed"),
    expect: adminOnly,
  },
  // lib/actions/challenges.ts
  { entry: "challenges.createChallengeAction", via: "createChallenge", setup: async () => null, run: (v, _t, c) => createChallenge(v, challengeFields(c.community)), expect: adminOnly },
  {
    entry: "challenges.updateChallengeAction",
    via: "updateChallenge",
    setup: (c) => createChallenge(c.admin, challengeFields(c.community)),
    run: (v, ch, c) => updateChallenge(v, ch.id, challengeFields(c.community, { slug: `${ch.slug}-moved` })),
    expect: adminOnly,
  },
  {
    entry: "challenges.enterChallengeAction",
    via: "enterChallenge",
    setup: async (c) => ({ challenge: await createChallenge(c.admin, challengeFields(c.community)), story: await publishedStory(c.owner, c.community) }),
    run: (v, t) => enterChallenge(v, t.story.id, t.challenge.id),
    // Entering is publishing's business: a publishing ban stops it too.
    expect: E({ anon: "UNAUTHENTICATED", owner: "ok", restricted: "FORBIDDEN", suspended: "FORBIDDEN", rest: "NOT_FOUND" }),
  },
  {
    entry: "challenges.withdrawEntryAction",
    via: "withdrawEntry",
    setup: async (c) => {
      const challenge = await createChallenge(c.admin, challengeFields(c.community));
      return (await enterChallenge(c.owner, (await publishedStory(c.owner, c.community)).id, challenge.id)).entryId;
    },
    run: (v, entryId) => withdrawEntry(v, entryId),
    expect: ownerOnly,
  },
  // Judging: the owner judges the challenge, the reader's story is the entry; staff with challenge:manage (admins) judge any.
  { entry: "challenges.scoreEntryAction", via: "scoreEntry", setup: judgedEntry, run: (v, entryId) => scoreEntry(v, entryId, { scores: [5, 6], note: "Matrix note" }), expect: judgeOnly },
  { entry: "challenges.shortlistEntryAction", via: "setEntryShortlisted", setup: judgedEntry, run: (v, entryId) => setEntryShortlisted(v, entryId, true), expect: judgeOnly },
  {
    entry: "challenges.announceResultsAction",
    via: "announceResults",
    setup: async (c) => {
      const entryId = await judgedEntry(c);
      await db.challengeEntry.findUniqueOrThrow({ where: { id: entryId }, select: { challengeId: true } }).then(({ challengeId }) => db.challenge.update({ where: { id: challengeId }, data: { closesAt: new Date(Date.now() - 1000) } }));
      return entryId;
    },
    run: async (v, entryId) => {
      const { challengeId } = await db.challengeEntry.findUniqueOrThrow({ where: { id: entryId }, select: { challengeId: true } });
      return announceResults(v, challengeId, { placements: [{ entryId, placement: "WINNER", note: "Matrix winner" }], reason: "Matrix announce" });
    },
    expect: adminOnly,
  },
  // lib/actions/settings.ts
  { entry: "settings.updateSiteSettingsAction", via: "updateSiteSettings", setup: async () => null, run: (v) => updateSiteSettings(v, settings, "Matrix change"), expect: adminOnly },
  { entry: "settings.updateBrandingAction", via: "updateBranding", setup: async () => null, run: (v) => updateBranding(v, branding), expect: adminOnly },
  // lib/actions/stories.ts: saveStoryAction makes three different calls; each has its row.
  { entry: "stories.saveStoryAction", via: "createDraft (new story)", setup: async () => null, run: (v, _t, c) => createDraft(v, storyInput(c.community)), expect: anySignedIn },
  {
    entry: "stories.saveStoryAction (existing)",
    via: "updateStory",
    setup: async (c) => draftStory(c.owner, c.community),
    run: (v, d, c) => updateStory(v, d.id, storyInput(c.community, { title: "Changed" }), { expectedVersion: d.version }),
    expect: ownerOnly,
  },
  {
    entry: "stories.saveStoryAction (publish)",
    via: "publishStory",
    setup: async (c) => draftStory(c.owner, c.community),
    run: (v, d) => publishStory(v, d.id),
    // A publishing ban stops publishing, not writing.
    expect: E({ anon: "UNAUTHENTICATED", owner: "ok", restricted: "FORBIDDEN", suspended: "FORBIDDEN", rest: "NOT_FOUND" }),
  },
  { entry: "stories.withdrawSubmissionAction", via: "withdrawSubmission", setup: submittedStory, run: (v, id) => withdrawSubmission(v, id), expect: ownerOnly },
  { entry: "stories.unpublishStoryAction", via: "unpublishStory", setup: async (c) => (await publishedStory(c.owner, c.community)).id, run: (v, id) => unpublishStory(v, id), expect: ownerOnly },
  { entry: "stories.deleteStoryAction", via: "deleteStory", setup: async (c) => (await publishedStory(c.owner, c.community)).id, run: (v, id) => deleteStory(v, id), expect: ownerOnly },
  {
    entry: "stories.restoreRevisionAction",
    via: "restoreRevision",
    setup: async (c) => {
      const d = await draftStory(c.owner, c.community);
      await updateStory(c.owner, d.id, storyInput(c.community, { title: "Second version" }), { expectedVersion: d.version, revision: "SAVE" });
      return (await db.storyRevision.findFirstOrThrow({ where: { storyId: d.id }, orderBy: { createdAt: "asc" }, select: { id: true } })).id;
    },
    run: (v, id) => restoreRevision(v, id),
    expect: ownerOnly,
  },

  // Route handlers (app/api/**/route.ts)
  { entry: "GET /api/auth/[...nextauth]", via: "next-auth (session, csrf: no data layer)", setup: async () => null, run: async () => undefined, expect: everyone },
  {
    entry: "POST /api/auth/[...nextauth]",
    via: "verifyCredentials (authorize)",
    setup: async () => null,
    run: async (_v, _t, c) => {
      // A wrong password is a refusal whoever calls; no account's secret is involved.
      if ((await verifyCredentials((await db.user.findUniqueOrThrow({ where: { id: c.owner.id }, select: { email: true } })).email, "not the password")) === null) throw new AppError("UNAUTHENTICATED");
    },
    expect: E({ rest: "UNAUTHENTICATED" }),
    // Counting the failed attempt is the brute-force throttle working.
    mayChange: ["RateLimit"],
  },
  { entry: "GET /api/health", via: "isDatabaseReachable", setup: async () => null, run: () => isDatabaseReachable(), expect: everyone },
  {
    entry: "GET /api/me",
    via: "listMyActiveRestrictions + countMyUnreadNotifications (null viewer → no call)",
    setup: async () => null,
    run: async (v) => (v ? Promise.all([listMyActiveRestrictions(v), countMyUnreadNotifications(v)]) : null),
    expect: everyone,
  },
  // Saved and followed lists need story:react, which a suspension removes.
  { entry: "GET /api/me/bookmarks", via: "listMyBookmarks", setup: async () => null, run: (v) => listMyBookmarks(v), expect: anySignedIn },
  { entry: "GET /api/me/following", via: "listFollowingStories", setup: async () => null, run: (v) => listFollowingStories(v), expect: anySignedIn },
  { entry: "GET /api/me/notifications", via: "listMyNotifications", setup: async () => null, run: (v) => listMyNotifications(v), expect: E({ anon: "UNAUTHENTICATED", rest: "ok" }) },
  { entry: "GET /api/search", via: "searchStories (public)", setup: async () => null, run: () => searchStories({ q: "river walk" }), expect: everyone },
  { entry: "GET /api/stories", via: "listPublishedStories (public)", setup: async () => null, run: () => listPublishedStories({ limit: 10 }), expect: everyone },
  {
    entry: "POST /api/stories/[id]/comments",
    via: "createComment",
    restrictedIs: "bystander",
    setup: async (c) => (await publishedStory(c.owner, c.community)).id,
    run: (v, storyId) => createComment(v, storyId, { body: "Via the API." }),
    expect: E({ anon: "UNAUTHENTICATED", restricted: "FORBIDDEN", suspended: "FORBIDDEN", rest: "ok" }),
  },
  {
    entry: "PUT /api/stories/[id]/heart",
    via: "setHeart",
    restrictedIs: "bystander",
    setup: async (c) => (await publishedStory(c.owner, c.community)).id,
    run: (v, id) => setHeart(v, id, true),
    expect: anySignedIn,
  },
  {
    entry: "GET /api/stories/[id]/comments",
    via: "getMyCommentsState",
    setup: async (c) => (await publishedStory(c.owner, c.community)).id,
    run: (v, storyId) => getMyCommentsState(v, storyId),
    // Signed-out readers never ask (the client only calls it with a viewer). A suspended owner's
    // story is not public, so it is not found, like any story that isn't.
    expect: E({ anon: "UNAUTHENTICATED", suspended: "NOT_FOUND", rest: "ok" }),
  },
  {
    entry: "POST /api/stories/[id]/read",
    via: "recordRead (public beacon)",
    setup: async (c) => (await publishedStory(c.owner, c.community)).id,
    run: (_v, storyId) => recordRead(storyId, `k-${unique()}`, new Date()),
    expect: everyone,
  },
  {
    entry: "POST /api/sweep",
    via: "isSweepRequest (per-process token; nobody's session counts)",
    setup: async () => null,
    run: async () => {
      for (const headers of [{}, { "x-sweep-token": "guess" }, { "x-sweep-token": "a".repeat(43) }] as Record<string, string>[]) {
        if (isSweepRequest(new Request("http://localhost/api/sweep", { method: "POST", headers }))) return;
      }
      throw new AppError("FORBIDDEN");
    },
    expect: E({ rest: "FORBIDDEN" }),
  },
  {
    entry: "POST /api/jobs/[task]",
    via: "isSweepRequest (per-process token; only this process's queue worker)",
    setup: async () => null,
    run: async () => {
      for (const headers of [{}, { "x-sweep-token": "guess" }] as Record<string, string>[]) {
        if (isSweepRequest(new Request("http://localhost/api/jobs/send-email", { method: "POST", headers }))) return;
      }
      throw new AppError("FORBIDDEN");
    },
    expect: E({ rest: "FORBIDDEN" }),
  },
  { entry: "POST /api/unsubscribe", via: "unsubscribeByLink (signed link, RFC 8058)", setup: async (c) => new URL(unsubscribeUrls(c.owner.id, "followed").oneClick).searchParams.get("s")!, run: (_v, s, c) => unsubscribeByLink(c.owner.id, "followed", s), expect: everyone },
  {
    entry: "POST /api/email-events",
    via: "isSignedEmailEvent (the provider's shared secret; nobody's session counts)",
    setup: async () => null,
    run: async () => {
      if (isSignedEmailEvent('{"type":"bounce","email":"x@example.com"}', "sha256=guess", "the secret")) return;
      throw new AppError("FORBIDDEN");
    },
    expect: E({ rest: "FORBIDDEN" }),
  },
  { entry: "POST /api/uploads", via: "uploadImage", setup: () => png(), run: (v, bytes) => uploadImage(v, bytes), expect: anySignedIn },
  {
    entry: "GET /api/viewer-state",
    via: "getViewerState",
    setup: async (c) => (await publishedStory(c.owner, c.community)).id,
    run: (v, storyId, c) => getViewerState(v, { storyId, creatorId: c.owner.id }),
    expect: everyone,
  },
];

function challengeFields(community: string, overrides: Record<string, string> = {}) {
  const hour = 60 * 60 * 1000;
  return challengeInputSchema.parse({
    title: "Matrix challenge",
    slug: `matrix-${unique()}`,
    prompt: "Write about the matrix.",
    community,
    minWords: "0",
    maxWords: "0",
    entriesPerCreator: "1",
    opensAt: new Date(Date.now() - hour).toISOString(),
    closesAt: new Date(Date.now() + hour).toISOString(),
    criteria: "Voice\nCraft",
    prizes: "",
    judges: "",
    reason: "Matrix change",
    ...overrides,
  });
}

/** A challenge the owner judges, with the reader's live story entered; returns the entry's id. */
async function judgedEntry(c: Ctx): Promise<string> {
  const challenge = await createChallenge(c.admin, challengeFields(c.community, { judges: c.owner.handle }));
  return (await enterChallenge(c.reader, (await publishedStory(c.reader, c.community)).id, challenge.id)).entryId;
}

function communityFields(slug: string) {
  return communityInputSchema.parse({ name: `Matrix ${slug}`, slug, minWords: "0", reason: "Matrix change" });
}

/** The exported actions of every lib/actions module, read from the source ("use server" modules only). */
function exportedActions(): string[] {
  const dir = path.resolve("lib/actions");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .flatMap((file) => {
      const source = readFileSync(path.join(dir, file), "utf8");
      if (!/^["']use server["']/m.test(source)) return [];
      const names = [...source.matchAll(/^export\s+(?:async\s+)?(?:function\s+(\w+)|const\s+(\w+))/gm)].map((m) => m[1] ?? m[2]);
      return names.map((name) => `${file.replace(/\.ts$/, "")}.${name}`);
    });
}

/** Every method of every route handler under app/api, as "METHOD /api/path". */
function exportedRoutes(): string[] {
  const root = path.resolve("app");
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : []));
  return walk(path.join(root, "api")).flatMap((file) => {
    const source = readFileSync(file, "utf8");
    const route = "/" + path.relative(root, path.dirname(file)).split(path.sep).join("/");
    const methods = new Set<string>();
    for (const m of source.matchAll(/^export\s+(?:async\s+function|const)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/gm)) methods.add(m[1]);
    for (const m of source.matchAll(/^export\s+const\s+\{([^}]*)\}/gm)) for (const name of m[1].split(",").map((s) => s.trim())) if (/^[A-Z]+$/.test(name)) methods.add(name);
    return [...methods].map((method) => `${method} ${route}`);
  });
}

let cast: Cast;
beforeAll(async () => {
  const [reader, other, moderator, admin, commodUser, elsewhereUser, c, elsewhere] = await Promise.all([quickUser(), quickUser(), quickUser({ role: "MODERATOR" }), quickUser({ role: "ADMIN" }), quickUser(), quickUser(), community(), community()]);
  // Established accounts (a story that went live), so the new-account spam limits stay out of the way.
  for (const person of [reader, other, commodUser, elsewhereUser]) await publishedStory(person, c.slug);
  await addCommunityModerator(admin, c.id, { handle: commodUser.handle, reason: "Matrix: moderates the cast's community" });
  await addCommunityModerator(admin, elsewhere.id, { handle: elsewhereUser.handle, reason: "Matrix: moderates another community" });
  const [commod, commodElsewhere] = await Promise.all([findViewer(commodUser.id), findViewer(elsewhereUser.id)]);
  cast = { reader, other, moderator, admin, commod: commod!, commodElsewhere: commodElsewhere!, community: c.slug };
  await installWriteLog();
});
afterAll(closeWriteLog);

async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome | `THREW ${string}`> {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (isAppError(error)) return error.code;
    return `THREW ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
}

describe("authorization matrix", () => {
  it("has a row for every exported server action and every route handler method, and no stale rows", () => {
    const base = (entry: string) => entry.replace(/ \(.*\)$/, "");
    const listed = new Set(ROWS.map((r) => base(r.entry)));
    const inCode = [...exportedActions(), ...exportedRoutes()];
    expect(inCode.length).toBeGreaterThan(40);
    expect(inCode.filter((name) => !listed.has(name)), "exports without a row in ROWS").toEqual([]);
    expect([...listed].filter((name) => !inCode.includes(name)), "rows for exports that no longer exist").toEqual([]);
  });

  // Every action is tried by someone it must work for and by someone it must refuse (or leave
  // untouched: "noop" is checked like a refusal), across its rows: a row that only ever allows, or
  // only ever refuses, proves half of the rule.
  it("every server action has at least one allowed and one denied case", () => {
    const actions = new Set(exportedActions());
    const outcomes = new Map<string, Set<Outcome>>();
    for (const row of ROWS) {
      const base = row.entry.replace(/ \(.*\)$/, "");
      if (!actions.has(base)) continue;
      for (const outcome of Object.values(row.expect)) outcomes.set(base, (outcomes.get(base) ?? new Set()).add(outcome));
    }
    const oneSided = [...actions].filter((name) => {
      const seen = [...(outcomes.get(name) ?? [])];
      return !seen.includes("ok") || seen.every((o) => o === "ok");
    });
    expect(oneSided, "actions whose rows never allow, or never deny").toEqual([]);
  });

  for (const row of ROWS) {
    it(`${row.entry} via ${row.via}`, async () => {
      const failures: string[] = [];
      for (const role of ROLES) {
        const owner = await quickUser();
        const c: Ctx = { ...cast, owner };
        const target = await row.setup(c);
        let viewer: Viewer | null;
        if (role === "anon") viewer = null;
        else if (role === "owner") viewer = (await findViewer(owner.id))!;
        else if (role === "restricted" || role === "suspended") {
          const who = row.restrictedIs === "bystander" ? (await quickUser()).id : owner.id;
          viewer = await restrict(who, role === "restricted" ? ["COMMENT_BAN", "PUBLISH_BAN"] : ["SUSPENSION"], cast.admin.id);
        } else viewer = (await findViewer(cast[role].id))!;
        const expected = row.expect[role];
        const denied = expected !== "ok";
        await takeWrites(); // the set-up's writes are not the call's
        const got = await outcomeOf(() => row.run(viewer, target, c));
        const gotNormalised = got === "ok" && expected === "noop" ? "noop" : got;
        if (gotNormalised !== expected) failures.push(`${role}: expected ${expected}, got ${got}`);
        const changed = (await takeWrites()).filter((t) => !row.mayChange?.includes(t));
        if (denied && changed.length) failures.push(`${role}: denied (${got}) but changed ${changed.join(", ")}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

export const MATRIX_SIZE = { rows: ROWS.length, roles: ROLES.length, cases: ROWS.length * ROLES.length };

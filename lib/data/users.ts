import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { isSlug } from "@/lib/validation/ids";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { slugify, withNumericSuffix } from "@/lib/content/slug";
import type { ChangePasswordInput, SignUpInput } from "@/lib/validation/auth";
import { RESERVED_HANDLES, readProfileLinks, type ProfileInput } from "@/lib/validation/profile";
import type { ProfileLink } from "@/lib/validation/limits";
import { getMyMedia } from "@/lib/data/media";
import { isUniqueViolation } from "@/lib/data/prisma-errors";
import { refreshCreatorSearchVectors } from "@/lib/data/search-vectors";
import { getSiteSettings } from "@/lib/data/settings";
import { assertUnderRateLimit, claimAttempt, consumeRateLimit, consumeRateLimits, RATE_RULES, resetRateLimit } from "@/lib/data/rate-limits";
import { isEmailDomainBlocked } from "@/lib/content/spam";
import { batched, type Settled } from "@/lib/data/batch";
import { env, siteUrl } from "@/lib/env";
import { queueEmail } from "@/lib/data/email";
import { cancelAccountDeletionOnSignIn } from "@/lib/data/account-deletion";

export type CreatorProfile = { id: string; name: string; handle: string; bio: string; avatarUrl: string | null; links: ProfileLink[]; joinedAt: Date; followerCount: number; storyCount: number };
export type MyProfile = { name: string; handle: string; bio: string; email: string; avatarUrl: string | null; links: ProfileLink[] };
/** The viewer plus what the header shows of them. */
export type SessionViewer = Viewer & { avatarUrl: string | null; restrictions: NonNullable<Viewer["restrictions"]> };

const viewerSelect = { id: true, name: true, handle: true, role: true, status: true } as const;

/** Restrictions in force now: not lifted, not expired. */
export function activeRestrictionWhere(now = new Date()) {
  return { liftedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

/**
 * Anyone (the session layer): the user behind a session id with the restrictions in force now, or
 * null if the account is gone. Status is worked out from those restrictions, so a suspension ends
 * at its expiry even before the sweep (lib/data/sweep.ts) updates the stored status. With the
 * session's version (from its token), also null once that session was ended: the member's version
 * has moved on since it was issued (sign-out, password change, suspension, role change).
 */
export async function findViewer(id: string, session?: { sessionVersion: number }): Promise<SessionViewer | null> {
  const found = await loadViewer(id);
  if (!found || (session && session.sessionVersion !== found.sessionVersion)) return null;
  const { sessionVersion: _version, ...viewer } = found;
  return viewer;
}

// Every signed-in request starts here: concurrent ones share one query (lib/data/batch.ts).
const loadViewer = batched(loadViewers, { concurrency: 4, maxWaitMs: () => env().DB_CONNECT_TIMEOUT_MS });

async function loadViewers(ids: string[]): Promise<Settled<(SessionViewer & { sessionVersion: number }) | null>[]> {
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: {
      ...viewerSelect,
      avatarUrl: true,
      sessionVersion: true,
      emailVerifiedAt: true,
      restrictions: { where: activeRestrictionWhere(), select: { kind: true, reason: true, expiresAt: true }, orderBy: { createdAt: "desc" } },
      moderates: { select: { communityId: true } },
    },
  });
  const byId = new Map(users.map((user) => [user.id, user]));
  return ids.map((id) => {
    const user = byId.get(id);
    if (!user) return { ok: true, value: null };
    const suspended = user.restrictions.some((r) => r.kind === "SUSPENSION");
    const { emailVerifiedAt, moderates, ...rest } = user;
    return { ok: true, value: { ...rest, moderates: moderates.map((m) => m.communityId), emailVerified: emailVerifiedAt !== null, status: suspended ? "SUSPENDED" : "ACTIVE" } };
  });
}

/**
 * Anyone: creates an account. The email must be new and not from a blocked domain; a handle is
 * derived from the name. With `ip`, sign-ups are limited per address.
 */
export async function createUser(input: SignUpInput, { ip }: { ip?: string } = {}): Promise<Viewer> {
  const { blockedEmailDomains } = await getSiteSettings();
  if (isEmailDomainBlocked(input.email, blockedEmailDomains)) {
    throw new AppError("INVALID", "We can't create an account with that email address.", { email: ["Sign-ups from this email domain aren't accepted. Please use another address."] });
  }
  if (ip) await consumeRateLimit(`signup-ip:${ip}`, RATE_RULES.signUpPerIp);
  const passwordHash = await hashPassword(input.password);
  try {
    return await withFreeHandle(input.name, (handle) =>
      db.$transaction(async (tx) => {
        const user = await tx.user.create({ data: { email: input.email, name: input.name, handle, passwordHash }, select: viewerSelect });
        await queueEmail(tx, { key: `verify:${user.id}:signup`, userId: user.id, to: input.email, template: "verify-email", data: { name: user.name } });
        return user;
      }),
    );
  } catch (error) {
    if (isUniqueViolation(error, "email")) {
      // The page does not say the address is taken (that would tell anyone who has an account);
      // its owner hears of it by email instead.
      await tellOwnerOfSignUpAttempt(input.email);
      throw new AddressTakenError();
    }
    throw error;
  }
}

/** Thrown by createUser for a taken address; the sign-up action answers as for a new account that must check its email. */
export class AddressTakenError extends Error {}

async function tellOwnerOfSignUpAttempt(email: string) {
  const owner = await db.user.findUnique({ where: { email }, select: { id: true, name: true } });
  if (!owner) return;
  const site = siteUrl();
  // At most one such email an hour per account, however often someone tries.
  const hour = Math.floor(Date.now() / 3_600_000);
  await db.$transaction((tx) => queueEmail(tx, { key: `signup-existing:${owner.id}:${hour}`, userId: owner.id, to: email, template: "signup-existing", data: { name: owner.name, signInUrl: `${site}/signin`, resetUrl: `${site}/forgot-password` } }));
}

/**
 * Runs `create` (which writes a new account) with a free handle made from `name`; if another
 * account took that handle in between, again with the next one, three times at most.
 */
export async function withFreeHandle<T>(name: string, create: (handle: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const handle = await freeHandle(name);
    try {
      return await create(handle);
    } catch (error) {
      if (!isUniqueViolation(error, "handle")) throw error; // lost a race for the handle: try the next one
    }
  }
  throw new AppError("CONFLICT", "Please try again.");
}

/** A handle made from `name`, numbered when taken (here, as an earlier handle, or in `alsoTaken`: handles given out in the same transaction). */
export async function freeHandle(name: string, client: Pick<typeof db, "user" | "handleRedirect"> = db, alsoTaken: Iterable<string> = []): Promise<string> {
  const base = slugify(name, 30) || "creator";
  const [taken, former] = await Promise.all([
    client.user.findMany({ where: { handle: { startsWith: base } }, select: { handle: true } }),
    // Someone's earlier handle keeps redirecting to them, so it is not handed out again.
    client.handleRedirect.findMany({ where: { oldHandle: { startsWith: base } }, select: { oldHandle: true } }),
  ]);
  return withNumericSuffix(base, new Set([...taken.map((u) => u.handle), ...former.map((r) => r.oldHandle), ...RESERVED_HANDLES, ...alsoTaken]));
}

/** Who is trying to sign in: the address (TRUST_PROXY decides it) and the accounts this browser has signed in to before. */
export type SignInContext = { ip?: string; knownUserIds?: readonly string[] };

const signInUserSelect = { id: true, name: true, email: true, passwordHash: true, sessionVersion: true, deletionDueAt: true } as const;

/**
 * The counters one sign-in attempt meets. `pair`: this account from this address (growing
 * delays); `failures`: counted only when the password is wrong: the address, and the account
 * unless this browser has signed in to it before.
 */
function signInCounters(email: string, user: { id: string } | null, { ip, knownUserIds = [] }: SignInContext) {
  const account = email.trim().toLowerCase();
  const known = user !== null && knownUserIds.includes(user.id);
  return {
    pair: { key: `signin-pair:${account}|${ip ?? ""}`, rule: RATE_RULES.signInPerPair },
    failures: [
      ...(ip ? [{ key: `signin-ip:${ip}`, rule: RATE_RULES.signInPerIp }, { key: `signin-ip-day:${ip}`, rule: RATE_RULES.signInPerIpDaily }] : []),
      ...(known ? [] : [{ key: `signin-account:${account}`, rule: RATE_RULES.signInPerAccount }]),
    ],
  };
}

function findSignInUser(email: string) {
  return db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: signInUserSelect });
}

/** Anyone (sign-in): throws RATE_LIMITED, saying how long to wait, while this attempt would be refused. Counts nothing. */
export async function assertSignInAllowed(email: string, context: SignInContext = {}): Promise<void> {
  const { pair, failures } = signInCounters(email, await findSignInUser(email), context);
  for (const { key, rule } of [...failures, pair]) await assertUnderRateLimit(key, rule);
}

/**
 * Anyone (sign-in): the user if the password matches; null otherwise, in the same time either way.
 * Throws RATE_LIMITED, even for the right password, while the address has used up its failures,
 * the account has used up its failures from unknown browsers (never for a browser in
 * `knownUserIds`: others' failures cannot lock the owner out), or this account from this address
 * must still wait after its last attempt. A success starts that pair's delays again.
 */
export async function verifyCredentials(email: string, password: string, context: SignInContext = {}) {
  const user = await findSignInUser(email);
  const { pair, failures } = signInCounters(email, user, context);
  for (const { key, rule } of failures) await assertUnderRateLimit(key, rule);
  // Counted before the password is checked, in one statement with the check: a burst of guesses
  // sent at once meets the delays too.
  await claimAttempt(pair.key, pair.rule);
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (ok && user) {
    await resetRateLimit(pair.key, pair.rule);
    // Signing in during a deletion's grace period is how a member keeps their account.
    if (user.deletionDueAt) await cancelAccountDeletionOnSignIn(user.id);
    return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
  }
  // Over the limit now is fine: the next attempt is refused.
  await consumeRateLimits(failures);
  return null;
}

/**
 * The signed-in user only (even suspended): ends every session they have, this one included,
 * by moving their session version on. Tokens issued before are refused from the next request.
 */
export async function endMySessions(viewer: Viewer | null): Promise<void> {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  await db.user.update({ where: { id: viewer.id }, data: { sessionVersion: { increment: 1 } }, select: { id: true } });
}

/**
 * The signed-in user only (even suspended): checks their current password before a change to the
 * account's keys (password, email, deletion). Wrong passwords meet the same growing delays as
 * sign-in (a stolen session must not be a way to guess the password). Returns the account.
 */
export async function checkMyPassword(viewer: Viewer | null, password: string, { ip, field = "currentPassword" }: { ip?: string; field?: string } = {}): Promise<{ id: string; name: string; email: string }> {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  const user = await db.user.findUnique({ where: { id: viewer.id }, select: signInUserSelect });
  if (!user) throw new AppError("UNAUTHENTICATED");
  const { pair } = signInCounters(user.email, user, { ip });
  await claimAttempt(pair.key, pair.rule);
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new AppError("INVALID", "Your current password isn't right.", { [field]: ["That isn't your current password"] });
  }
  await resetRateLimit(pair.key, pair.rule);
  return { id: user.id, name: user.name, email: user.email };
}

/**
 * The signed-in user only (even suspended): replaces their password after checking the current
 * one, ends every session signed in before, and tells them by email. Returns the email, for
 * signing this browser in again.
 */
export async function changeMyPassword(viewer: Viewer | null, input: ChangePasswordInput, { ip }: { ip?: string } = {}): Promise<{ email: string }> {
  const user = await checkMyPassword(viewer, input.currentPassword, { ip });
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { id: true } });
    await queueEmail(tx, { key: `password-changed:${randomUUID()}`, userId: user.id, to: user.email, template: "password-changed", data: { name: user.name, resetUrl: `${siteUrl()}/forgot-password` } });
  });
  return { email: user.email };
}

/** Public: a creator's profile by handle. */
export async function getCreatorProfile(handle: string): Promise<CreatorProfile | null> {
  if (!isSlug(handle)) return null;
  const user = await db.user.findUnique({
    where: { handle: handle.toLowerCase() },
    select: {
      id: true,
      name: true,
      handle: true,
      bio: true,
      avatarUrl: true,
      links: true,
      createdAt: true,
      status: true,
      followerCount: true,
    },
  });
  if (!user || user.status === "SUSPENDED") return null;
  // A separate count (on the author/status index): Prisma's _count here aggregates every story.
  const storyCount = await db.story.count({ where: { authorId: user.id, status: "PUBLISHED" } });
  const { createdAt, status: _status, links, ...profile } = user;
  return { ...profile, links: readProfileLinks(links), joinedAt: createdAt, storyCount };
}

/** Public: the creator who used to go by `oldHandle` and their current handle, or null. */
export async function findHandleRedirect(oldHandle: string): Promise<{ userId: string; handle: string } | null> {
  if (!isSlug(oldHandle)) return null;
  const redirect = await db.handleRedirect.findUnique({ where: { oldHandle: oldHandle.toLowerCase() }, select: { userId: true, user: { select: { handle: true, status: true } } } });
  return redirect && redirect.user.status !== "SUSPENDED" ? { userId: redirect.userId, handle: redirect.user.handle } : null;
}

/** The signed-in user only: their own editable profile. */
export async function getMyProfile(viewer: Viewer | null): Promise<MyProfile> {
  const me = requirePermission(viewer, "profile:edit");
  const profile = await db.user.findUnique({ where: { id: me.id }, select: { name: true, handle: true, bio: true, email: true, avatarUrl: true, links: true } });
  if (!profile) throw new AppError("NOT_FOUND");
  return { ...profile, links: readProfileLinks(profile.links) };
}

const handleTaken = () => new AppError("CONFLICT", "That handle is taken.", { handle: ["That handle is taken; please choose another."] });

/**
 * The signed-in user only: updates their own name, bio, links and handle. A changed handle keeps
 * the old one as a redirect to the new; other people's current and earlier handles are taken.
 * Returns the handles before and after, for expiring both profile URLs.
 */
export async function updateMyProfile(viewer: Viewer | null, input: ProfileInput): Promise<{ id: string; handle: string; previousHandle: string }> {
  const me = requirePermission(viewer, "profile:edit");
  const data = { name: input.name, bio: input.bio, ...(input.links ? { links: input.links } : {}) };
  try {
    const saved = await db.$transaction(async (tx) => {
      const current = await tx.user.findUniqueOrThrow({ where: { id: me.id }, select: { handle: true } });
      const handle = input.handle ?? current.handle;
      if (handle !== current.handle) {
        const former = await tx.handleRedirect.findUnique({ where: { oldHandle: handle }, select: { userId: true } });
        if (former && former.userId !== me.id) throw handleTaken();
        // Taking back one's own earlier handle: it is current again, not a redirect.
        if (former) await tx.handleRedirect.delete({ where: { oldHandle: handle } });
        await tx.handleRedirect.upsert({ where: { oldHandle: current.handle }, create: { oldHandle: current.handle, userId: me.id }, update: { userId: me.id } });
      }
      const user = await tx.user.update({ where: { id: me.id }, data: { ...data, handle }, select: { id: true, handle: true } });
      return { ...user, previousHandle: current.handle };
    });
    if (input.name !== me.name) await refreshCreatorSearchVectors(me.id);
    return saved;
  } catch (error) {
    if (isUniqueViolation(error, "handle")) throw handleTaken();
    throw error;
  }
}

/** The signed-in user only: makes one of their own uploaded images their avatar; another user's image is NOT_FOUND. */
export async function setMyAvatar(viewer: Viewer | null, mediaId: string): Promise<{ id: string; handle: string; avatarUrl: string }> {
  const me = requirePermission(viewer, "profile:edit");
  const media = await getMyMedia(me, mediaId);
  return db.user.update({ where: { id: me.id }, data: { avatarUrl: media.url }, select: { id: true, handle: true, avatarUrl: true } }) as Promise<{ id: string; handle: string; avatarUrl: string }>;
}

/** The signed-in user only: goes back to initials instead of an image. */
export async function removeMyAvatar(viewer: Viewer | null): Promise<{ id: string; handle: string }> {
  const me = requirePermission(viewer, "profile:edit");
  return db.user.update({ where: { id: me.id }, data: { avatarUrl: null }, select: { id: true, handle: true } });
}

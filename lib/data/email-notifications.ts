import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { NotificationKind } from "@/lib/generated/prisma/client";
import { addJob, JOB_PRIORITY } from "@/lib/data/job-queue";
import { queueEmails } from "@/lib/data/email";
import { EMAIL_KINDS, type EmailKind } from "@/lib/domain/email-preferences";
import { publicWhere, storyHref } from "@/lib/data/story-shapes";
import { siteUrl } from "@/lib/env";

type Tx = Prisma.TransactionClient;

/** Which preference an in-app notification's email comes under; "sanction" is always sent. */
const emailKindOf: Record<NotificationKind, EmailKind | "sanction"> = {
  REPLY: "reply",
  NEW_COMMENT: "comment",
  STORY_APPROVED: "review",
  STORY_CHANGES_REQUESTED: "review",
  STORY_UNPUBLISHED: "review",
  COMMENT_HIDDEN: "review",
  APPEAL_ANSWERED: "review",
  RESTRICTED: "sanction",
  // Challenge results come with the review emails (about what happened to your stories).
  CHALLENGE_RESULT: "review",
};

/** Notifications of these kinds arriving within this many seconds of each other share one email. */
export function batchSeconds(): number {
  const value = Number(process.env.EMAIL_BATCH_SECONDS ?? 120);
  return Number.isFinite(value) && value >= 0 ? value : 120;
}

/**
 * Inside the transaction that notified them (lib/data/notifications.ts notifyMany): queues an
 * email for each member who wants this kind, one per member, kind and batch window; the email,
 * sent when the window closes, lists every notification of the kind from that window.
 */
export async function queueNotificationEmails(tx: Tx, notifications: { userId: string; kind: NotificationKind }[]) {
  if (!notifications.length) return;
  const users = await tx.user.findMany({
    where: { id: { in: [...new Set(notifications.map((n) => n.userId))] }, emailVerifiedAt: { not: null } },
    select: { id: true, email: true, name: true, emailOnReply: true, emailOnComment: true, emailOnReview: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  const windowMs = batchSeconds() * 1000;
  const windowStart = windowMs ? Math.floor(Date.now() / windowMs) * windowMs : Date.now();
  const emails = notifications.flatMap((n) => {
    const user = byId.get(n.userId);
    const kind = emailKindOf[n.kind];
    if (!user || (kind !== "sanction" && !(user as Record<string, unknown>)[EMAIL_KINDS[kind].column])) return [];
    const group = kind === "sanction" ? `sanction` : kind;
    return [{ key: `notify:${user.id}:${group}:${windowStart}`, userId: user.id, to: user.email, template: "notification-digest" as const, data: { name: user.name, group, since: new Date(windowStart).toISOString() } }];
  });
  await queueEmails(tx, emails, { runAt: new Date(windowStart + windowMs) });
}

/** The notifications an email of `group` lists: that member's, of the group's kinds, from its window. */
export async function notificationsForEmail(userId: string, group: string, since: Date) {
  const kinds = (Object.keys(emailKindOf) as NotificationKind[]).filter((k) => (emailKindOf[k] === "sanction" ? "sanction" : emailKindOf[k]) === group);
  const until = new Date(since.getTime() + Math.max(batchSeconds() * 1000, 1000));
  const rows = await db.notification.findMany({ where: { userId, kind: { in: kinds }, createdAt: { gte: since, lt: until } }, orderBy: { createdAt: "asc" }, take: 20, select: { message: true, href: true } });
  return rows.map((r) => ({ message: r.message, url: r.href ? `${siteUrl()}${r.href}` : null }));
}

/** Inside the transaction that first publishes a story: queues the job that emails its creator's followers. */
export async function queueNewStoryFanOut(tx: Tx, storyId: string) {
  await addJob(tx, "new-story-fan-out", { storyId }, { jobKey: `fan-out:${storyId}`, priority: JOB_PRIORITY.fanOut });
}

const FAN_OUT_PAGE = 1000;

/**
 * The system (the "new-story-fan-out" job): queues one email per follower who wants them (and
 * whose address is confirmed), a page of followers per job, the next page as the next job. The
 * key per story and follower means a story published again never emails anyone twice.
 */
export async function fanOutNewStory(storyId: string, after?: string): Promise<{ queued: number }> {
  const story = await db.story.findFirst({
    where: { id: storyId, ...publicWhere },
    select: { title: true, subtitle: true, slug: true, authorId: true, community: { select: { slug: true } }, author: { select: { name: true } } },
  });
  if (!story?.slug) return { queued: 0 };
  const follows = await db.follow.findMany({
    where: { creatorId: story.authorId, ...(after ? { followerId: { gt: after } } : {}), follower: { emailOnFollowed: true, emailVerifiedAt: { not: null }, status: "ACTIVE" } },
    orderBy: { followerId: "asc" },
    take: FAN_OUT_PAGE,
    select: { follower: { select: { id: true, email: true, name: true } } },
  });
  const url = `${siteUrl()}${storyHref(story.community.slug, story.slug)}`;
  await db.$transaction(async (tx) => {
    await queueEmails(
      tx,
      follows.map(({ follower }) => ({ key: `new-story:${storyId}:${follower.id}`, userId: follower.id, to: follower.email, template: "new-story" as const, data: { name: follower.name, creatorName: story.author.name, title: story.title, subtitle: story.subtitle, url } })),
    );
    if (follows.length === FAN_OUT_PAGE) await addJob(tx, "new-story-fan-out", { storyId, after: follows.at(-1)!.follower.id }, { jobKey: `fan-out:${storyId}:${follows.at(-1)!.follower.id}`, priority: JOB_PRIORITY.fanOut });
  });
  return { queued: follows.length };
}

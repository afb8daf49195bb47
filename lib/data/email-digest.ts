import "server-only";
import { db } from "@/lib/db";
import { queueEmails } from "@/lib/data/email";
import { publicWhere, storyHref } from "@/lib/data/story-shapes";
import { siteUrl } from "@/lib/env";

const PAGE = 1000;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The system (the "weekly-digest" job, Mondays 08:00 UTC from the queue's schedule): queues a
 * digest for every confirmed member who asked for one, keyed by the week, so a second run of the
 * same week queues nothing new. What goes in it is chosen when it is sent.
 */
export async function queueWeeklyDigests(at = new Date()): Promise<{ queued: number }> {
  const week = new Date(at.getTime() - (at.getTime() % WEEK_MS)).toISOString().slice(0, 10);
  const since = new Date(at.getTime() - WEEK_MS).toISOString();
  let after: string | undefined;
  let queued = 0;
  for (;;) {
    const users = await db.user.findMany({
      where: { emailDigest: true, emailVerifiedAt: { not: null }, status: "ACTIVE", ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: PAGE,
      select: { id: true, email: true, name: true },
    });
    if (!users.length) break;
    await db.$transaction((tx) => queueEmails(tx, users.map((u) => ({ key: `digest:${week}:${u.id}`, userId: u.id, to: u.email, template: "weekly-digest" as const, data: { name: u.name, since } }))));
    queued += users.length;
    after = users.at(-1)!.id;
    if (users.length < PAGE) break;
  }
  return { queued };
}

/** The top stories of the week from the creators a member follows (most hearted first); none: no digest. */
export async function digestStoriesFor(userId: string, since: Date) {
  const stories = await db.story.findMany({
    where: { ...publicWhere, publishedAt: { gte: since }, author: { status: "ACTIVE", followers: { some: { followerId: userId } } } },
    orderBy: [{ heartCount: "desc" }, { publishedAt: "desc" }],
    take: 5,
    select: { title: true, subtitle: true, slug: true, community: { select: { slug: true } }, author: { select: { name: true } } },
  });
  return stories.map((s) => ({ title: s.title, subtitle: s.subtitle, creatorName: s.author.name, url: `${siteUrl()}${storyHref(s.community.slug, s.slug ?? "")}` }));
}

import "server-only";
import { afterKeyset } from "@/lib/data/keyset";
import { db, type Prisma } from "@/lib/db";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import type { AuditLogFilter } from "@/lib/validation/moderation";
import type { ModerationActionKind, ModerationTarget } from "@/lib/generated/prisma/enums";

type Person = { id: string; name: string; handle: string };
export type AuditLogEntry = {
  id: string;
  action: ModerationActionKind;
  targetType: ModerationTarget;
  targetId: string;
  reason: string;
  details: unknown;
  createdAt: Date;
  expiresAt: Date | null;
  /** null: the system (an expiry) */
  actor: Person | null;
  subject: Person | null;
  /** What the entry is about, by name (a story's title, a member's name), with where to see it; null when it is gone or has no name. */
  target: { label: string; href: string | null } | null;
};

/** Rows for `ids`, without a round trip when there are none (Prisma would send `WHERE 1=0`). */
const byIds = <T>(ids: string[], find: (ids: string[]) => Promise<T[]>): Promise<T[]> => (ids.length ? find(ids) : Promise.resolve([]));

/** Names the entries' targets in five queries at most, whatever the page holds. */
async function nameTargets(rows: { targetType: ModerationTarget; targetId: string }[]): Promise<Map<string, AuditLogEntry["target"]>> {
  const idsOf = (type: ModerationTarget) => [...new Set(rows.filter((r) => r.targetType === type).map((r) => r.targetId))];
  const storyLink = (s: { id: string; title: string; slug: string | null; status: string; community: { slug: string } }) => ({
    label: s.title || "Untitled story",
    href: s.status === "PUBLISHED" && s.slug ? `/${s.community.slug}/${s.slug}` : `/admin/reviews/${s.id}`,
  });
  const storySelect = { id: true, title: true, slug: true, status: true, community: { select: { slug: true } } } as const;
  const [stories, comments, users, communities, challenges] = await Promise.all([
    byIds(idsOf("STORY"), (ids) => db.story.findMany({ where: { id: { in: ids } }, select: storySelect })),
    byIds(idsOf("COMMENT"), (ids) => db.comment.findMany({ where: { id: { in: ids } }, select: { id: true, story: { select: storySelect } } })),
    byIds(idsOf("USER"), (ids) => db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })),
    byIds(idsOf("COMMUNITY"), (ids) => db.community.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })),
    byIds(idsOf("CHALLENGE"), (ids) => db.challenge.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })),
  ]);
  const names = new Map<string, AuditLogEntry["target"]>();
  for (const s of stories) names.set(`STORY:${s.id}`, storyLink(s));
  for (const c of comments) {
    const on = storyLink(c.story);
    names.set(`COMMENT:${c.id}`, { label: `a comment on “${on.label}”`, href: on.href });
  }
  for (const u of users) names.set(`USER:${u.id}`, { label: u.name, href: `/admin/users/${u.id}` });
  for (const c of communities) names.set(`COMMUNITY:${c.id}`, { label: c.name, href: `/admin/communities/${c.id}` });
  for (const c of challenges) names.set(`CHALLENGE:${c.id}`, { label: c.title, href: `/admin/challenges/${c.id}` });
  return names;
}

/** Staff (log:view): every moderation action newest first, filtered by kind, target type, actor or subject handle; keyset by id. */
export async function listAuditLog(viewer: Viewer | null, filter: AuditLogFilter, limit = 30): Promise<{ items: AuditLogEntry[]; nextCursor: string | null }> {
  requirePermission(viewer, "log:view");
  const [actor, subject] = await Promise.all([
    filter.actor ? db.user.findUnique({ where: { handle: filter.actor }, select: { id: true } }) : undefined,
    filter.subject ? db.user.findUnique({ where: { handle: filter.subject }, select: { id: true } }) : undefined,
  ]);
  // An unknown handle matches nothing rather than everything.
  if (actor === null || subject === null) return { items: [], nextCursor: null };
  const where: Prisma.ModerationActionWhereInput = {
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.target ? { targetType: filter.target } : {}),
    ...(actor ? { actorId: actor.id } : {}),
    ...(subject ? { subjectUserId: subject.id } : {}),
  };
  const cursorRow = filter.cursor ? await db.moderationAction.findUnique({ where: { id: filter.cursor }, select: { id: true, createdAt: true } }) : null;
  const rows = await db.moderationAction.findMany({
    where: { ...where, ...(cursorRow ? afterKeyset(["createdAt", "id"], cursorRow) : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, action: true, targetType: true, targetId: true, reason: true, details: true, createdAt: true, expiresAt: true, actorId: true, subjectUserId: true },
  });
  const page = rows.slice(0, limit);
  const ids = [...new Set(page.flatMap((r) => [r.actorId, r.subjectUserId]).filter((id): id is string => Boolean(id)))];
  const [people, targets] = await Promise.all([
    byIds(ids, (ids) => db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, handle: true } })).then((rows) => new Map(rows.map((u) => [u.id, u]))),
    nameTargets(page),
  ]);
  const items = page.map(({ actorId, subjectUserId, ...r }) => ({
    ...r,
    actor: actorId ? (people.get(actorId) ?? null) : null,
    subject: subjectUserId ? (people.get(subjectUserId) ?? null) : null,
    target: targets.get(`${r.targetType}:${r.targetId}`) ?? null,
  }));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}

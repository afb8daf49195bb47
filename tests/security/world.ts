// Shared set-up for the security tests: fast users (no argon2 per user), restrictions, and a
// fingerprint of every table so a denied call can be shown to have changed nothing.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { findViewer } from "@/lib/data/users";
import type { Role, RestrictionKind, Viewer } from "@/lib/auth/permissions";
import { createComment } from "@/lib/data/comments";
import { createDraft, publishStory } from "@/lib/data/stories";
import { storyInput } from "../helpers/factories";

export const unique = () => randomUUID().replaceAll("-", "").slice(0, 10);

/** A user straight in the database (a dummy hash; nobody signs in as them). Trusted by default. */
export async function quickUser(options: { role?: Role; trusted?: boolean | null; name?: string; email?: string; createdAt?: Date } = {}): Promise<Viewer> {
  const id = unique();
  const user = await db.user.create({
    data: {
      email: options.email ?? `sec-${id}@example.com`,
      name: options.name ?? `Person ${id}`,
      handle: `p-${id}`,
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2VjdXJpdHl0ZXN0$dummydummydummydummydummydummydummydummydu",
      role: options.role ?? "READER",
      trustOverride: options.trusted === undefined ? true : options.trusted,
      // Established accounts by default, so the new-account spam limits don't muddy the matrix.
      createdAt: options.createdAt ?? new Date(Date.now() - 30 * 86_400_000),
    },
    select: { id: true },
  });
  return (await findViewer(user.id))!;
}

/** Puts restrictions on a user (as an admin would) and returns their viewer as the next request sees it. */
export async function restrict(userId: string, kinds: RestrictionKind[], by: string): Promise<Viewer> {
  for (const kind of kinds) await db.restriction.create({ data: { userId, kind, reason: `Test ${kind}`, createdById: by } });
  if (kinds.includes("SUSPENSION")) await db.user.update({ where: { id: userId }, data: { status: "SUSPENDED" } });
  return (await findViewer(userId))!;
}

export async function community() {
  const slug = `c-${unique()}`;
  return db.community.create({ data: { slug, name: `Community ${slug}`, minWords: 0, requireSubtitle: false }, select: { id: true, slug: true } });
}

export async function publishedStory(author: Viewer, communitySlug: string, overrides: Parameters<typeof storyInput>[1] = {}) {
  const { id } = await createDraft(author, storyInput(communitySlug, { title: `Story ${unique()}`, ...overrides }));
  const result = await publishStory(author, id);
  if (result.outcome !== "published") throw new Error(`expected published, got ${result.outcome}`);
  return { id, href: result.href! };
}

export async function draftStory(author: Viewer, communitySlug: string, overrides: Parameters<typeof storyInput>[1] = {}) {
  return createDraft(author, storyInput(communitySlug, { title: `Draft ${unique()}`, ...overrides }), { revision: "SAVE" });
}

export async function comment(author: Viewer, storyId: string, body = "A thoughtful comment") {
  return createComment(author, storyId, { body });
}

let tableNames: string[] | null = null;

/**
 * A fingerprint of every row of every table (md5 of the rows' text, per table). Two equal
 * fingerprints mean nothing was inserted, updated or deleted in between.
 */
export async function fingerprint(): Promise<Record<string, string>> {
  tableNames ??= (
    await db.$queryRawUnsafe<{ name: string }[]>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`)
  ).map((r) => r.name);
  const parts = tableNames.map((t) => `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x`);
  const rows = await db.$queryRawUnsafe<{ t: string; n: number; h: string }[]>(parts.join(" UNION ALL "));
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

/** The tables whose fingerprints differ. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}

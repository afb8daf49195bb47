import "server-only";
import { db, type Prisma } from "@/lib/db";
import { isId, isSlug } from "@/lib/validation/ids";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { recordAction } from "@/lib/data/audit";
import { isUniqueViolation } from "@/lib/data/prisma-errors";
import { publicWhere } from "@/lib/data/story-shapes";
import type { CommunityInput } from "@/lib/validation/community";

export type CommunityOption = { slug: string; name: string };
export type CommunityLook = { coverImageUrl: string | null; coverImageAlt: string | null; accentColor: string | null };
export type CommunityPage = CommunityLook & {
  id: string;
  slug: string;
  name: string;
  description: string;
  guidelines: string;
  requireSubtitle: boolean;
  requireHero: boolean;
  minWords: number;
  allowAiAssisted: boolean;
  archived: boolean;
};
export type CommunityDirectoryEntry = CommunityOption & CommunityLook & { description: string; storyCount: number };
export type CommunityRules = CommunityOption & { requireSubtitle: boolean; requireHero: boolean; minWords: number; allowAiAssisted: boolean; guidelines: string; archived: boolean };
export type CommunityAdminRow = CommunityOption & { id: string; storyCount: number; archivedAt: Date | null; updatedAt: Date };
export type CommunityForEditing = CommunityAdminRow & Omit<CommunityInput, "reason">;

const active = { archivedAt: null } as const;
const lookSelect = { coverImageUrl: true, coverImageAlt: true, accentColor: true } as const;
const rulesSelect = { slug: true, name: true, requireSubtitle: true, requireHero: true, minWords: true, allowAiAssisted: true, guidelines: true, archivedAt: true } as const;

/** Public: the communities that take new stories, for pickers and navigation. */
export async function listCommunities(): Promise<CommunityOption[]> {
  return db.community.findMany({ where: active, select: { slug: true, name: true }, orderBy: { name: "asc" } });
}

/** Public: the directory (/communities): every community taking stories, with its cover and how many stories it has. */
export async function listCommunityDirectory(): Promise<CommunityDirectoryEntry[]> {
  const [rows, counts] = await Promise.all([
    db.community.findMany({ where: active, select: { id: true, slug: true, name: true, description: true, ...lookSelect }, orderBy: { name: "asc" } }),
    db.story.groupBy({ by: ["communityId"], where: publicWhere, _count: { _all: true } }),
  ]);
  const storyCounts = new Map(counts.map((c) => [c.communityId, c._count._all]));
  return rows.map(({ id, ...row }) => ({ ...row, storyCount: storyCounts.get(id) ?? 0 }));
}

/** Public: one community (archived ones too: their stories stay readable) with its rules, or null. */
export async function getCommunity(slug: string): Promise<CommunityPage | null> {
  if (!isSlug(slug)) return null;
  const row = await db.community.findUnique({
    where: { slug: slug.toLowerCase() },
    select: { id: true, description: true, ...rulesSelect, ...lookSelect },
  });
  if (!row) return null;
  const { archivedAt, ...community } = row;
  return { ...community, archived: archivedAt !== null };
}

/** Public: the current slug of a community that used to be at `oldSlug`, or null. */
export async function findCommunityRedirect(oldSlug: string): Promise<string | null> {
  if (!isSlug(oldSlug)) return null;
  const row = await db.communityRedirect.findUnique({ where: { oldSlug: oldSlug.toLowerCase() }, select: { community: { select: { slug: true } } } });
  return row?.community.slug ?? null;
}

/** Public: every community with its publishing rules and guidelines, for the editor's picker and checks (archived ones marked). */
export async function listCommunityRules(): Promise<CommunityRules[]> {
  const rows = await db.community.findMany({ select: rulesSelect, orderBy: { name: "asc" } });
  return rows.map(({ archivedAt, ...row }) => ({ ...row, archived: archivedAt !== null }));
}

const adminSelect = { id: true, slug: true, name: true, archivedAt: true, updatedAt: true, _count: { select: { stories: { where: publicWhere } } } } as const;
type AdminRow = Prisma.CommunityGetPayload<{ select: typeof adminSelect }>;
const toAdminRow = ({ _count, ...row }: AdminRow): CommunityAdminRow => ({ ...row, storyCount: _count.stories });

/** Admins (`community:manage`): every community, archived ones last. */
export async function listCommunitiesForAdmin(viewer: Viewer | null): Promise<CommunityAdminRow[]> {
  requirePermission(viewer, "community:manage");
  const rows = await db.community.findMany({ select: adminSelect, orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }] });
  return rows.map(toAdminRow);
}

/** Admins (`community:manage`): one community as the edit form shows it. */
export async function getCommunityForEditing(viewer: Viewer | null, id: string): Promise<CommunityForEditing> {
  requirePermission(viewer, "community:manage");
  const row = isId(id)
    ? await db.community.findUnique({
        where: { id },
        select: { ...adminSelect, description: true, guidelines: true, requireSubtitle: true, requireHero: true, minWords: true, allowAiAssisted: true, ...lookSelect },
      })
    : null;
  if (!row) throw new AppError("NOT_FOUND", "We couldn't find that community.");
  const { coverImageUrl, coverImageAlt, accentColor, ...rest } = row;
  return { ...toAdminRow(rest), ...rest, storyCount: rest._count.stories, coverImageUrl: coverImageUrl ?? "", coverImageAlt: coverImageAlt ?? "", accentColor: accentColor ?? "" };
}

function communityData({ reason: _reason, coverImageUrl, coverImageAlt, accentColor, ...input }: CommunityInput) {
  return { ...input, coverImageUrl: coverImageUrl || null, coverImageAlt: coverImageUrl ? coverImageAlt : null, accentColor: accentColor || null };
}

const slugTaken = () => new AppError("CONFLICT", "Another community has that address.", { slug: ["Another community has (or had) that address; choose another"] });

/** A slug is free when no community has it now and none had it before (its old links redirect there). */
async function assertSlugFree(tx: Prisma.TransactionClient, slug: string, communityId?: string) {
  const [current, former] = await Promise.all([
    tx.community.findUnique({ where: { slug }, select: { id: true } }),
    tx.communityRedirect.findUnique({ where: { oldSlug: slug }, select: { communityId: true } }),
  ]);
  if ((current && current.id !== communityId) || (former && former.communityId !== communityId)) throw slugTaken();
}

/** Admins (`community:manage`): creates a community, with an audit entry. */
export async function createCommunity(viewer: Viewer | null, input: CommunityInput): Promise<{ id: string; slug: string }> {
  const me = requirePermission(viewer, "community:manage");
  try {
    return await db.$transaction(async (tx) => {
      await assertSlugFree(tx, input.slug);
      const created = await tx.community.create({ data: communityData(input), select: { id: true, slug: true } });
      await recordAction(tx, { actorId: me.id, action: "COMMUNITY_CREATE", targetType: "COMMUNITY", targetId: created.id, reason: input.reason, details: { name: input.name, slug: input.slug } });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}

/**
 * Admins (`community:manage`): saves a community, with an audit entry of what changed. A new slug
 * keeps the old one as a permanent redirect; taking back a slug it had before drops that redirect.
 */
export async function updateCommunity(viewer: Viewer | null, id: string, input: CommunityInput): Promise<{ slug: string; oldSlug: string }> {
  const me = requirePermission(viewer, "community:manage");
  if (!isId(id)) throw new AppError("NOT_FOUND", "We couldn't find that community.");
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.community.findUnique({ where: { id }, select: { slug: true, name: true, description: true, guidelines: true, requireSubtitle: true, requireHero: true, minWords: true, allowAiAssisted: true, ...lookSelect } });
      if (!before) throw new AppError("NOT_FOUND", "We couldn't find that community.");
      const data = communityData(input);
      if (data.slug !== before.slug) {
        await assertSlugFree(tx, data.slug, id);
        await tx.communityRedirect.deleteMany({ where: { oldSlug: data.slug, communityId: id } });
        // Links to any slug it ever had keep working: earlier redirects already point at this id.
        await tx.communityRedirect.create({ data: { oldSlug: before.slug, communityId: id } });
      }
      await tx.community.update({ where: { id }, data, select: { id: true } });
      const changed = Object.fromEntries(
        (Object.keys(data) as (keyof typeof data)[]).filter((key) => before[key] !== data[key]).map((key) => [key, { from: before[key], to: data[key] }]),
      );
      await recordAction(tx, { actorId: me.id, action: "COMMUNITY_UPDATE", targetType: "COMMUNITY", targetId: id, reason: input.reason, details: changed });
      return { slug: data.slug, oldSlug: before.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}

/** Admins (`community:manage`): archives a community (its stories stay readable, it takes no new ones) or brings it back. */
export async function setCommunityArchived(viewer: Viewer | null, id: string, archived: boolean, reason: string): Promise<{ slug: string }> {
  const me = requirePermission(viewer, "community:manage");
  if (!isId(id)) throw new AppError("NOT_FOUND", "We couldn't find that community.");
  return db.$transaction(async (tx) => {
    const written = await tx.community.updateMany({ where: { id, archivedAt: archived ? null : { not: null } }, data: { archivedAt: archived ? new Date() : null } });
    const row = await tx.community.findUnique({ where: { id }, select: { slug: true } });
    if (!row) throw new AppError("NOT_FOUND", "We couldn't find that community.");
    // Already so (two admins at once, a resubmitted form): nothing changed, nothing to log.
    if (written.count) await recordAction(tx, { actorId: me.id, action: archived ? "COMMUNITY_ARCHIVE" : "COMMUNITY_RESTORE", targetType: "COMMUNITY", targetId: id, reason });
    return row;
  });
}

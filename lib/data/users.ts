import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { slugify, withNumericSuffix } from "@/lib/content/slug";
import type { SignUpInput } from "@/lib/validation/auth";
import type { ProfileInput } from "@/lib/validation/profile";
import { isUniqueViolation } from "@/lib/data/prisma-errors";
import { refreshCreatorSearchVectors } from "@/lib/data/search-vectors";

export type CreatorProfile = { id: string; name: string; handle: string; bio: string; avatarUrl: string | null; joinedAt: Date; followerCount: number; storyCount: number };
export type MyProfile = { name: string; handle: string; bio: string; email: string };

const viewerSelect = { id: true, name: true, handle: true, role: true, status: true } as const;

/** Anyone (the session layer): the user behind a session id, or null if the account is gone. */
export async function findViewer(id: string): Promise<Viewer | null> {
  return db.user.findUnique({ where: { id }, select: viewerSelect });
}

/** Anyone: creates an account. The email must be new; a handle is derived from the name. */
export async function createUser(input: SignUpInput): Promise<Viewer> {
  const passwordHash = await hashPassword(input.password);
  for (let attempt = 0; attempt < 3; attempt++) {
    const handle = await freeHandle(input.name);
    try {
      return await db.user.create({ data: { email: input.email, name: input.name, handle, passwordHash }, select: viewerSelect });
    } catch (error) {
      if (isUniqueViolation(error, "email")) {
        throw new AppError("CONFLICT", "An account with this email already exists.", { email: ["An account with this email already exists. Sign in instead?"] });
      }
      if (!isUniqueViolation(error, "handle")) throw error; // lost a race for the handle: try the next one
    }
  }
  throw new AppError("CONFLICT", "Please try again.");
}

async function freeHandle(name: string): Promise<string> {
  const base = slugify(name, 30) || "creator";
  const taken = await db.user.findMany({ where: { handle: { startsWith: base } }, select: { handle: true } });
  return withNumericSuffix(base, new Set(taken.map((u) => u.handle)));
}

/** Anyone (sign-in): the user if the password matches; null otherwise, in the same time either way. */
export async function verifyCredentials(email: string, password: string) {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  return ok && user ? { id: user.id, name: user.name, email: user.email } : null;
}

/** Public: a creator's profile by handle. */
export async function getCreatorProfile(handle: string): Promise<CreatorProfile | null> {
  const user = await db.user.findUnique({
    where: { handle: handle.toLowerCase() },
    select: {
      id: true,
      name: true,
      handle: true,
      bio: true,
      avatarUrl: true,
      createdAt: true,
      status: true,
      followerCount: true,
      _count: { select: { stories: { where: { status: "PUBLISHED" } } } },
    },
  });
  if (!user || user.status === "SUSPENDED") return null;
  const { createdAt, status: _status, _count, ...profile } = user;
  return { ...profile, joinedAt: createdAt, storyCount: _count.stories };
}

/** The signed-in user only: their own editable profile. */
export async function getMyProfile(viewer: Viewer | null): Promise<MyProfile> {
  const me = requirePermission(viewer, "profile:edit");
  const profile = await db.user.findUnique({ where: { id: me.id }, select: { name: true, handle: true, bio: true, email: true } });
  if (!profile) throw new AppError("NOT_FOUND");
  return profile;
}

/** The signed-in user only: updates their own name and bio. */
export async function updateMyProfile(viewer: Viewer | null, input: ProfileInput): Promise<{ id: string; handle: string }> {
  const me = requirePermission(viewer, "profile:edit");
  const saved = await db.user.update({ where: { id: me.id }, data: { name: input.name, bio: input.bio }, select: { id: true, handle: true } });
  if (input.name !== me.name) await refreshCreatorSearchVectors(me.id);
  return saved;
}

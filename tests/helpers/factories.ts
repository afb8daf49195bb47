// Small factories for integration tests: each test builds exactly the data it needs.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { findViewer, withFreeHandle } from "@/lib/data/users";
import { hashPassword } from "@/lib/auth/password";
import type { Role, UserStatus, Viewer } from "@/lib/auth/permissions";
import type { StoryInput } from "@/lib/validation/story";
import { createDraft, publishStory } from "@/lib/data/stories";

const unique = () => randomUUID().slice(0, 8);

const DEFAULT_PASSWORD = "correct horse battery";
/** The default password's argon2 hash, made once per test file: a hash costs ~35 ms of CPU, and a run makes ~900 accounts. */
let defaultPasswordHash: Promise<string> | undefined;

/**
 * A new account, as lib/data/users.ts createUser leaves it (its handle from the name, numbered if
 * taken, by the same withFreeHandle; a real argon2 hash of `password`), written straight to the
 * database: tests of signing up call createUser itself. `trusted` defaults to true (an admin's
 * override) so that tests about something other than review can publish directly; pass false
 * (always reviewed) or null (the automatic rule). A SUSPENDED status comes with the suspension that
 * causes it. The address is confirmed unless `confirmed: false`.
 */
export async function makeUser(options: { name?: string; role?: Role; status?: UserStatus; password?: string; trusted?: boolean | null; confirmed?: boolean } = {}): Promise<Viewer> {
  const passwordHash = await (options.password ? hashPassword(options.password) : (defaultPasswordHash ??= hashPassword(DEFAULT_PASSWORD)));
  const name = options.name ?? `Creator ${unique()}`;
  const data = {
    email: `user-${unique()}@example.com`,
    name,
    passwordHash,
    role: options.role,
    status: options.status,
    trustOverride: options.trusted === undefined ? true : options.trusted,
    emailVerifiedAt: options.confirmed === false ? null : new Date(),
  };
  const { id } = await withFreeHandle(name, (handle) => db.user.create({ data: { ...data, handle }, select: { id: true } }));
  if (options.status === "SUSPENDED") await db.restriction.create({ data: { userId: id, kind: "SUSPENSION", reason: "Test suspension", createdById: id } });
  return (await findViewer(id))!;
}

export async function makeCommunity(options: { minWords?: number; requireSubtitle?: boolean } = {}) {
  const slug = `community-${unique()}`;
  return db.community.create({ data: { slug, name: `Community ${slug}`, minWords: options.minWords ?? 0, requireSubtitle: options.requireSubtitle ?? false }, select: { id: true, slug: true } });
}

export function storyInput(community: string, overrides: Partial<StoryInput> = {}): StoryInput {
  return {
    title: "A walk by the river",
    subtitle: "Notes from an afternoon",
    community,
    body: "## The path\n\nWe walked along the water for an hour.\n\n## The bridge\n\nThen we crossed the old stone bridge.",
    tags: [],
    heroImageUrl: "",
    heroImageAlt: "",
    aiAssisted: false,
    ...overrides,
  };
}

/** A story that went live (the author must be trusted, as makeUser's are by default). */
export async function makePublishedStory(author: Viewer, community: string, overrides: Partial<StoryInput> = {}) {
  const { id } = await createDraft(author, storyInput(community, overrides));
  const result = await publishStory(author, id);
  if (result.outcome !== "published" || !result.href) throw new Error(`makePublishedStory: the story was ${result.outcome}, not published (is the author trusted?)`);
  return { ...result, href: result.href };
}

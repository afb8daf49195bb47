import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  createCommunity,
  findCommunityRedirect,
  getCommunity,
  getCommunityForEditing,
  listCommunities,
  listCommunitiesForAdmin,
  listCommunityDirectory,
  setCommunityArchived,
  updateCommunity,
} from "@/lib/data/communities";
import { createDraft, saveAndPublishStory, updateStory } from "@/lib/data/stories";
import { getPublishedStory } from "@/lib/data/public-stories";
import { listAuditLog } from "@/lib/data/audit-log";
import { listPopularTags } from "@/lib/data/tags";
import { communityInputSchema, type CommunityInput } from "@/lib/validation/community";
import { makePublishedStory, makeUser, storyInput } from "../helpers/factories";

let n = 0;
function input(overrides: Partial<CommunityInput> = {}): CommunityInput {
  n += 1;
  const suffix = `${Date.now().toString(36)}-${n}`;
  return communityInputSchema.parse({ name: `Poetry ${suffix}`, slug: `poetry-${suffix}`, description: "Short verse", guidelines: "Be kind.", minWords: "0", allowAiAssisted: "on", reason: "A home for poems", ...overrides });
}

describe("communities: who may manage them", () => {
  it("admins create, edit and archive; moderators, creators, suspended admins and visitors may not", async () => {
    const [admin, mod, reader, suspendedAdmin] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser({ role: "MODERATOR" }), makeUser(), makeUser({ role: "ADMIN", status: "SUSPENDED" })]);
    const created = await createCommunity(admin, input());
    for (const who of [mod, reader, suspendedAdmin]) {
      await expect(createCommunity(who, input())).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(updateCommunity(who, created.id, input())).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(setCommunityArchived(who, created.id, true, "no")).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listCommunitiesForAdmin(who)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getCommunityForEditing(who, created.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(createCommunity(null, input())).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    // Nothing the refused calls tried was written.
    expect((await getCommunityForEditing(admin, created.id)).archivedAt).toBeNull();
  });

  it("every decision goes in the audit log with its reason and what changed", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const first = input({ reason: "Readers asked for it" });
    const { id } = await createCommunity(admin, first);
    await updateCommunity(admin, id, { ...first, minWords: 300, requireHero: true, reason: "Longer pieces only" });
    await setCommunityArchived(admin, id, true, "Merged into Verse");
    // Archiving twice changes nothing and logs nothing.
    await setCommunityArchived(admin, id, true, "Again");
    await setCommunityArchived(admin, id, false, "Brought back by request");
    const log = (await listAuditLog(admin, { target: "COMMUNITY", actor: admin.handle })).items;
    expect(log.map((e) => [e.action, e.reason])).toEqual([
      ["COMMUNITY_RESTORE", "Brought back by request"],
      ["COMMUNITY_ARCHIVE", "Merged into Verse"],
      ["COMMUNITY_UPDATE", "Longer pieces only"],
      ["COMMUNITY_CREATE", "Readers asked for it"],
    ]);
    expect(log[2].details).toEqual({ minWords: { from: 0, to: 300 }, requireHero: { from: false, to: true } });
    // The log names the community, with a link to edit it.
    expect(log[0].target).toEqual({ label: first.name, href: `/admin/communities/${id}` });
  });
});

describe("communities: addresses", () => {
  it("a new slug redirects from the old one, and neither may be taken by another community", async () => {
    const [admin, creator] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser()]);
    const original = input();
    const { id, slug: oldSlug } = await createCommunity(admin, original);
    const story = await makePublishedStory(creator, oldSlug);
    const storySlug = story.href.split("/")[2];
    const renamed = { ...original, slug: `${oldSlug}-new`, reason: "A clearer address" };
    await updateCommunity(admin, id, renamed);

    expect(await getCommunity(oldSlug)).toBeNull();
    expect(await findCommunityRedirect(oldSlug)).toBe(renamed.slug);
    expect(await getPublishedStory(renamed.slug, storySlug)).toMatchObject({ id: story.id });
    // The old address is reserved for the redirect, the new one is taken.
    await expect(createCommunity(admin, input({ slug: oldSlug }))).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { slug: [expect.any(String)] } });
    await expect(createCommunity(admin, input({ slug: renamed.slug }))).rejects.toMatchObject({ code: "CONFLICT" });

    // Moving again: every earlier address still leads to the current one; taking one back drops its redirect.
    await updateCommunity(admin, id, { ...renamed, slug: `${oldSlug}-third` });
    expect(await findCommunityRedirect(oldSlug)).toBe(`${oldSlug}-third`);
    expect(await findCommunityRedirect(renamed.slug)).toBe(`${oldSlug}-third`);
    await updateCommunity(admin, id, { ...renamed, slug: oldSlug });
    expect(await findCommunityRedirect(oldSlug)).toBeNull();
    expect(await getCommunity(oldSlug)).toMatchObject({ id });
  });

  it("refuses the site's own paths as addresses", () => {
    for (const slug of ["admin", "tags", "communities", "studio"]) {
      expect(communityInputSchema.safeParse({ ...input(), slug }).success).toBe(false);
    }
    expect(communityInputSchema.safeParse({ ...input(), slug: "Not A Slug" }).success).toBe(false);
  });
});

describe("communities: archiving", () => {
  it("keeps stories readable and edits possible, but takes no new drafts or stories", async () => {
    const [admin, creator] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser()]);
    const { id, slug } = await createCommunity(admin, input());
    const live = await makePublishedStory(creator, slug);
    const draft = await createDraft(creator, storyInput(slug, { title: "Unfinished" }));
    await setCommunityArchived(admin, id, true, "Closing it");

    // Readable, but gone from the directory and the pickers.
    expect(await getPublishedStory(slug, live.href.split("/")[2])).toMatchObject({ id: live.id });
    expect(await getCommunity(slug)).toMatchObject({ archived: true });
    expect((await listCommunities()).map((c) => c.slug)).not.toContain(slug);
    expect((await listCommunityDirectory()).map((c) => c.slug)).not.toContain(slug);

    // No new drafts, no publishing a draft that was there, no moving a story into it.
    await expect(createDraft(creator, storyInput(slug))).rejects.toMatchObject({ code: "INVALID", fieldErrors: { community: [expect.stringContaining("archived")] } });
    await expect(saveAndPublishStory(creator, draft.id, storyInput(slug, { title: "Unfinished" }))).rejects.toMatchObject({ code: "INVALID", fieldErrors: { community: [expect.stringContaining("archived")] } });
    // A live story in it can still be corrected.
    await expect(saveAndPublishStory(creator, live.id, storyInput(slug, { title: "A walk by the river, corrected" }))).resolves.toMatchObject({ outcome: "published" });
    // The draft may still be saved, and moved to another community.
    await expect(updateStory(creator, draft.id, storyInput(slug, { title: "Still unfinished" }))).resolves.toMatchObject({ id: draft.id });

    await setCommunityArchived(admin, id, false, "Reopened");
    await expect(saveAndPublishStory(creator, draft.id, storyInput(slug, { title: "Finished" }))).resolves.toMatchObject({ outcome: "published" });
  });

  it("refuses AI-assisted stories where the community says so", async () => {
    const [admin, creator] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser()]);
    const { slug } = await createCommunity(admin, input({ allowAiAssisted: false }));
    const draft = await createDraft(creator, storyInput(slug, { aiAssisted: true }));
    await expect(saveAndPublishStory(creator, draft.id, storyInput(slug, { aiAssisted: true }))).rejects.toMatchObject({ code: "INVALID", fieldErrors: { aiAssisted: [expect.stringContaining("AI-assisted")] } });
    await expect(saveAndPublishStory(creator, draft.id, storyInput(slug, { aiAssisted: false }))).resolves.toMatchObject({ outcome: "published" });
  });
});

describe("the directory and popular tags", () => {
  it("count only stories readers can see", async () => {
    const [admin, creator, hidden] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser(), makeUser()]);
    const { slug } = await createCommunity(admin, input({ description: "Counted" }));
    const tag = `tag-${Date.now().toString(36)}`;
    await makePublishedStory(creator, slug, { tags: [{ slug: tag, name: tag }] });
    await makePublishedStory(hidden, slug, { tags: [{ slug: tag, name: tag }] });
    await createDraft(creator, storyInput(slug, { tags: [{ slug: tag, name: tag }] }));
    // A suspended creator's stories are hidden from the public.
    await db.user.update({ where: { id: hidden.id }, data: { status: "SUSPENDED" } });
    expect((await listCommunityDirectory()).find((c) => c.slug === slug)).toMatchObject({ description: "Counted", storyCount: 1 });
    expect((await listPopularTags()).find((t) => t.slug === tag)).toEqual({ slug: tag, name: tag, storyCount: 1 });
  });
});

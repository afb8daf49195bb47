import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createDraft, deleteStory, publishStory, saveAndPublishStory, unpublishStory, updateStory } from "@/lib/data/stories";
import { getPublishedStory, listPublishedStories } from "@/lib/data/public-stories";
import { getStoryForEditing, listMyStories } from "@/lib/data/studio-stories";
import { getRevision, listRevisions, restoreRevision } from "@/lib/data/revisions";
import { makeCommunity, makePublishedStory, makeUser, storyInput } from "../helpers/factories";

describe("saving with versions", () => {
  it("each save moves the version on; a save naming an older version is a CONFLICT and changes nothing", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const { id, version } = await createDraft(author, storyInput(community.slug));
    expect(version).toBe(1);
    const first = await updateStory(author, id, storyInput(community.slug, { title: "From tab one" }), { expectedVersion: 1 });
    expect(first.version).toBe(2);
    await expect(updateStory(author, id, storyInput(community.slug, { title: "From tab two" }), { expectedVersion: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await getStoryForEditing(author, id)).toMatchObject({ title: "From tab one", version: 2 });
  });

  it("saves the hero image, its description and the AI disclosure", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const { id } = await createDraft(author, storyInput(community.slug, { heroImageUrl: "/media/hero.webp", heroImageAlt: "A river at dusk", aiAssisted: true }));
    expect(await getStoryForEditing(author, id)).toMatchObject({ heroImageUrl: "/media/hero.webp", heroImageAlt: "A river at dusk", aiAssisted: true });
  });

  it("a draft may keep a hero image without a description, but publishing (or editing it live) needs one", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const { id } = await createDraft(author, storyInput(community.slug, { heroImageUrl: "/media/hero.webp", heroImageAlt: "" }));
    await expect(publishStory(author, id)).rejects.toMatchObject({ code: "INVALID", fieldErrors: { heroImageAlt: [expect.stringMatching(/Describe the hero image/)] } });
    await updateStory(author, id, storyInput(community.slug, { heroImageUrl: "/media/hero.webp", heroImageAlt: "A river at dusk" }));
    await publishStory(author, id);
    await expect(updateStory(author, id, storyInput(community.slug, { heroImageUrl: "/media/hero.webp", heroImageAlt: "" }))).rejects.toMatchObject({ fieldErrors: { heroImageAlt: [expect.any(String)] } });
  });

  it("another creator's save is NOT_FOUND, whatever version it names", async () => {
    const [author, intruder] = await Promise.all([makeUser(), makeUser()]);
    const community = await makeCommunity();
    const { id } = await createDraft(author, storyInput(community.slug));
    await expect(updateStory(intruder, id, storyInput(community.slug, { title: "Defaced" }), { expectedVersion: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.story.findUniqueOrThrow({ where: { id } })).title).toBe("A walk by the river");
  });
});

describe("revisions", () => {
  it("explicit saves and publishes keep revisions, autosaves do not; the author restores one", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const { id } = await createDraft(author, storyInput(community.slug, { title: "First words" }), { revision: "SAVE" });
    await updateStory(author, id, storyInput(community.slug, { title: "Autosaved" }));
    await updateStory(author, id, storyInput(community.slug, { title: "Second words", body: "## New\n\nAll new text." }), { revision: "SAVE" });
    await publishStory(author, id);
    const revisions = await listRevisions(author, id);
    expect(revisions.map((r) => [r.kind, r.title])).toEqual([
      ["PUBLISH", "Second words"],
      ["SAVE", "Second words"],
      ["SAVE", "First words"],
    ]);
    const oldest = revisions[2];
    expect(await getRevision(author, oldest.id)).toMatchObject({ storyId: id, title: "First words", body: storyInput(community.slug).body });

    const restored = await restoreRevision(author, oldest.id);
    expect(restored.href).toMatch(/\/second-words$/); // the URL stays; the published page shows the restored text
    const page = await getPublishedStory(community.slug, "second-words");
    expect(page?.title).toBe("First words");
    expect((await listRevisions(author, id))[0]).toMatchObject({ kind: "RESTORE", title: "First words" });
  });

  it("submitting for review keeps a SUBMIT revision of what was sent: a new story, and a held edit beside the live text", async () => {
    const author = await makeUser({ trusted: false });
    const community = await makeCommunity();
    const { id } = await createDraft(author, storyInput(community.slug, { title: "Sent for review" }));
    expect((await publishStory(author, id)).outcome).toBe("submitted");
    expect((await listRevisions(author, id)).map((r) => [r.kind, r.title])).toEqual([["SUBMIT", "Sent for review"]]);

    // A live story of an untrusted creator: a held save keeps none; submitting the edit keeps its text, not the live one.
    await db.user.update({ where: { id: author.id }, data: { trustOverride: true } });
    const live = await makePublishedStory(author, community.slug, { title: "Live words" });
    await db.user.update({ where: { id: author.id }, data: { trustOverride: false } });
    const edit = storyInput(community.slug, { title: "Live words", body: "## Rewritten\n\nA whole new story replaces the old one here, every word of it changed." });
    const held = await updateStory(author, live.id, edit);
    expect(held.held).toBe(true);
    expect((await listRevisions(author, live.id)).map((r) => r.kind)).toEqual(["PUBLISH"]);
    expect((await saveAndPublishStory(author, live.id, edit, { expectedVersion: held.version })).outcome).toBe("submitted");
    const [submitted] = await listRevisions(author, live.id);
    expect(submitted.kind).toBe("SUBMIT");
    expect((await getRevision(author, submitted.id)).body).toContain("A whole new story");
    expect((await getPublishedStory(community.slug, "live-words"))?.bodyHtml).not.toContain("A whole new story");
  });

  it("a trusted creator scheduling a story keeps no SUBMIT revision (nothing waits for review)", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const { id } = await createDraft(author, storyInput(community.slug));
    expect((await publishStory(author, id, { scheduledAt: new Date(Date.now() + 86_400_000) })).outcome).toBe("scheduled");
    expect(await listRevisions(author, id)).toEqual([]);
  });

  it("another creator cannot list, read or restore someone's revisions: NOT_FOUND, and nothing changes", async () => {
    const [author, intruder] = await Promise.all([makeUser(), makeUser()]);
    const community = await makeCommunity();
    const { id } = await createDraft(author, storyInput(community.slug), { revision: "SAVE" });
    const [revision] = await listRevisions(author, id);
    await expect(listRevisions(intruder, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRevision(intruder, revision.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(restoreRevision(intruder, revision.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRevision(null, revision.id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.storyRevision.count({ where: { storyId: id } })).toBe(1);
  });
});

describe("unpublish and delete", () => {
  it("the author unpublishes: off public lists, still in the studio, publishable again at the same URL", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const story = await makePublishedStory(author, community.slug);
    const result = await unpublishStory(author, story.id);
    expect(result.href).toBe(story.href);
    expect(await getPublishedStory(community.slug, "a-walk-by-the-river")).toBeNull();
    expect(((await listMyStories(author)).items).map((s) => s.status)).toEqual(["UNPUBLISHED"]);
    expect((await publishStory(author, story.id)).href).toBe(story.href);
  });

  it("another creator cannot unpublish or delete someone's story", async () => {
    const [author, intruder] = await Promise.all([makeUser(), makeUser()]);
    const community = await makeCommunity();
    const story = await makePublishedStory(author, community.slug);
    await expect(unpublishStory(intruder, story.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteStory(intruder, story.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteStory(null, story.id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.story.findUniqueOrThrow({ where: { id: story.id } })).toMatchObject({ status: "PUBLISHED", deletedAt: null });
  });

  it("the author deletes: gone from every list, its URL and the editor", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const story = await makePublishedStory(author, community.slug);
    await deleteStory(author, story.id);
    expect(await getPublishedStory(community.slug, "a-walk-by-the-river")).toBeNull();
    expect((await listPublishedStories({ communitySlug: community.slug })).items).toEqual([]);
    expect((await listMyStories(author)).items).toEqual([]);
    await expect(getStoryForEditing(author, story.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateStory(author, story.id, storyInput(community.slug))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { db } from "@/lib/db";
import { exportMyData } from "@/lib/data/creator-export";
import { uploadImage } from "@/lib/data/media";
import { setMyAvatar } from "@/lib/data/users";
import { createDraft, deleteStory } from "@/lib/data/stories";
import { createComment } from "@/lib/data/comments";
import { parseStoryMarkdown } from "@/lib/porting/creator-archive";
import { makeCommunity, makePublishedStory, makeUser, storyInput } from "../helpers/factories";
import { testPng } from "../helpers/images";
import { readAll, zipEntries } from "../helpers/zip";

process.env.UPLOADS_DIR = mkdtempSync(path.join(tmpdir(), "storyhouse-export-"));


async function exportOf(viewer: Awaited<ReturnType<typeof makeUser>>) {
  const { fileName, stream } = await exportMyData(viewer);
  return { fileName, zip: zipEntries(await readAll(stream)) };
}

describe("exportMyData", () => {
  it("writes every story not deleted as Markdown with front matter, the images they use, the comments written and the profile", async () => {
    const me = await makeUser({ name: "Export Owner" });
    const other = await makeUser();
    const { slug: community } = await makeCommunity();
    const hero = await uploadImage(me, await testPng(800, 200));
    const inline = await uploadImage(me, await testPng(500, 20));
    const avatar = await uploadImage(me, await testPng(300, 120));
    await setMyAvatar(me, avatar.id);
    const live = await makePublishedStory(me, community, {
      title: "A walk by the river",
      subtitle: "Notes from an afternoon",
      tags: [{ slug: "walking", name: "Walking" }, { slug: "rivers", name: "Rivers" }],
      heroImageUrl: hero.url,
      heroImageAlt: "The river at dusk",
      body: `## The path\n\nWe walked.\n\n![A heron](${inline.url})\n\nThen home.`,
    });
    await createDraft(me, storyInput(community, { title: "Half an idea", subtitle: "", body: "Only a line so far." }));
    const gone = await createDraft(me, storyInput(community, { title: "Deleted one" }));
    await deleteStory(me, gone.id);
    const theirs = await makePublishedStory(other, community, { title: "Someone else's story" });
    await createComment(me, theirs.id, { body: "Lovely *light* here." });
    await createComment(other, live.id, { body: "Not mine to export." });

    const { fileName, zip } = await exportOf(me);
    expect(fileName).toMatch(new RegExp(`^storyhouse-${me.handle}-\\d{4}-\\d\\d-\\d\\d\\.zip$`));
    const stories = zip.names.filter((n) => n.startsWith("stories/"));
    expect(stories).toHaveLength(2);
    expect(zip.names).toEqual(expect.arrayContaining(["manifest.json", "README.md", "profile.json", "comments.json"]));

    const liveFile = stories.find((n) => n.endsWith("a-walk-by-the-river.md"))!;
    const parsed = parseStoryMarkdown(zip.text(liveFile), liveFile);
    if (!parsed.ok) throw new Error(parsed.error);
    const liveRow = await db.story.findUniqueOrThrow({ where: { id: live.id }, select: { publishedAt: true, slug: true } });
    expect(parsed.front).toMatchObject({
      title: "A walk by the river",
      subtitle: "Notes from an afternoon",
      tags: ["Rivers", "Walking"],
      status: "published",
      community,
      slug: liveRow.slug,
      date: liveRow.publishedAt,
      hero_image_alt: "The river at dusk",
      storyhouse_id: live.id,
    });
    const heroKey = hero.url.match(/\/media\/([a-z0-9]+)-/)![1];
    const inlineKey = inline.url.match(/\/media\/([a-z0-9]+)-/)![1];
    expect(parsed.front.hero_image).toBe(`../media/${heroKey}.webp`);
    expect(parsed.body).toBe(`## The path\n\nWe walked.\n\n![A heron](../media/${inlineKey}.webp)\n\nThen home.`);
    // Each image once, at its largest stored width, as a real image.
    for (const [key, width] of [[heroKey, 800], [inlineKey, 500]] as const) {
      expect(await sharp(zip.bytes(`media/${key}.webp`)).metadata()).toMatchObject({ format: "webp", width });
    }

    const draftFile = stories.find((n) => n.endsWith("half-an-idea.md"))!;
    expect(parseStoryMarkdown(zip.text(draftFile), draftFile)).toMatchObject({ ok: true, front: { title: "Half an idea", status: "draft" }, body: "Only a line so far." });
    expect(zip.text(draftFile)).not.toContain("slug:");

    const profile = JSON.parse(zip.text("profile.json"));
    expect(profile).toMatchObject({ name: "Export Owner", handle: me.handle, avatar: expect.stringMatching(/^media\/[a-z0-9]+\.webp$/) });
    expect(zip.names).toContain(profile.avatar);
    const comments = JSON.parse(zip.text("comments.json"));
    expect(comments).toEqual([expect.objectContaining({ body: "Lovely *light* here.", status: "visible", story: { title: "Someone else's story", url: expect.stringMatching(/^https?:\/\/.+\/community-/) } })]);
    expect(JSON.parse(zip.text("manifest.json"))).toMatchObject({ format: "storyhouse-creator-archive", version: 1, handle: me.handle, counts: { stories: 2, comments: 1, media: 3 }, missingMedia: [] });
    // Nothing of anyone else's, and no secrets.
    const everything = zip.names.filter((n) => !n.startsWith("media/")).map((n) => zip.text(n)).join("\n");
    expect(everything).not.toContain("Not mine to export");
    expect(everything).not.toContain("Someone else's story\n");
    expect(everything).not.toContain("Deleted one");
    expect(everything).not.toMatch(/argon2|passwordHash/);
  });

  it("pages through many stories and still lists each once", async () => {
    const me = await makeUser();
    const { slug: community } = await makeCommunity();
    const { id: authorId } = me;
    const communityId = (await db.community.findUniqueOrThrow({ where: { slug: community } })).id;
    await db.story.createMany({ data: Array.from({ length: 230 }, (_, i) => ({ authorId, communityId, title: "Same title", bodyMarkdown: `Story ${i}`, bodyHtml: `<p>Story ${i}</p>` })) });
    const { zip } = await exportOf(me);
    const stories = zip.names.filter((n) => n.startsWith("stories/"));
    expect(stories).toHaveLength(230);
    expect(new Set(stories.map((n) => zip.text(n).split("\n\n").pop())).size).toBe(230);
  });

  it("answers UNAUTHENTICATED to a signed-out caller, works for a suspended member, and limits downloads per hour", async () => {
    await expect(exportMyData(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const suspended = await makeUser({ status: "SUSPENDED" });
    const { zip } = await exportOf(suspended);
    expect(JSON.parse(zip.text("manifest.json"))).toMatchObject({ handle: suspended.handle });
    for (let i = 1; i < 10; i++) await exportMyData(suspended);
    await expect(exportMyData(suspended)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});

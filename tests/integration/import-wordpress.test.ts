import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import sharp from "sharp";
import { strToU8, zipSync } from "fflate";
import { db } from "@/lib/db";
import { getMyImport, runImport, startImport } from "@/lib/data/imports";
import { findStoryRedirect } from "@/lib/data/story-redirects";
import { makeCommunity, makeUser } from "../helpers/factories";
import { wxr } from "../helpers/import-fixtures";

vi.mock("next/cache", () => ({ cacheLife: () => {}, cacheTag: () => {}, updateTag: () => {}, revalidateTag: () => {} }));
process.env.UPLOADS_DIR = mkdtempSync(path.join(tmpdir(), "storyhouse-wxr-"));

const image = (width: number, format: "png" | "jpeg") => sharp({ create: { width, height: width / 2, channels: 3, background: "#225588" } }).toFormat(format).toBuffer().then((b) => new Uint8Array(b));

describe("the WordPress import", () => {
  it("reads posts from a WXR file and its uploads: block and classic HTML as Markdown, categories and tags, excerpt, featured image and its alt, dates; pages and attachments are not stories", async () => {
    const me = await makeUser();
    const { slug: community } = await makeCommunity();
    const file = zipSync({
      "oldblog.WordPress.2023-12-02.xml": strToU8(wxr),
      "wp-content/uploads/2021/06/harbor.jpg": await image(1000, "jpeg"),
      "wp-content/uploads/2021/06/rope.png": await image(400, "png"),
    });
    const { id } = await startImport(me, { format: "WORDPRESS", community, dryRun: false, fileName: "wp.zip", bytes: file });
    await runImport(id);
    expect(await getMyImport(me, id)).toMatchObject({ status: "DONE", total: 2, created: 2, failed: 0, errors: [] });
    const harbor = await db.story.findFirstOrThrow({
      where: { authorId: me.id, title: "By the harbor & back" },
      select: { status: true, slug: true, subtitle: true, publishedAt: true, commentsEnabled: true, heroImageUrl: true, heroImageAlt: true, bodyMarkdown: true, tags: { select: { tag: { select: { name: true } } } } },
    });
    expect(harbor).toMatchObject({ status: "PUBLISHED", slug: "by-the-harbor", subtitle: "A short walk, a long lunch.", publishedAt: new Date("2021-06-15T07:30:00Z"), commentsEnabled: false, heroImageAlt: "Boats in the harbor" });
    expect(harbor.heroImageUrl).toMatch(/^\/media\/[a-f0-9]{32}-1000\.webp$/);
    expect(harbor.bodyMarkdown).toMatch(/^We walked to the \*\*harbor\*\*\.\n\n!\[A coil of rope\]\(\/media\/[a-f0-9]{32}-400\.webp\)$/);
    expect(harbor.tags.map((t) => t.tag.name).sort()).toEqual(["Sea", "Travel"]);
    // Its permalink on the old site leads to it here, with or without the old trailing slash.
    expect(await findStoryRedirect(["2021", "06", "by-the-harbor"])).toBe(`/${community}/by-the-harbor`);
    expect(await db.storyRedirect.count({ where: { story: { authorId: me.id } } })).toBe(1); // the draft's link was ?p=20: nothing to keep
    const draft = await db.story.findFirstOrThrow({ where: { authorId: me.id, title: "Classic editor draft" }, select: { status: true, bodyMarkdown: true, tags: true } });
    expect(draft).toEqual({ status: "DRAFT", bodyMarkdown: "First paragraph.\n\nSecond paragraph, with a *word*.", tags: [] });
    expect(await db.story.count({ where: { authorId: me.id, title: { in: ["A page", "harbor.jpg"] } } })).toBe(0);
  });

  it("names the line of broken XML, and refuses XML that isn't a WordPress export", async () => {
    const me = await makeUser();
    const { slug: community } = await makeCommunity();
    const broken = wxr.replace("<wp:post_name><![CDATA[by-the-harbor]]></wp:post_name>", "<wp:post_name>by-the-harbor</wp:postname>");
    await expect(startImport(me, { format: "WORDPRESS", community, dryRun: false, fileName: "wp.xml", bytes: strToU8(broken) })).rejects.toMatchObject({
      fieldErrors: { file: [expect.stringMatching(/^That WordPress export isn't valid XML: .*\b\d+:\d+\b/)] },
    });
    await expect(startImport(me, { format: "WORDPRESS", community, dryRun: false, fileName: "rss.xml", bytes: strToU8('<?xml version="1.0"?><rss><channel><item><title>x</title></item></channel></rss>') })).rejects.toMatchObject({
      fieldErrors: { file: ["That isn't a WordPress export (WXR): it has no wp:wxr_version."] },
    });
  });
});

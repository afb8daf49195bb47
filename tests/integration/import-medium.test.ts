import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { strToU8, zipSync } from "fflate";
import { db } from "@/lib/db";
import { getMyImport, runImport, startImport } from "@/lib/data/imports";
import { makeCommunity, makeUser } from "../helpers/factories";
import { mediumPost } from "../helpers/import-fixtures";

vi.mock("next/cache", () => ({ cacheLife: () => {}, cacheTag: () => {}, updateTag: () => {}, revalidateTag: () => {} }));
process.env.UPLOADS_DIR = mkdtempSync(path.join(tmpdir(), "storyhouse-medium-"));

describe("the Medium import", () => {
  it("reads posts/*.html from the export zip: title, subtitle, body as Markdown, date; drafts stay drafts; other files are ignored", async () => {
    const me = await makeUser();
    const { slug: community } = await makeCommunity();
    const file = zipSync({
      "medium-export-0a1b2c/README.html": strToU8("<p>Your Medium data</p>"),
      "medium-export-0a1b2c/profile/profile.html": strToU8("<p>profile</p>"),
      "medium-export-0a1b2c/posts/2019-03-03_Rain---Ink-9f8e7d6c5b4a.html": strToU8(
        mediumPost({
          title: "Rain &amp; ink",
          subtitle: "On writing outdoors",
          published: "2019-03-03T08:15:00.000Z",
          body: '<p name="c3d4" class="graf graf--p graf-after--h3">It <em class="markup--em markup--p-em">rained</em> all day.</p><figure name="e5f6" class="graf graf--figure"><img class="graf-image" data-image-id="1*abc.jpeg" data-width="800" src="https://cdn-images-1.medium.com/max/800/1*abc.jpeg"><figcaption class="imageCaption">Wet paper</figcaption></figure><blockquote name="g7h8" class="graf graf--blockquote">Keep going.</blockquote>',
        }),
      ),
      "medium-export-0a1b2c/posts/draft_Notes-1a2b3c4d5e6f.html": strToU8(mediumPost({ title: "Notes", subtitle: "", body: '<p class="graf graf--p">Half done.</p>' })),
      "medium-export-0a1b2c/posts/2020-01-01_Broken-aaa.html": strToU8("<html><body>not an export</body></html>"),
    });
    const { id } = await startImport(me, { format: "MEDIUM", community, dryRun: false, fileName: "medium-export.zip", bytes: file });
    await runImport(id);
    const done = await getMyImport(me, id);
    expect(done).toMatchObject({ status: "DONE", total: 3, created: 2, failed: 1 });
    expect(done.errors).toEqual([{ entry: "medium-export-0a1b2c/posts/2020-01-01_Broken-aaa.html", reason: "isn't a Medium post (no h1.p-name title)" }]);
    const rain = await db.story.findFirstOrThrow({ where: { authorId: me.id, title: "Rain & ink" }, select: { status: true, subtitle: true, publishedAt: true, bodyMarkdown: true } });
    expect(rain).toEqual({
      status: "PUBLISHED",
      subtitle: "On writing outdoors",
      publishedAt: new Date("2019-03-03T08:15:00.000Z"),
      bodyMarkdown: "It *rained* all day.\n\n![](https://cdn-images-1.medium.com/max/800/1*abc.jpeg)\n\n*Wet paper*\n\n> Keep going.",
    });
    expect(await db.story.findFirstOrThrow({ where: { authorId: me.id, title: "Notes" }, select: { status: true, bodyMarkdown: true } })).toEqual({ status: "DRAFT", bodyMarkdown: "Half done." });
    await expect(startImport(me, { format: "MEDIUM", community, dryRun: false, fileName: "x.zip", bytes: zipSync({ "a.txt": strToU8("x") }) })).rejects.toMatchObject({ fieldErrors: { file: ["That isn't a Medium export: it has no posts/*.html files."] } });
  });
});

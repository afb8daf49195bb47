import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { strToU8, zipSync } from "fflate";
import { db } from "@/lib/db";
import { getMyImport, runImport, startImport } from "@/lib/data/imports";
import { makeCommunity, makeUser } from "../helpers/factories";

vi.mock("next/cache", () => ({ cacheLife: () => {}, cacheTag: () => {}, updateTag: () => {}, revalidateTag: () => {} }));
process.env.UPLOADS_DIR = mkdtempSync(path.join(tmpdir(), "storyhouse-medium-"));

/** One post as Medium's export writes it (posts/<date>_<Title>-<id>.html, drafts draft_<Title>-<id>.html). */
function mediumPost({ title, subtitle, body, published }: { title: string; subtitle: string; body: string; published?: string }) {
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>${title}</title><style>
      * { font-family: Georgia, Cambria, "Times New Roman", Times, serif; }
    </style></head><body><article class="h-entry">
<header>
<h1 class="p-name">${title}</h1>
</header>
<section data-field="subtitle" class="p-summary">
${subtitle}
</section>
<section data-field="body" class="e-content">
<section name="5e1f" class="section section--body section--first section--last"><div class="section-divider"><hr class="section-divider"></div><div class="section-content"><div class="section-inner sectionLayout--insetColumn"><h3 name="a1b2" id="a1b2" class="graf graf--h3 graf--leading graf--title">${title}</h3>${body}</div></div></section>
</section>
<footer><p>By <a href="https://medium.com/@writer" class="p-author h-card">A Writer</a> on ${published ? `<a href="https://medium.com/p/9f8e7d6c5b4a"><time class="dt-published" datetime="${published}">March 3, 2019</time></a>` : "draft"}.</p><p><a href="https://medium.com/@writer/post-9f8e7d6c5b4a" class="p-canonical">Canonical link</a></p><p>Exported from <a href="https://medium.com">Medium</a> on December 2, 2026.</p></footer></article></body></html>`;
}

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

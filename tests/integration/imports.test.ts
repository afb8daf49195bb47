import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { strToU8, zipSync } from "fflate";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { db } from "@/lib/db";
import { exportMyData } from "@/lib/data/creator-export";
import { getMyImport, listMyImports, runImport, startImport } from "@/lib/data/imports";
import { uploadImage } from "@/lib/data/media";
import { createDraft } from "@/lib/data/stories";
import { getPublishedStory } from "@/lib/data/public-stories";
import { findViewer } from "@/lib/data/users";
import { StoryArticle } from "@/components/story-article";
import { makeCommunity, makePublishedStory, makeUser, storyInput } from "../helpers/factories";
import { testPng } from "../helpers/images";
import { readAll } from "../helpers/zip";
import { runQueuedJobs } from "../helpers/run-jobs";

vi.mock("next/cache", () => ({ cacheLife: () => {}, cacheTag: () => {}, updateTag: () => {}, revalidateTag: () => {} }));

process.env.UPLOADS_DIR = mkdtempSync(path.join(tmpdir(), "storyhouse-import-"));


type Member = Awaited<ReturnType<typeof makeUser>>;

/** Uploads and runs an import to its end, as the queue would. */
async function importZip(viewer: Member, community: string, bytes: Uint8Array, dryRun = false) {
  const { id } = await startImport(viewer, { format: "MARKDOWN", community, dryRun, fileName: "stories.zip", bytes });
  await runImport(id);
  return getMyImport(viewer, id);
}

const zip = (files: Record<string, string | Uint8Array>) => zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, typeof data === "string" ? strToU8(data) : data])));

/** The story page's article, rendered as the page renders it, with each image's key replaced by its place (keys are new on every upload). */
async function articleHtml(href: string) {
  const [, community, slug] = href.split("/");
  const story = await getPublishedStory(community, slug);
  if (!story) throw new Error(`no story at ${href}`);
  const html = renderToStaticMarkup(createElement(StoryArticle, { story }));
  const keys: string[] = [];
  return html.replace(/\/media\/([a-z0-9]+)-(\d+)\.webp/g, (_all, key: string, width: string) => {
    if (!keys.includes(key)) keys.push(key);
    return `/media/image-${keys.indexOf(key)}-${width}.webp`;
  });
}

describe("the Markdown import", () => {
  it("reads a creator's download back losslessly: into a fresh database, every story page renders the same HTML", async () => {
    const me = await makeUser({ name: "Round Tripper" });
    const { slug: community } = await makeCommunity();
    const hero = await uploadImage(me, await testPng(1800, 200));
    const inline = await uploadImage(me, await testPng(700, 20));
    const first = await makePublishedStory(me, community, {
      title: "A walk by the river",
      subtitle: "Notes from an afternoon",
      tags: [{ slug: "walking", name: "Walking" }, { slug: "new-york", name: "New York" }],
      heroImageUrl: hero.url,
      heroImageAlt: "The river at dusk",
      aiAssisted: true,
      body: `## The path\n\nWe walked *slowly*, [see the map](https://maps.example.com/r).\n\n![A heron on a post](${inline.url})\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nA footnote.[^1]\n\n[^1]: Here it is.\n\n- [x] done\n- [ ] not yet\n\n\`\`\`js\nconst x = "<b>";\n\`\`\``,
    });
    const second = await makePublishedStory(me, community, { title: "Second: the bridge", body: `Short, with the same heron again: ![again](${inline.url})` });
    await createDraft(me, storyInput(community, { title: "Unfinished thoughts", body: "A draft *stays* a draft." }));
    const before = { first: await articleHtml(first.href), second: await articleHtml(second.href) };
    const archive = await readAll((await exportMyData(me)).stream);

    // A fresh database: nothing of the first site is left but the community's slug and the creator's handle.
    await db.$executeRawUnsafe(`truncate "User", "Community", "Tag", "Media", "RateLimit" cascade`);
    const { id: freshId } = await db.user.create({ data: { email: "fresh@example.com", passwordHash: "x", name: "Round Tripper", handle: me.handle, trustOverride: true, emailVerifiedAt: new Date() }, select: { id: true } });
    await db.community.create({ data: { slug: community, name: `Community ${community}` } });
    const fresh = (await findViewer(freshId))!;

    const done = await importZip(fresh, community, archive);
    expect(done).toMatchObject({ status: "DONE", total: 3, processed: 3, created: 3, skipped: 0, failed: 0, errors: [] });
    expect(await articleHtml(first.href)).toBe(before.first);
    expect(await articleHtml(second.href)).toBe(before.second);
    // The same inline image in two stories is stored once per story it came with, as a real image at its size.
    const heroAfter = (await getPublishedStory(...(first.href.slice(1).split("/") as [string, string])))!.heroImageUrl!;
    expect(heroAfter).toMatch(/-1600\.webp$/);
    const draft = await db.story.findFirstOrThrow({ where: { authorId: fresh.id, title: "Unfinished thoughts" }, select: { status: true, bodyMarkdown: true, slug: true } });
    expect(draft).toEqual({ status: "DRAFT", bodyMarkdown: "A draft *stays* a draft.", slug: null });
    const revisions = await db.storyRevision.count({ where: { story: { authorId: fresh.id }, kind: "PUBLISH" } });
    expect(revisions).toBe(2);
  });

  it("creates nothing twice: the same file again skips every story, and a dry run reports without writing", async () => {
    const me = await makeUser();
    const { slug: community } = await makeCommunity();
    const file = zip({
      "posts/one.md": "---\ntitle: One\ntags: [a, b]\ndate: 2021-03-04T05:06:07Z\n---\nThe first.",
      "posts/two.md": "---\ntitle: Two\nstatus: draft\n---\nThe second.",
      "README.md": "# Not a story",
    });
    const dry = await importZip(me, community, file, true);
    expect(dry).toMatchObject({ status: "DONE", dryRun: true, total: 2, created: 2, skipped: 0, failed: 0 });
    expect(dry.planned).toEqual([
      { entry: "posts/one.md", title: "One", outcome: "published" },
      { entry: "posts/two.md", title: "Two", outcome: "draft" },
    ]);
    expect(await db.story.count({ where: { authorId: me.id } })).toBe(0);

    expect(await importZip(me, community, file)).toMatchObject({ status: "DONE", created: 2, skipped: 0 });
    const one = await db.story.findFirstOrThrow({ where: { authorId: me.id, title: "One" }, select: { status: true, publishedAt: true, createdAt: true, slug: true } });
    expect(one).toEqual({ status: "PUBLISHED", publishedAt: new Date("2021-03-04T05:06:07Z"), createdAt: new Date("2021-03-04T05:06:07Z"), slug: "one" });
    expect(await importZip(me, community, file)).toMatchObject({ status: "DONE", created: 0, skipped: 2 });
    expect(await importZip(me, community, file, true)).toMatchObject({ planned: [expect.objectContaining({ outcome: "skipped" }), expect.objectContaining({ outcome: "skipped" })] });
    expect(await db.story.count({ where: { authorId: me.id } })).toBe(2);
    expect((await listMyImports(me)).map((i) => i.created)).toEqual([0, 0, 2, 2]);
  });

  it("reports each bad item by its entry and why, imports the rest, and sanitizes what it imports", async () => {
    const me = await makeUser();
    const { slug: community } = await makeCommunity();
    const good = await testPng(400, 50);
    const file = zip({
      "a-bad-yaml.md": "---\ntitle: [unclosed\n---\nx",
      "b-missing-image.md": "---\ntitle: Lost picture\n---\n![gone](images/nowhere.png)",
      "c-long-title.md": `---\ntitle: ${"x".repeat(200)}\n---\nBody`,
      "d-not-an-image.md": "---\ntitle: Fake\nhero_image: images/fake.png\nhero_image_alt: fake\n---\nBody",
      "e-hostile.md": '---\ntitle: Hostile\n---\n<script>alert(1)</script>\n\n[click](javascript:alert(2)) <img src=x onerror=alert(3)>\n\n![fine](images/good.png)',
      "images/fake.png": "<html>not a png</html>",
      "images/good.png": good,
    });
    const done = await importZip(me, community, file);
    expect(done).toMatchObject({ status: "DONE", total: 5, created: 1, failed: 4 });
    expect(done.errors).toEqual([
      { entry: "a-bad-yaml.md", reason: expect.stringContaining("the front matter isn't valid YAML") },
      { entry: "b-missing-image.md", reason: "the image images/nowhere.png isn't in the upload" },
      { entry: "c-long-title.md", reason: "title: Keep the title under 150 characters" },
      { entry: "d-not-an-image.md", reason: "images/fake.png isn't a JPEG, PNG, WebP or GIF image" },
    ]);
    const hostile = await db.story.findFirstOrThrow({ where: { authorId: me.id }, select: { bodyHtml: true, bodyMarkdown: true } });
    expect(hostile.bodyHtml).not.toMatch(/<script|onerror|javascript:/i);
    expect(hostile.bodyMarkdown).toMatch(/!\[fine\]\(\/media\/[a-f0-9]{32}-400\.webp\)/);
    // Nothing of the refused items was stored: one image, the good one.
    expect(await db.media.count({ where: { ownerId: me.id } })).toBe(1);
  });

  it("sends a creator who isn't trusted yet to review, and keeps a story's date", async () => {
    const me = await makeUser({ trusted: false });
    const { slug: community } = await makeCommunity();
    await importZip(me, community, zip({ "s.md": "---\ntitle: Reviewed first\nstatus: published\ndate: 2020-01-01\n---\nText." }));
    const story = await db.story.findFirstOrThrow({ where: { authorId: me.id }, select: { status: true, slug: true, createdAt: true } });
    expect(story).toEqual({ status: "SUBMITTED", slug: null, createdAt: new Date("2020-01-01T00:00:00Z") });
  });

  it("runs on the job queue", async () => {
    const me = await makeUser();
    const { slug: community } = await makeCommunity();
    const { id } = await startImport(me, { format: "MARKDOWN", community, dryRun: false, fileName: "q.zip", bytes: zip({ "q.md": "---\ntitle: Queued\ndate: 2022-02-02\n---\nText." }) });
    expect(await getMyImport(me, id)).toMatchObject({ status: "QUEUED" });
    await runQueuedJobs();
    expect(await getMyImport(me, id)).toMatchObject({ status: "DONE", created: 1 });
    // The upload is gone once the import is done.
    expect(await db.importJob.findUniqueOrThrow({ where: { id }, select: { fileKey: true } })).toEqual({ fileKey: null });
  });

  it("goes on in a new job after its time slice, resuming after the last item written", async () => {
    const me = await makeUser();
    const { slug: community } = await makeCommunity();
    const file = zip(Object.fromEntries([1, 2, 3].map((n) => [`s${n}.md`, `---\ntitle: Slice ${n}\ndate: 2022-0${n}-01\n---\nText ${n}.`])));
    const { id } = await startImport(me, { format: "MARKDOWN", community, dryRun: false, fileName: "slices.zip", bytes: file });
    // Its queued job is taken here: the first slice, as a worker would have run it.
    await db.$executeRawUnsafe(`delete from graphile_worker._private_jobs where key = 'import:${id}'`);
    await runImport(id, { sliceMs: 0 });
    expect(await getMyImport(me, id)).toMatchObject({ status: "RUNNING", processed: 1, created: 1 });
    await runQueuedJobs();
    expect(await getMyImport(me, id)).toMatchObject({ status: "DONE", processed: 3, created: 3, skipped: 0 });
    expect((await db.story.findMany({ where: { authorId: me.id }, select: { title: true }, orderBy: { title: "asc" } })).map((s) => s.title)).toEqual(["Slice 1", "Slice 2", "Slice 3"]);
  });

  it("after its last failed try an import says it stopped, keeping what it imported; before that it is retried", async () => {
    const me = await makeUser();
    const { slug: community } = await makeCommunity();
    const file = zip({ "a.md": "---\ntitle: Goes in\ndate: 2022-01-01\n---\nText.", "b.md": "---\ntitle: Breaks here\ndate: 2022-01-02\n---\nText." });
    // A fault on the site's side (not the file's): the database refuses the second story's row.
    await db.$executeRawUnsafe(`create function import_fault() returns trigger language plpgsql as $$ begin if new.title = 'Breaks here' then raise exception 'injected fault: no space left on device'; end if; return new; end $$`);
    await db.$executeRawUnsafe(`create trigger import_fault before insert on "Story" for each row execute function import_fault()`);
    try {
      const { id } = await startImport(me, { format: "MARKDOWN", community, dryRun: false, fileName: "fault.zip", bytes: file });
      const queued = () => db.$queryRawUnsafe<{ attempts: number }[]>(`select attempts from graphile_worker._private_jobs where key = 'import:${id}'`);
      for (let attempt = 1; attempt <= 5; attempt++) {
        // Each failure pushes the job back (exponential backoff): due now, as the queue would be later.
        await db.$executeRawUnsafe(`update graphile_worker._private_jobs set run_at = now() where key = 'import:${id}'`);
        await runQueuedJobs();
        if (attempt < 5) {
          expect(await getMyImport(me, id)).toMatchObject({ status: "RUNNING", created: 1, currentItem: expect.stringContaining("b.md") });
          expect(await queued()).toEqual([{ attempts: attempt }]);
        }
      }
      const stopped = await getMyImport(me, id);
      expect(stopped).toMatchObject({ status: "FAILED", created: 1, currentItem: null });
      expect(stopped.failure).toContain("something went wrong on our side");
      expect(stopped.failure).not.toContain("injected fault"); // the error goes to the log, not the page
      // Done with, not on the dead-letter list; the upload is let go; the first story stays, whole.
      expect(await queued()).toEqual([]);
      expect(await db.importJob.findUniqueOrThrow({ where: { id }, select: { fileKey: true } })).toEqual({ fileKey: null });
      expect((await db.story.findMany({ where: { authorId: me.id }, select: { title: true } })).map((s) => s.title)).toEqual(["Goes in"]);
    } finally {
      await db.$executeRawUnsafe(`drop trigger import_fault on "Story"`);
      await db.$executeRawUnsafe(`drop function import_fault()`);
    }
  });

  it("refuses callers and files it can't take, and shows an import to its owner only", async () => {
    const me = await makeUser();
    const other = await makeUser();
    const suspended = await makeUser({ status: "SUSPENDED" });
    const { slug: community } = await makeCommunity();
    const file = zip({ "a.md": "# A\n\ntext" });
    const start = (viewer: Member | null, overrides: Partial<Parameters<typeof startImport>[1]> = {}) => startImport(viewer, { format: "MARKDOWN", community, dryRun: false, fileName: "a.zip", bytes: file, ...overrides });
    await expect(start(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(start(suspended)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(start(me, { bytes: strToU8("not a zip") })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { file: [expect.stringContaining("isn't a zip archive")] } });
    await expect(start(me, { bytes: zip({ "a.txt": "no markdown" }) })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { file: ["That zip has no Markdown (.md) files in it."] } });
    await expect(start(me, { community: "no-such-community" })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { community: expect.any(Array) } });
    await db.community.update({ where: { slug: community }, data: { archivedAt: new Date() } });
    await expect(start(me)).rejects.toMatchObject({ code: "INVALID", fieldErrors: { community: [expect.stringContaining("archived")] } });
    expect(await db.importJob.count({ where: { ownerId: me.id } })).toBe(0);
    await db.community.update({ where: { slug: community }, data: { archivedAt: null } });
    const { id } = await start(me);
    await expect(getMyImport(other, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getMyImport(null, id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await listMyImports(other)).toEqual([]);
    // Suspended after starting: the job stops with the reason, and writes no story.
    await db.restriction.create({ data: { userId: me.id, kind: "SUSPENSION", reason: "Spam", createdById: other.id } });
    await db.user.update({ where: { id: me.id }, data: { status: "SUSPENDED" } });
    await runImport(id);
    expect(await getMyImport(me, id)).toMatchObject({ status: "FAILED", failure: expect.stringContaining("suspended"), created: 0 });
    expect(await db.story.count({ where: { authorId: me.id } })).toBe(0);
  });
});

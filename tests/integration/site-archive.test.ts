import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it, vi } from "vitest";
import sharp from "sharp";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createDatabaseFromTemplate } from "../../scripts/lib/postgres.mjs";
import { db } from "@/lib/db";
import { exportSite } from "@/lib/data/site-archive";
import { exportSiteAsGhost } from "@/lib/data/ghost-export";
import { uploadImage } from "@/lib/data/media";
import { setMyAvatar } from "@/lib/data/users";
import { createDraft } from "@/lib/data/stories";
import { createComment } from "@/lib/data/comments";
import { hideComment } from "@/lib/data/comment-moderation";
import { setBookmark, setFollow, setHeart } from "@/lib/data/engagement";
import { readGhostExport } from "@/lib/porting/ghost";
import { SITE_ARCHIVE_EXCLUDED_TABLES } from "@/lib/porting/site-archive";
import { makeCommunity, makePublishedStory, makeUser, storyInput } from "../helpers/factories";
import { readAll, zipEntries } from "../helpers/zip";

vi.mock("next/cache", () => ({ cacheLife: () => {}, cacheTag: () => {}, updateTag: () => {}, revalidateTag: () => {} }));

const sourceUploads = mkdtempSync(path.join(tmpdir(), "storyhouse-site-export-"));
process.env.UPLOADS_DIR = sourceUploads;

const png = (width: number, r: number) =>
  sharp({ create: { width, height: Math.round(width / 2), channels: 3, background: { r, g: 90, b: 60 } } })
    .png()
    .toBuffer()
    .then((b) => new Uint8Array(b));

/** Every row of every table, as text in a stable order, read straight from PostgreSQL. */
async function snapshot(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`);
    const out: Record<string, string[]> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${name}" t ORDER BY 1`);
      out[name] = rows.map((r) => r.row);
    }
    return out;
  } finally {
    await client.end();
  }
}

const withoutHash = (rows: string[]) => rows.map((r) => JSON.stringify({ ...JSON.parse(r), passwordHash: undefined })).sort();

/** A fresh database from the migrated template (nothing in it but what the migrations write). */
async function freshDatabase(): Promise<string> {
  const adminUrl = inject("pgAdminUrl");
  const name = `test_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
  await createDatabaseFromTemplate(adminUrl, name, inject("pgTemplate"));
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

/**
 * The data layer, story page and storage of another site: modules loaded again with another
 * DATABASE_URL and UPLOADS_DIR (the data layer reads both when first imported).
 */
async function otherSite(url: string) {
  vi.resetModules();
  process.env.DATABASE_URL = url;
  process.env.UPLOADS_DIR = mkdtempSync(path.join(tmpdir(), "storyhouse-site-import-"));
  return {
    uploads: process.env.UPLOADS_DIR,
    archive: await import("@/lib/data/site-archive"),
    stories: await import("@/lib/data/public-stories"),
    comments: await import("@/lib/data/comments"),
    article: await import("@/components/story-article"),
    password: await import("@/lib/auth/password"),
    db: (await import("@/lib/db")).db,
  };
}
type Site = { stories: typeof import("@/lib/data/public-stories"); comments: typeof import("@/lib/data/comments"); article: typeof import("@/components/story-article") };

/** What a story page shows: the article as the page renders it, and its comment threads. */
async function storyPage(site: Site, href: string) {
  const [, community, slug] = href.split("/");
  const story = await site.stories.getPublishedStory(community, slug);
  if (!story) throw new Error(`no story at ${href}`);
  return { article: renderToStaticMarkup(createElement(site.article.StoryArticle, { story })), comments: await site.comments.listStoryComments(story.id) };
}

// The other sites' clients are closed by each test; this file's own one here.
afterAll(() => db.$disconnect());

describe("the whole-site archive", () => {
  // Two fresh databases migrated and restored twice: 14 s alone, past 30 s with the whole suite beside it.
  it("restores a site into an empty database: every table's rows, every story page and every image, without password hashes unless asked", { timeout: 120_000 }, async () => {
    const sourceUrl = process.env.DATABASE_URL!;
    const admin = await makeUser({ role: "ADMIN", name: "Site Admin" });
    const moderator = await makeUser({ role: "MODERATOR" });
    const writer = await makeUser({ name: "Wren Writer" });
    const reader = await makeUser({ name: "Rae Reader" });
    const { slug: community } = await makeCommunity();
    const hero = await uploadImage(writer, await png(900, 200));
    const avatar = await uploadImage(writer, await png(300, 30));
    await setMyAvatar(writer, avatar.id);
    const live = await makePublishedStory(writer, community, {
      title: "A walk by the river",
      tags: [{ slug: "walking", name: "Walking" }],
      heroImageUrl: hero.url,
      heroImageAlt: "The river at dusk",
      body: `## The path\n\nWe walked.\n\n![A heron](${hero.url})`,
    });
    const second = await makePublishedStory(reader, community, { title: "A reader writes too" });
    const draft = await createDraft(writer, storyInput(community, { title: "Half an idea", body: "Only a line so far." }));
    // More rows than the import writes at once, with a reply restored a page before its parent.
    const filler = Array.from({ length: 1001 }, (_, i) => ({ id: `cm${String(i).padStart(5, "0")}`, storyId: draft.id, authorId: reader.id, body: `Filler ${i}`, bodyHtml: `<p>Filler ${i}</p>` }));
    await db.comment.createMany({ data: [...filler, { id: "czz-late-parent", storyId: draft.id, authorId: reader.id, body: "Parent", bodyHtml: "<p>Parent</p>" }] });
    await db.comment.create({ data: { id: "caa-early-reply", storyId: draft.id, authorId: writer.id, parentId: "czz-late-parent", body: "Reply", bodyHtml: "<p>Reply</p>" } });
    const top = await createComment(reader, live.id, { body: "Lovely *light* here." });
    await createComment(writer, live.id, { body: "Thank you!", parentId: top.id });
    const rude = await createComment(reader, live.id, { body: "Something rude." });
    await hideComment(moderator, rude.id, "Not kind");
    await setHeart(reader, live.id, true);
    await setHeart(writer, second.id, true);
    await setBookmark(reader, live.id, true);
    await setFollow(reader, writer.id, true);

    const before = await snapshot(sourceUrl);
    for (const table of ["User", "Community", "Story", "StoryTag", "Comment", "Heart", "Follow", "Bookmark", "ModerationAction", "Notification", "Media"]) {
      expect(before[table].length, table).toBeGreaterThan(0);
    }
    expect(before.Comment.some((r) => JSON.parse(r).parentId)).toBe(true);
    expect(before.Story.some((r) => JSON.parse(r).status === "DRAFT")).toBe(true);
    const source: Site = { stories: await import("@/lib/data/public-stories"), comments: await import("@/lib/data/comments"), article: await import("@/components/story-article") };
    const pagesBefore = { live: await storyPage(source, live.href), second: await storyPage(source, second.href) };
    expect(pagesBefore.live.comments.threads.length).toBeGreaterThan(0);

    const plain = await readAll((await exportSite(admin, { passwordHashes: false })).stream);
    const withHashes = await readAll((await exportSite(admin, { passwordHashes: true })).stream);

    // The archive: a manifest with the format, schema and counts, one file per table, the media.
    const zip = zipEntries(plain);
    const manifest = JSON.parse(zip.text("manifest.json"));
    expect(manifest).toMatchObject({ format: "storyhouse-site-archive", version: 1, passwordHashes: false, schema: expect.stringMatching(/^\d{14}_/), media: { missing: [] } });
    const archived = Object.keys(before).filter((t) => !(t in SITE_ARCHIVE_EXCLUDED_TABLES));
    expect(manifest.tables.map((t: { name: string }) => t.name).sort()).toEqual(archived.sort());
    for (const { name, rows } of manifest.tables) expect(rows, name).toBe(before[name].length);
    // References first: a comment's story and author, a story's community, before it.
    const order = manifest.tables.map((t: { name: string }) => t.name);
    expect(order.indexOf("User")).toBeLessThan(order.indexOf("Story"));
    expect(order.indexOf("Community")).toBeLessThan(order.indexOf("Story"));
    expect(order.indexOf("Story")).toBeLessThan(order.indexOf("Comment"));
    expect(order.indexOf("ModerationAction")).toBeLessThan(order.indexOf("Appeal"));
    expect(zip.names).toContain("tables/Story.jsonl");
    expect(zip.names.filter((n) => n.startsWith("media/"))).toHaveLength(manifest.media.files);
    expect(manifest.media.files).toBeGreaterThanOrEqual(2);

    // Password hashes: absent by default, present when asked.
    expect(zip.text("tables/User.jsonl")).not.toContain("passwordHash");
    expect(zip.text("tables/User.jsonl")).not.toContain("$argon2");
    const hashed = zipEntries(withHashes);
    expect(JSON.parse(hashed.text("manifest.json")).passwordHashes).toBe(true);
    const hashedUsers = hashed.text("tables/User.jsonl").trim().split("\n").map((l) => JSON.parse(l));
    expect(hashedUsers).toHaveLength(before.User.length);
    for (const user of hashedUsers) expect(user.passwordHash).toMatch(/^\$argon2id\$/);

    // Into a fresh database and a fresh uploads folder.
    const target = await otherSite(await freshDatabase());
    const result = await target.archive.importSiteArchive(plain);
    expect(result.passwordHashes).toBe(false);
    const after = await snapshot(process.env.DATABASE_URL!);
    for (const table of archived) {
      if (table === "User") expect(withoutHash(after.User), table).toEqual(withoutHash(before.User));
      else expect(after[table], table).toEqual(before[table]);
    }
    for (const user of after.User) expect(JSON.parse(user).passwordHash).toBe("");
    for (const table of Object.keys(SITE_ARCHIVE_EXCLUDED_TABLES).filter((t) => t !== "_prisma_migrations")) expect(after[table], table).toEqual([]);
    // Nobody signs in with an old password without its hash.
    const writerRow = await target.db.user.findUniqueOrThrow({ where: { id: writer.id }, select: { passwordHash: true } });
    expect(await target.password.verifyPassword(writerRow.passwordHash, "correct horse battery")).toBe(false);

    // Every story page renders the same, comments and all; every image file is the same.
    expect(await storyPage(target, live.href)).toEqual(pagesBefore.live);
    expect(await storyPage(target, second.href)).toEqual(pagesBefore.second);
    const files = readdirSync(sourceUploads).sort();
    expect(readdirSync(target.uploads).sort()).toEqual(files);
    for (const file of files) expect(readFileSync(path.join(target.uploads, file)).equals(readFileSync(path.join(sourceUploads, file))), file).toBe(true);

    // The database now has content: a second import is refused and changes nothing.
    await expect(target.archive.importSiteArchive(plain)).rejects.toThrow(/isn't empty \(rows in .*User/);
    expect(await snapshot(process.env.DATABASE_URL!)).toEqual(after);
    await target.db.$disconnect();

    // With hashes: members sign in with their passwords as before.
    const hashedSite = await otherSite(await freshDatabase());
    await hashedSite.archive.importSiteArchive(withHashes);
    expect((await snapshot(process.env.DATABASE_URL!)).User).toEqual(before.User);
    const row = await hashedSite.db.user.findUniqueOrThrow({ where: { id: writer.id }, select: { passwordHash: true } });
    expect(await hashedSite.password.verifyPassword(row.passwordHash, "correct horse battery")).toBe(true);
    await hashedSite.db.$disconnect();
  });

  it("refuses an archive from another schema, and a file that isn't one", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const { archive, db: otherDb } = await otherSite(await freshDatabase());
    await expect(archive.importSiteArchive(new TextEncoder().encode("not a zip"))).rejects.toThrow(/can't be read as a zip/);
    const bytes = await readAll((await exportSite(admin, { passwordHashes: false })).stream);
    await otherDb.$executeRawUnsafe(`UPDATE _prisma_migrations SET migration_name = '29991231000000_future' WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)`);
    await expect(archive.importSiteArchive(bytes)).rejects.toThrow(/taken at schema \d{14}_\w+, this database is at 29991231000000_future/);
    await otherDb.$disconnect();
  });

  it("is for admins only", async () => {
    await expect(exportSite(null, { passwordHashes: false })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    for (const role of ["READER", "MODERATOR"] as const) {
      const viewer = await makeUser({ role });
      await expect(exportSite(viewer, { passwordHashes: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(exportSiteAsGhost(viewer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("the Ghost JSON export", () => {
  it("writes posts, tags and authors in Ghost's import shape: live stories published, the rest drafts, removed ones left out", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const writer = await makeUser({ name: "Ghostly Writer" });
    const { slug: community } = await makeCommunity();
    const live = await makePublishedStory(writer, community, { title: "Live one", subtitle: "With a subtitle", tags: [{ slug: "walking", name: "Walking" }] });
    const draft = await createDraft(writer, storyInput(community, { title: "Draft one" }));
    const removed = await makePublishedStory(writer, community, { title: "Removed one" });
    await db.story.update({ where: { id: removed.id }, data: { status: "REMOVED" } });

    const { fileName, stream } = await exportSiteAsGhost(admin);
    expect(fileName).toMatch(/^storyhouse-ghost-\d{4}-\d\d-\d\d\.json$/);
    const bytes = await readAll(stream);
    const file = JSON.parse(new TextDecoder().decode(bytes));
    expect(Object.keys(file)).toEqual(["db"]);
    const [{ meta, data: all }] = file.db;
    // This file's database holds the other tests' stories too: look at this writer's.
    const mine = new Set(all.posts_authors.filter((a: { author_id: string }) => a.author_id === writer.id).map((a: { post_id: string }) => a.post_id));
    const data = { ...all, posts: all.posts.filter((p: { id: string }) => mine.has(p.id)), posts_tags: all.posts_tags.filter((t: { post_id: string }) => mine.has(t.post_id)), posts_authors: all.posts_authors.filter((a: { post_id: string }) => mine.has(a.post_id)), users: all.users.filter((u: { id: string }) => u.id === writer.id) };
    expect(meta).toEqual({ exported_on: expect.any(Number), version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(Object.keys(all).sort()).toEqual(["posts", "posts_authors", "posts_meta", "posts_tags", "tags", "users"]);
    const byTitle = Object.fromEntries(data.posts.map((p: { title: string }) => [p.title, p]));
    expect(Object.keys(byTitle).sort()).toEqual(["Draft one", "Live one"]);
    expect(byTitle["Live one"]).toMatchObject({ id: live.id, type: "post", status: "published", visibility: "public", custom_excerpt: "With a subtitle", html: expect.stringContaining("<h2"), published_at: expect.any(String) });
    expect(byTitle["Draft one"]).toMatchObject({ id: draft.id, status: "draft", published_at: null, slug: "draft-one" });
    const tag = data.tags.find((t: { slug: string }) => t.slug === "walking");
    expect(tag).toMatchObject({ name: "Walking" });
    expect(data.posts_tags).toEqual([{ post_id: live.id, tag_id: tag.id, sort_order: 0 }]);
    expect(data.users).toEqual([expect.objectContaining({ id: writer.id, name: "Ghostly Writer", slug: writer.handle, email: expect.stringContaining("@") })]);
    expect(data.posts_authors).toEqual(expect.arrayContaining([{ post_id: live.id, author_id: writer.id, sort_order: 0 }, { post_id: draft.id, author_id: writer.id, sort_order: 0 }]));
    expect(all.posts.map((p: { id: string }) => p.id)).not.toContain(removed.id);
    expect(JSON.stringify(file)).not.toMatch(/argon2|passwordHash/);

    // Our own Ghost import reads it back.
    const source = readGhostExport(bytes);
    expect(source.errors).toEqual([]);
    expect(source.items.filter((i) => ["Draft one", "Live one"].includes(i.title)).map((i) => ({ title: i.title, published: i.published, tags: i.tags })).sort((a, b) => a.title.localeCompare(b.title))).toEqual([
      { title: "Draft one", published: false, tags: [] },
      { title: "Live one", published: true, tags: ["Walking"] },
    ]);
  });
});

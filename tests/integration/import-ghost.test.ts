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

vi.mock("next/cache", () => ({ cacheLife: () => {}, cacheTag: () => {}, updateTag: () => {}, revalidateTag: () => {} }));
process.env.UPLOADS_DIR = mkdtempSync(path.join(tmpdir(), "storyhouse-ghost-"));

/**
 * A Ghost 5 content export, in the shape Ghost writes it (`{ db: [{ meta, data }] }`; posts carry
 * html, feature_image with the __GHOST_URL__ placeholder, custom_excerpt, status and type;
 * feature_image_alt lives in posts_meta; tags join through posts_tags).
 */
function ghostExport() {
  const post = (n: number, fields: Record<string, unknown>) => ({
    id: `6400000000000000000000${n}`,
    uuid: `0f6a2b6e-0000-4000-8000-00000000000${n}`,
    title: `Post ${n}`,
    slug: `post-${n}`,
    mobiledoc: null,
    lexical: '{"root":{"children":[]}}',
    html: "<p>Text.</p>",
    comment_id: `6400000000000000000000${n}`,
    plaintext: "Text.",
    feature_image: null,
    featured: 0,
    type: "post",
    status: "published",
    locale: null,
    visibility: "public",
    email_recipient_filter: "all",
    created_at: "2023-05-01T09:00:00.000Z",
    updated_at: "2023-05-02T09:00:00.000Z",
    published_at: "2023-05-01T10:00:00.000Z",
    custom_excerpt: null,
    codeinjection_head: null,
    codeinjection_foot: null,
    custom_template: null,
    canonical_url: null,
    newsletter_id: null,
    show_title_and_feature_image: 1,
    ...fields,
  });
  return {
    db: [
      {
        meta: { exported_on: 1701475200000, version: "5.74.0" },
        data: {
          posts: [
            post(1, {
              title: "Coffee in the mountains",
              slug: "coffee-in-the-mountains",
              html: '<h2 id="the-climb">The climb</h2><p>We climbed <strong>early</strong> and <a href="https://example.com/map">followed the map</a>.</p><figure class="kg-card kg-image-card kg-card-hascaption"><img src="__GHOST_URL__/content/images/2023/05/beans.png" class="kg-image" alt="Beans drying" loading="lazy" width="600" height="300"><figcaption>Beans, drying.</figcaption></figure><ul><li>One</li><li>Two</li></ul><script>alert(1)</script>',
              feature_image: "__GHOST_URL__/content/images/2023/05/hero.png",
              custom_excerpt: "A morning at the farm",
            }),
            post(2, { title: "Unfinished", slug: "unfinished", status: "draft", published_at: null }),
            post(3, { title: "About", slug: "about", type: "page" }),
            post(4, { title: "Lost image", slug: "lost-image", html: '<p><img src="__GHOST_URL__/content/images/2023/05/missing.png" alt="x"></p>' }),
          ],
          posts_meta: [{ id: "m1", post_id: "64000000000000000000001", feature_image_alt: "Terraces at dawn", feature_image_caption: null, meta_title: null, meta_description: null }],
          tags: [
            { id: "t1", name: "Travel", slug: "travel", description: null, visibility: "public" },
            { id: "t2", name: "#internal", slug: "hash-internal", description: null, visibility: "internal" },
            { id: "t3", name: "Coffee", slug: "coffee", description: null, visibility: "public" },
          ],
          posts_tags: [
            { id: "pt1", post_id: "64000000000000000000001", tag_id: "t3", sort_order: 1 },
            { id: "pt2", post_id: "64000000000000000000001", tag_id: "t1", sort_order: 0 },
            { id: "pt3", post_id: "64000000000000000000001", tag_id: "t2", sort_order: 2 },
          ],
          users: [{ id: "u1", name: "Ghost Writer", slug: "ghost-writer", email: "writer@ghost.example" }],
          posts_authors: [{ id: "pa1", post_id: "64000000000000000000001", author_id: "u1", sort_order: 0 }],
        },
      },
    ],
  };
}

const png = (width: number) => sharp({ create: { width, height: width / 2, channels: 3, background: "#884422" } }).png().toBuffer().then((b) => new Uint8Array(b));

describe("the Ghost import", () => {
  it("imports posts from the JSON and its content/images zip: HTML as Markdown, tags in order, excerpt as subtitle, feature image with its alt, dates; pages left out", async () => {
    const me = await makeUser();
    const { slug: community } = await makeCommunity();
    const file = zipSync({
      "my-site.ghost.2023-12-02.json": strToU8(JSON.stringify(ghostExport())),
      "content/images/2023/05/beans.png": await png(600),
      "content/images/2023/05/hero.png": await png(1200),
    });
    const { id } = await startImport(me, { format: "GHOST", community, dryRun: false, fileName: "ghost.zip", bytes: file });
    await runImport(id);
    const done = await getMyImport(me, id);
    expect(done).toMatchObject({ status: "DONE", total: 3, created: 2, failed: 1 });
    expect(done.errors).toEqual([{ entry: 'posts[3] "lost-image"', reason: "the image /content/images/2023/05/missing.png isn't in the upload" }]);

    const coffee = await db.story.findFirstOrThrow({
      where: { authorId: me.id, title: "Coffee in the mountains" },
      select: { status: true, slug: true, subtitle: true, publishedAt: true, heroImageUrl: true, heroImageAlt: true, bodyMarkdown: true, bodyHtml: true, tags: { select: { tag: { select: { name: true } } } } },
    });
    expect(coffee).toMatchObject({ status: "PUBLISHED", slug: "coffee-in-the-mountains", subtitle: "A morning at the farm", publishedAt: new Date("2023-05-01T10:00:00.000Z"), heroImageAlt: "Terraces at dawn" });
    expect(coffee.heroImageUrl).toMatch(/^\/media\/[a-f0-9]{32}-1200\.webp$/);
    expect(coffee.tags.map((t) => t.tag.name).sort()).toEqual(["Coffee", "Travel"]);
    expect(coffee.bodyMarkdown).toMatch(/^## The climb\n\nWe climbed \*\*early\*\* and \[followed the map\]\(https:\/\/example\.com\/map\)\.\n\n!\[Beans drying\]\(\/media\/[a-f0-9]{32}-600\.webp\)\n\n\*Beans, drying\.\*\n\n- One\n- Two$/);
    expect(coffee.bodyHtml).not.toContain("<script");
    expect(await db.story.findFirstOrThrow({ where: { authorId: me.id, title: "Unfinished" }, select: { status: true } })).toEqual({ status: "DRAFT" });
    expect(await db.story.count({ where: { authorId: me.id, title: "About" } })).toBe(0);
    // Ghost's permalinks (/{slug}/) lead here; a draft's only once it is published.
    expect(await findStoryRedirect(["coffee-in-the-mountains"])).toBe(`/${community}/coffee-in-the-mountains`);
    expect(await findStoryRedirect(["unfinished"])).toBeNull();
    await db.story.updateMany({ where: { authorId: me.id, title: "Unfinished" }, data: { status: "PUBLISHED", slug: "unfinished-at-last", publishedAt: new Date() } });
    expect(await findStoryRedirect(["unfinished"])).toBe(`/${community}/unfinished-at-last`);

    // The same export again creates nothing.
    const again = await startImport(me, { format: "GHOST", community, dryRun: false, fileName: "ghost.zip", bytes: file });
    await runImport(again.id);
    expect(await getMyImport(me, again.id)).toMatchObject({ created: 0, skipped: 2, failed: 1 });
  });

  it("takes the JSON alone (images on the web stay links) and refuses what isn't a Ghost export", async () => {
    const me = await makeUser();
    const { slug: community } = await makeCommunity();
    const data = ghostExport();
    data.db[0].data.posts = [data.db[0].data.posts[1]];
    const plain = strToU8(JSON.stringify({ meta: data.db[0].meta, data: { ...data.db[0].data, posts: [{ ...data.db[0].data.posts[0], status: "published", html: '<p><img src="https://images.example.com/a.png" alt="remote"></p>' }] } }));
    const { id } = await startImport(me, { format: "GHOST", community, dryRun: false, fileName: "ghost.json", bytes: plain });
    await runImport(id);
    expect(await getMyImport(me, id)).toMatchObject({ status: "DONE", created: 1 });
    expect(await db.story.findFirstOrThrow({ where: { authorId: me.id }, select: { bodyMarkdown: true } })).toEqual({ bodyMarkdown: "![remote](https://images.example.com/a.png)" });
    await expect(startImport(me, { format: "GHOST", community, dryRun: false, fileName: "x.json", bytes: strToU8('{"posts": "no"') })).rejects.toMatchObject({ fieldErrors: { file: [expect.stringMatching(/^That isn't a Ghost export: the JSON can't be read/)] } });
    await expect(startImport(me, { format: "GHOST", community, dryRun: false, fileName: "x.json", bytes: strToU8('{"hello": 1}') })).rejects.toMatchObject({ fieldErrors: { file: ["That isn't a Ghost export: it has no posts (data.posts)."] } });
  });
});

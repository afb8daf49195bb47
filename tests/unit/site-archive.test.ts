import { describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { zipStream, type ZipEntry } from "@/lib/porting/zip-writer";
import { restoreOrder } from "@/lib/porting/site-archive";
import { absoluteMedia, ghostPost, ghostStatus } from "@/lib/porting/ghost-export";

describe("restoreOrder", () => {
  it("puts every table after the tables it references, alphabetically among equals, self-references aside", () => {
    const order = restoreOrder(["Comment", "Story", "User", "Community", "Heart"], [
      { from: "Story", to: "User" },
      { from: "Story", to: "Community" },
      { from: "Comment", to: "Story" },
      { from: "Comment", to: "Comment" },
      { from: "Heart", to: "Story" },
      { from: "Heart", to: "User" },
      { from: "Story", to: "SomeExcludedTable" },
    ]);
    expect(order).toEqual(["Community", "User", "Story", "Comment", "Heart"]);
  });

  it("names the tables of a cycle", () => {
    expect(() => restoreOrder(["A", "B"], [{ from: "A", to: "B" }, { from: "B", to: "A" }])).toThrow(/cycle: A, B/);
  });
});

describe("zipStream with chunked entries", () => {
  it("writes an entry given as chunks, between whole ones, byte for byte", async () => {
    async function* lines() {
      for (let page = 0; page < 3; page++) yield Array.from({ length: 1000 }, (_, i) => `{"n":${page * 1000 + i}}\n`).join("");
      yield new TextEncoder().encode("end\n");
    }
    async function* entries(): AsyncGenerator<ZipEntry> {
      yield { name: "a.txt", data: "first" };
      yield { name: "tables/T.jsonl", data: lines() };
      yield { name: "b.bin", data: new Uint8Array([1, 2, 3]), compress: false };
    }
    const files = unzipSync(new Uint8Array(await new Response(zipStream(entries())).arrayBuffer()));
    expect(Object.keys(files)).toEqual(["a.txt", "tables/T.jsonl", "b.bin"]);
    const text = strFromU8(files["tables/T.jsonl"]).split("\n");
    expect(text).toHaveLength(3002);
    expect(text[2999]).toBe('{"n":2999}');
    expect(text[3000]).toBe("end");
    expect([...files["b.bin"]]).toEqual([1, 2, 3]);
  });
});

describe("the Ghost mapping", () => {
  const story = { id: "s1", title: "Hello there", subtitle: "x".repeat(400), slug: null, bodyHtml: '<p><img src="/media/abc-800.webp" alt=""></p>', heroImageUrl: "/media/abc-800.webp", heroImageAlt: null, status: "SUBMITTED", authorId: "u1", createdAt: new Date("2026-01-02T03:04:05Z"), updatedAt: new Date("2026-01-03T00:00:00Z"), publishedAt: null, tagIds: ["t1", "t2"] };

  it("maps statuses, slugs, excerpts and media to Ghost's fields", () => {
    expect(ghostStatus("PUBLISHED")).toBe("published");
    expect(["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "UNPUBLISHED"].map(ghostStatus)).toEqual(Array(5).fill("draft"));
    const slugs = new Set(["hello-there"]);
    const { post, meta, tags, author } = ghostPost(story, "https://stories.example", slugs);
    expect(post).toMatchObject({ slug: "hello-there-2", status: "draft", published_at: null, feature_image: "https://stories.example/media/abc-800.webp", html: '<p><img src="https://stories.example/media/abc-800.webp" alt=""></p>' });
    expect(post.custom_excerpt).toHaveLength(300);
    expect(meta).toEqual({ post_id: "s1", feature_image_alt: "" });
    expect(tags).toEqual([{ post_id: "s1", tag_id: "t1", sort_order: 0 }, { post_id: "s1", tag_id: "t2", sort_order: 1 }]);
    expect(author).toEqual({ post_id: "s1", author_id: "u1", sort_order: 0 });
    expect(absoluteMedia('<a href="https://other.example/media/x-1.webp">', "https://stories.example")).toBe('<a href="https://other.example/media/x-1.webp">');
  });
});

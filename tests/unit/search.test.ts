import { describe, expect, it } from "vitest";
import { decodeSearchCursor, encodeSearchCursor } from "@/lib/data/search-cursor";
import { MATCH_START as S, MATCH_STOP as E, snippetHtml } from "@/lib/content/snippet";
import { searchParamsSchema } from "@/lib/validation/search";

describe("search cursor", () => {
  it("round-trips the sort key exactly, in an opaque URL-safe string", () => {
    const cursor = { rank: 0.10000000149011612, publishedAt: new Date("2026-11-29T04:05:06.789Z"), id: "cmabc123xyz" };
    const encoded = encodeSearchCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSearchCursor(encoded)).toEqual(cursor);
  });

  it.each([
    ["not base64 JSON", "%%%"],
    ["JSON of the wrong shape", Buffer.from('{"rank":1}').toString("base64url")],
    ["an infinite rank", Buffer.from('[1e999, 0, "id"]').toString("base64url")],
    ["a date out of range", Buffer.from('[1, 9e15, "id"]').toString("base64url")],
    ["an empty id", Buffer.from('[1, 0, ""]').toString("base64url")],
    ["nothing", ""],
  ])("rejects %s", (_, value) => {
    expect(decodeSearchCursor(value)).toBeNull();
  });
});

describe("snippetHtml", () => {
  it("escapes everything, then marks the matches", () => {
    expect(snippetHtml(`<img src=x onerror="alert(1)"> ${S}river${E} & 'more'`)).toBe("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <mark>river</mark> &amp; &#39;more&#39;");
  });

  it("keeps marks balanced when the writer typed a marker character", () => {
    expect(snippetHtml(`a ${E} b ${S}river${E} c ${S} d`)).toBe("a  b <mark>river</mark> c  d");
  });

  it("drops Markdown's block markers and emphasis", () => {
    expect(snippetHtml(`## The ${S}river${E}\n\n> **quiet** water\n- one`)).toBe("The <mark>river</mark> quiet water one");
  });

  it("drops single-marker emphasis, strikethrough and link syntax, keeping words with underscores", () => {
    expect(snippetHtml(`a *soft* ${S}river${E}, _slow_ and ~~fast~~ *water`)).toBe("a soft <mark>river</mark>, slow and fast water");
    expect(snippetHtml(`see [the ${S}river${E} guide](https://example.com/x_y) and ![a map](/m.png)`)).toBe("see the <mark>river</mark> guide and a map");
    expect(snippetHtml("the snake_case name stays")).toBe("the snake_case name stays");
  });
});

describe("searchParamsSchema", () => {
  it("trims the query, takes the first of repeated values and drops empty filters", () => {
    expect(searchParamsSchema.parse({ q: ["  river ", "lake"], community: "", tag: "  poetry " })).toEqual({ q: "river", community: undefined, tag: "poetry" });
    expect(searchParamsSchema.parse({})).toEqual({ q: "", community: undefined, tag: undefined });
  });

  it("refuses a query over 200 characters", () => {
    expect(searchParamsSchema.safeParse({ q: "a".repeat(200) }).success).toBe(true);
    expect(searchParamsSchema.safeParse({ q: "a".repeat(201) }).success).toBe(false);
  });
});

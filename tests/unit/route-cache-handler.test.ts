import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
// The file system Next itself hands to cache handlers.
import { nodeFs } from "next/dist/server/lib/node-fs-methods";

// The response-cache handler (lib/cache/route-cache-handler.mjs) on a real folder, through Next's
// own file-system store that it extends: what is written, what is refused, what is evicted.

type Handler = { get(key: string, ctx: object): Promise<{ value: { kind: string; status?: number } | null } | null>; set(key: string, data: object | null, ctx: object): Promise<void> };

let dir: string;
const PAGE = "/route-cache/APP_PAGE/0123abcd/$";
const ROUTE = "/route-cache/APP_ROUTE/4567cdef/$";
const getCtx = { kind: "APP_PAGE", isRoutePPREnabled: true, isFallback: false };
const setCtx = { isRoutePPREnabled: true, isFallback: false, cacheControl: { revalidate: false, expire: undefined } };

const page = (status: number, kb = 40) => ({
  kind: "APP_PAGE",
  html: `<html>${"x".repeat(kb * 1024)}</html>`,
  rscData: undefined,
  headers: { "x-next-cache-tags": "story-lists" },
  postponed: "{}", // as a real story page has (its per-viewer parts), so no .rsc file is written or read
  status,
  segmentData: new Map([["/_tree", Buffer.from("tree")], ["/_full", Buffer.from("y".repeat(4096))]]),
});
const route = (status: number) => ({ kind: "APP_ROUTE", body: Buffer.from("<rss/>"), headers: {}, status });

async function newHandler(maxMb: string): Promise<Handler> {
  vi.stubEnv("ROUTE_CACHE_MAX_MB", maxMb);
  // A fresh module is a fresh process: its index of what is on disk starts empty.
  vi.resetModules();
  const { default: BoundedRouteCache } = await import("@/lib/cache/route-cache-handler.mjs");
  return new BoundedRouteCache({ fs: nodeFs, flushToDisk: true, serverDistDir: dir, revalidatedTags: [], maxMemoryCacheSize: 0 }) as unknown as Handler;
}

function onDisk() {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return { files: files.map((e) => path.relative(dir, path.join(e.parentPath, e.name))), bytes: files.reduce((n, e) => n + statSync(path.join(e.parentPath, e.name)).size, 0) };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "storyhouse-route-cache-"));
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe("route cache handler", () => {
  it("stores a page and a feed, and reads them back", async () => {
    const cache = await newHandler("1024");
    await cache.set(`${PAGE}/journal/a-story`, page(200), setCtx);
    await cache.set(`${ROUTE}/journal/feed.xml`, route(200), setCtx);
    expect(onDisk().files.sort()).toEqual([
      "route-cache/APP_PAGE/0123abcd/$/journal/a-story.html",
      "route-cache/APP_PAGE/0123abcd/$/journal/a-story.meta",
      "route-cache/APP_PAGE/0123abcd/$/journal/a-story.segments/_full.segment.rsc",
      "route-cache/APP_PAGE/0123abcd/$/journal/a-story.segments/_tree.segment.rsc",
      "route-cache/APP_ROUTE/4567cdef/$/journal/feed.xml.body",
      "route-cache/APP_ROUTE/4567cdef/$/journal/feed.xml.meta",
    ]);
    expect((await cache.get(`${PAGE}/journal/a-story`, getCtx))?.value?.status).toBe(200);
    expect((await cache.get(`${ROUTE}/journal/feed.xml`, { ...getCtx, kind: "APP_ROUTE" }))?.value?.status).toBe(200);
  });

  it("names a page's cache tags in Surrogate-Key for the edge cache, without storing the header", async () => {
    const cache = await newHandler("1024");
    await cache.set(`${PAGE}/journal/tagged`, { ...page(200), headers: { "x-next-cache-tags": "story:1,story-lists,_N_T_/layout" } }, setCtx);
    const read = (await cache.get(`${PAGE}/journal/tagged`, getCtx)) as { value: { headers: Record<string, string> } } | null;
    expect(read?.value.headers["surrogate-key"]).toBe("story:1 story-lists _N_T_/layout");
    expect(read?.value.headers["x-next-cache-tags"]).toBe("story:1,story-lists,_N_T_/layout");
    const meta = readFileSync(path.join(dir, "route-cache/APP_PAGE/0123abcd/$/journal/tagged.meta"), "utf8");
    expect(meta).not.toContain("surrogate-key");
  });

  it("doesn't store a page rendered across a write: a tag that expired after its render began", async () => {
    const { tagsManifest } = await import("next/dist/server/lib/incremental-cache/tags-manifest.external.js");
    const cache = await newHandler("1024");
    const key = `${PAGE}/night-poems`;
    const tagged = { ...page(200), headers: { "x-next-cache-tags": "communities,story-lists" } };
    const at = () => performance.timeOrigin + performance.now();
    try {
      // The read finds nothing, the render begins; a rename expires "communities"; the render ends.
      expect(await cache.get(key, getCtx)).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 5));
      tagsManifest.set("communities", { expired: at() });
      await new Promise((resolve) => setTimeout(resolve, 5));
      await cache.set(key, tagged, setCtx);
      expect(onDisk().files).toEqual([]);
      expect(await cache.get(key, getCtx)).toBeNull();
      // The next render begins after the write: it is stored, and served.
      await new Promise((resolve) => setTimeout(resolve, 5));
      await cache.set(key, tagged, setCtx);
      expect((await cache.get(key, getCtx))?.value?.kind).toBe("APP_PAGE");
      // A tag the page doesn't carry changes nothing.
      tagsManifest.set("elsewhere", { expired: at() });
      expect(await cache.get(`${PAGE}/other`, getCtx)).toBeNull();
      await cache.set(`${PAGE}/other`, tagged, setCtx);
      expect((await cache.get(`${PAGE}/other`, getCtx))?.value?.kind).toBe("APP_PAGE");
    } finally {
      tagsManifest.delete("communities");
      tagsManifest.delete("elsewhere");
    }
  });

  it("never stores a 404, page or route, so made-up URLs leave nothing behind", async () => {
    const cache = await newHandler("1024");
    for (let i = 0; i < 50; i++) {
      await cache.set(`${PAGE}/journal/nope-${i}`, page(404), setCtx);
      await cache.set(`${ROUTE}/nope-${i}/feed.xml`, route(404), setCtx);
    }
    expect(onDisk().files).toEqual([]);
    expect(await cache.get(`${PAGE}/journal/nope-1`, getCtx)).toBeNull();
  });

  it("doesn't store a page rendered under a request's nonce (an action's redirect renders its target), so cached pages stay the same for every reader", async () => {
    const cache = await newHandler("1024");
    const nonced = (html: string | Buffer) => ({ ...page(200), html });
    await cache.set(`${PAGE}/journal`, nonced(`<html><script nonce="abc123==">self.__next_f.push([])</script></html>`), setCtx);
    await cache.set(`${PAGE}/tags/notes`, nonced(Buffer.from(`<html><link rel="stylesheet" href="/a.css" nonce="abc"/></html>`)), setCtx);
    expect(onDisk().files).toEqual([]);
    expect(await cache.get(`${PAGE}/journal`, getCtx)).toBeNull();
    // The same page without a nonce is stored; a story that writes about one is not a nonce (React
    // escapes the quote in text, and the flight data in a script escapes it with a backslash).
    await cache.set(`${PAGE}/journal`, nonced(`<html><script>self.__next_f.push([1,"the nonce=\\"x\\""])</script><p>the nonce=&quot;x&quot; attribute</p></html>`), setCtx);
    expect(onDisk().files.some((f) => f.endsWith("journal.html"))).toBe(true);
  });

  it("skips keys no file system can hold instead of failing (NUL, over-long segments)", async () => {
    const cache = await newHandler("1024");
    await cache.set(`${PAGE}/journal/a\u0000b`, page(200), setCtx);
    await cache.set(`${PAGE}/journal/${"x".repeat(300)}`, page(200), setCtx);
    expect(onDisk().files).toEqual([]);
  });

  it("keeps the files under ROUTE_CACHE_MAX_MB, evicting the least recently used", async () => {
    const cache = await newHandler("0.5"); // 512 KB; each page is about 45 KB
    for (let i = 0; i < 8; i++) await cache.set(`${PAGE}/journal/story-${i}`, page(200), setCtx);
    // Read the oldest: it is now the most recently used.
    expect(await cache.get(`${PAGE}/journal/story-0`, getCtx)).not.toBeNull();
    for (let i = 8; i < 30; i++) await cache.set(`${PAGE}/journal/story-${i}`, page(200), setCtx);

    const { files, bytes } = onDisk();
    expect(bytes).toBeLessThanOrEqual(512 * 1024);
    const kept = files.filter((f) => f.endsWith(".html")).map((f) => Number(/story-(\d+)/.exec(f)![1])).sort((a, b) => a - b);
    expect(kept.length).toBeGreaterThanOrEqual(8);
    expect(kept.at(-1)).toBe(29);
    expect(kept).not.toContain(1); // written early, never read again
    // An evicted entry leaves no file behind (meta, segments) and is a miss.
    expect(files.filter((f) => f.includes("story-1."))).toEqual([]);
    expect(await cache.get(`${PAGE}/journal/story-1`, getCtx)).toBeNull();
  });

  it("counts what an earlier run left on disk, and evicts that first", async () => {
    const first = await newHandler("1024");
    for (let i = 0; i < 10; i++) await first.set(`${PAGE}/journal/old-${i}`, page(200), setCtx);
    const restarted = await newHandler("0.5");
    for (let i = 0; i < 6; i++) await restarted.set(`${PAGE}/journal/new-${i}`, page(200), setCtx);

    const { files, bytes } = onDisk();
    expect(bytes).toBeLessThanOrEqual(512 * 1024);
    expect(files.filter((f) => /new-\d\.html$/.test(f))).toHaveLength(6);
    expect(files.filter((f) => /old-\d\.html$/.test(f)).length).toBeLessThan(10);
  });
});

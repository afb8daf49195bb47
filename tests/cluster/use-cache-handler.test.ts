import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { startRedis } from "../../scripts/lib/services.mjs";
import { createRedisCacheHandler } from "@/lib/cache/use-cache-handler.mjs";
import { purgeEdge, keyBatches } from "@/lib/cache/edge-purge.mjs";

// The 'use cache' store on a real redis-server: two handlers, each with a tag manifest of its own,
// stand for two app processes.

type Manifest = Map<string, { stale?: number; expired?: number }>;
type Entry = { value: ReadableStream<Uint8Array>; tags: string[]; stale: number; timestamp: number; expire: number; revalidate: number };
type Handler = ReturnType<typeof createRedisCacheHandler>;

let redis: Awaited<ReturnType<typeof startRedis>>;
const handlers: Handler[] = [];

function process(prefix: string) {
  const manifest: Manifest = new Map();
  const handler = createRedisCacheHandler({ url: redis.url, manifest, prefix, log: () => {} });
  handlers.push(handler);
  return { handler, manifest };
}
const entry = (text: string, tags: string[], overrides: Partial<Entry> = {}): Entry => ({
  value: new Blob([text]).stream(),
  tags,
  stale: 300,
  timestamp: Date.now(),
  expire: 31536000,
  revalidate: 31536000,
  ...overrides,
});
const text = async (found: Entry | undefined) => (found ? new Response(found.value).text() : undefined);
const until = async (check: () => boolean, ms = 1_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
};

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const handler of handlers) await handler.close();
  await redis?.stop();
});

describe("the 'use cache' handler on Redis", () => {
  it("serves an entry stored by one process to another, byte for byte", async () => {
    const a = process("t1:");
    const b = process("t1:");
    await Promise.all([a.handler.ready, b.handler.ready]);
    await a.handler.set("key-1", Promise.resolve(entry("story page ✓", ["story:1"])));
    const found = await b.handler.get("key-1");
    expect(found?.tags).toEqual(["story:1"]);
    expect(await text(found)).toBe("story page ✓");
    // Every read is a new stream.
    expect(await text(await b.handler.get("key-1"))).toBe("story page ✓");
    expect(await b.handler.get("key-missing")).toBeUndefined();
  });

  it("a tag expired on one process expires the entry on the other, within a second", async () => {
    const a = process("t2:");
    const b = process("t2:");
    await Promise.all([a.handler.ready, b.handler.ready]);
    await a.handler.set("page", Promise.resolve(entry("old", ["story:2", "story-lists"], { timestamp: Date.now() - 10 })));
    expect(await text(await b.handler.get("page"))).toBe("old");
    expect(await b.handler.getExpiration(["story:2"])).toBe(0);

    const expiredAt = Date.now();
    await a.handler.updateTags(["story:2"], { expire: 0 });
    await until(() => (b.manifest.get("story:2")?.expired ?? 0) >= expiredAt);
    expect(await b.handler.get("page")).toBeUndefined();
    expect(await b.handler.getExpiration(["story:2", "other"])).toBeGreaterThanOrEqual(expiredAt);
    // Untouched tags stay as they were.
    expect(b.manifest.has("story-lists")).toBe(false);
  });

  it("a process started later reads the expiries recorded before it", async () => {
    const a = process("t3:");
    await a.handler.ready;
    await a.handler.updateTags(["creator:9"]);
    const late = process("t3:");
    await late.handler.refreshTags();
    expect(late.manifest.get("creator:9")?.expired).toBeGreaterThan(0);
  });

  it("a stale tag (revalidateTag with a profile) serves the entry once more, marked for refresh", async () => {
    const a = process("t4:");
    const b = process("t4:");
    await Promise.all([a.handler.ready, b.handler.ready]);
    await a.handler.set("list", Promise.resolve(entry("list", ["story-lists"], { timestamp: Date.now() - 10 })));
    await a.handler.updateTags(["story-lists"], { expire: 3600 });
    await until(() => b.manifest.has("story-lists"));
    const found = await b.handler.get("list");
    expect(found?.revalidate).toBe(-1);
    expect(await text(found)).toBe("list");
  });

  it("does not store dynamic entries (expire 0), and a reader waits for a set in progress", async () => {
    const a = process("t5:");
    await a.handler.ready;
    await a.handler.set("dynamic", Promise.resolve(entry("x", [], { expire: 0 })));
    expect(await a.handler.get("dynamic")).toBeUndefined();
    let resolve!: (e: Entry) => void;
    const setting = a.handler.set("slow", new Promise<Entry>((r) => (resolve = r)));
    const reading = a.handler.get("slow");
    resolve(entry("arrived", []));
    await setting;
    expect(await text(await reading)).toBe("arrived");
  });

  it("with Redis unreachable, reads are misses and writes are dropped, quickly and without throwing", async () => {
    const manifest: Manifest = new Map();
    const handler = createRedisCacheHandler({ url: "redis://127.0.0.1:1", manifest, prefix: "t6:", log: () => {} });
    handlers.push(handler);
    const t0 = Date.now();
    await handler.refreshTags();
    expect(await handler.get("anything")).toBeUndefined();
    await handler.set("anything", Promise.resolve(entry("x", [])));
    await handler.updateTags(["story:1"]);
    // Still expired here, in this process.
    expect(manifest.get("story:1")?.expired).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(8_000);
  });
});

describe("edge purge", () => {
  it("sends every expired tag to every configured edge, with the secret", async () => {
    const seen: { method?: string; keys?: string; secret?: string }[] = [];
    const server = http.createServer((req, res) => {
      seen.push({ method: req.method, keys: req.headers["xkey-purge"] as string, secret: req.headers["x-purge-secret"] as string });
      res.end("purged");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const results = await purgeEdge(["story:1", "story-lists", "story:1"], { urls: [url, url], secret: "s3cret", secretHeader: "X-Purge-Secret", method: "PURGE", timeoutMs: 2000, repeatMs: 100 });
    expect(seen).toHaveLength(2);
    // Sent once more a little later, in case the edge refetched from a process that had not yet heard.
    await new Promise((r) => setTimeout(r, 300));
    server.close();
    expect(results.every((r) => r.ok)).toBe(true);
    expect(seen).toEqual(Array(4).fill({ method: "PURGE", keys: "story:1 story-lists", secret: "s3cret" }));
  });

  it("an unreachable edge is reported, not thrown; many keys go in several requests", async () => {
    const results = await purgeEdge(["a"], { urls: ["http://127.0.0.1:1/"], secret: "", secretHeader: "X", method: "PURGE", timeoutMs: 500, repeatMs: 0 }, () => {});
    expect(results).toEqual([{ url: "http://127.0.0.1:1/", ok: false }]);
    const batches = keyBatches(Array.from({ length: 500 }, (_, i) => `story:${"x".repeat(20)}${i}`));
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.every((b) => b.length <= 4000)).toBe(true);
  });
});

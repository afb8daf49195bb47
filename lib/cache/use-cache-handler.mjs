// The store behind 'use cache' (next.config.ts `cacheHandlers.default`), loaded by `next start`
// itself, so it is plain JavaScript and reads its settings from the environment directly.
//
//   REDIS_URL unset: Next's own in-memory store, exactly as without this file.
//   REDIS_URL set:   entries live in Redis, shared by every app process, and tag expiry is shared
//                    (lib/cache/shared-tags.mjs): a write on any process expires the tag on all,
//                    for these entries and for the rendered pages in each process's route cache.
//   EDGE_PURGE_URLS set (either way): every expired tag is also purged at the edge cache
//                    (lib/cache/edge-purge.mjs).
// docs/deploy.md has the topology and every variable.
import { createRequire } from "node:module";
import { createSharedTags } from "./shared-tags.mjs";
import { purgeEdge } from "./edge-purge.mjs";

const require = createRequire(import.meta.url);
// Next 16.4 (pinned): its in-memory handler, and the process-wide tag manifest that it and the
// route cache both read (a `.external` module: one instance per process, shared with Next).
const { createDefaultCacheHandler } = require("next/dist/server/lib/cache-handlers/default.js");
const { tagsManifest } = require("next/dist/server/lib/incremental-cache/tags-manifest.external.js");

const MB = 1024 * 1024;
// A stored entry: 4 bytes giving the length of the JSON metadata, the metadata, then the value.
export function encodeEntry(metadata, value) {
  const json = Buffer.from(JSON.stringify(metadata));
  const header = Buffer.alloc(4);
  header.writeUInt32BE(json.length);
  return Buffer.concat([header, json, value]);
}
export function decodeEntry(buffer) {
  const length = buffer.readUInt32BE(0);
  return { metadata: JSON.parse(buffer.subarray(4, 4 + length).toString()), value: buffer.subarray(4 + length) };
}

const now = () => performance.timeOrigin + performance.now();
/** Same rules as Next's manifest checks (tags-manifest.external.js), on a manifest passed in. */
const tagsExpired = (manifest, tags, timestamp) =>
  tags.some((tag) => {
    const expired = manifest.get(tag)?.expired;
    return typeof expired === "number" && expired <= now() && expired > timestamp;
  });
const tagsStale = (manifest, tags, timestamp) => tags.some((tag) => (manifest.get(tag)?.stale ?? 0) > timestamp);

/** What Next's own handler does on updateTags (cache-handlers/default.js), on a manifest passed in. */
export function expireInManifest(manifest, tags, durations) {
  const at = Math.round(now());
  for (const tag of tags) {
    const existing = manifest.get(tag) ?? {};
    if (durations) {
      const updates = { ...existing, stale: at };
      if (durations.expire !== undefined) updates.expired = at + durations.expire * 1000;
      manifest.set(tag, updates);
    } else manifest.set(tag, { ...existing, expired: at });
  }
}

async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}
const streamOf = (bytes) =>
  new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });

/**
 * A 'use cache' handler on Redis. `manifest` is Next's tag manifest in the app; tests pass a Map
 * of their own per simulated process.
 * @param {object} options
 * @param {string} options.url REDIS_URL
 * @param {Map<string, {stale?: number, expired?: number}>} [options.manifest]
 * @param {string} [options.prefix] key prefix (REDIS_PREFIX), so several sites can share a Redis
 * @param {number} [options.maxEntryBytes] entries larger than this are not stored
 * @param {(message: string) => void} [options.log]
 */
export function createRedisCacheHandler({ url, manifest = tagsManifest, prefix = "storyhouse:", maxEntryBytes = 8 * MB, log = (m) => console.error(`[use-cache] ${m}`) }) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Redis } = require("ioredis");
  // A Redis that is down must not hang a page: a command fails after a second, and the caller
  // treats a failure as a miss (the page renders from the database).
  const options = { commandTimeout: 1_000, maxRetriesPerRequest: 1, connectionName: "storyhouse-cache" };
  const redis = new Redis(url, options);
  const subscriber = new Redis(url, { ...options, commandTimeout: undefined });
  let reported = 0;
  const failed = (what, error) => {
    // One line per failure burst, not per request.
    if (Date.now() - reported > 10_000) log(`${what} failed, serving without the shared cache: ${error?.message ?? error}`);
    reported = Date.now();
  };
  for (const connection of [redis, subscriber]) connection.on("error", (error) => failed("the Redis connection", error));
  const shared = createSharedTags({ redis, subscriber, manifest, prefix, log });
  const pending = new Map();
  const keyOf = (cacheKey) => `${prefix}uc:${cacheKey}`;

  return {
    async get(cacheKey) {
      await pending.get(cacheKey);
      let stored;
      try {
        stored = await redis.getBuffer(keyOf(cacheKey));
      } catch (error) {
        failed("reading a cache entry", error);
        return undefined;
      }
      if (!stored) return undefined;
      const { metadata, value } = decodeEntry(stored);
      // As Next's in-memory store in production: past `revalidate`, or an expired tag, is a miss.
      if (metadata.expire < 0 || now() > metadata.timestamp + metadata.revalidate * 1000) return undefined;
      if (tagsExpired(manifest, metadata.tags, metadata.timestamp)) return undefined;
      const revalidate = tagsStale(manifest, metadata.tags, metadata.timestamp) ? -1 : metadata.revalidate;
      return { ...metadata, revalidate, value: streamOf(value) };
    },

    async set(cacheKey, pendingEntry) {
      let done;
      pending.set(cacheKey, new Promise((resolve) => (done = resolve)));
      try {
        const entry = await pendingEntry;
        // `expire: 0` is dynamic: regenerated on every read, never served from a store.
        if (entry.expire === 0) return;
        const value = await readAll(entry.value);
        if (value.byteLength > maxEntryBytes) return;
        const { value: _stream, ...metadata } = entry;
        // Redis forgets it when Next would stop using it anyway (`expire`, at most a year here).
        const ttlMs = Math.max(1_000, Math.min(entry.expire, 365 * 24 * 3600) * 1000);
        await redis.set(keyOf(cacheKey), encodeEntry(metadata, value), "PX", Math.round(ttlMs));
      } catch (error) {
        failed("storing a cache entry", error);
      } finally {
        pending.delete(cacheKey);
        done();
      }
    },

    async refreshTags() {
      // Expiries arrive by message as they happen; a request only waits for the first load.
      await shared.ready;
    },

    async getExpiration(tags) {
      await shared.ready;
      return Math.max(0, ...tags.map((tag) => manifest.get(tag)?.expired ?? 0));
    },

    async updateTags(tags, durations) {
      // This process at once, then every other one.
      expireInManifest(manifest, tags, durations);
      try {
        await shared.publish(tags);
      } catch (error) {
        failed("sharing a tag expiry", error);
      }
      await purgeEdge(tags);
    },

    /** For tests and shutdown. */
    async close() {
      redis.disconnect();
      subscriber.disconnect();
    },
    ready: shared.ready,
  };
}

/** The in-memory handler, plus the edge purge. */
function createLocalHandler() {
  const local = createDefaultCacheHandler(Number(process.env.USE_CACHE_MAX_MB ?? 32) * MB);
  return {
    ...local,
    async updateTags(tags, durations) {
      await local.updateTags(tags, durations);
      await purgeEdge(tags);
    },
  };
}

const handler = process.env.REDIS_URL ? createRedisCacheHandler({ url: process.env.REDIS_URL, prefix: process.env.REDIS_PREFIX || "storyhouse:" }) : createLocalHandler();
export default handler;

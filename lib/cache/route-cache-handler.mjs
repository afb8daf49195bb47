// Next's response cache (ISR: the rendered public pages and feeds) with two changes to its default
// file-system store: a 404 is never stored, and the files on disk have a size bound with
// least-recently-used eviction. Loaded by `next start` itself (next.config.ts `cacheHandler`), so
// it is plain JavaScript and reads its one setting from the environment directly.
//
// Why: every dynamic public route renders on first visit and is kept on disk, and so was its 404.
// A script asking for random story URLs left five files (~49 KB) per URL in server/route-cache,
// with nothing ever removing them, until the disk was full. Unknown URLs are now rendered each
// time (the not-found page: cheap, no database write) and never written; known pages are cached
// exactly as before, up to ROUTE_CACHE_MAX_MB on disk. See docs/security.md, "Unknown URLs".
import { createRequire } from "node:module";
import { readdir, rm, rmdir, stat } from "node:fs/promises";
import path from "node:path";

// The default handler (Next 16.4, pinned). Extending it keeps everything it does that a handler of
// our own would have to copy: the in-memory LRU in front of the disk (cacheMaxMemorySize), tag
// expiry, reading the pages prerendered at build time and promoting them into server/route-cache.
const require = createRequire(import.meta.url);
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;
const { areTagsExpired } = require("next/dist/server/lib/incremental-cache/tags-manifest.external.js");

const MB = 1024 * 1024;
/** The bound on the route cache's files, in bytes (ROUTE_CACHE_MAX_MB, default 1024). */
export function routeCacheMaxBytes(env = process.env) {
  const mb = Number(env.ROUTE_CACHE_MAX_MB ?? 1024);
  return (Number.isFinite(mb) && mb > 0 ? mb : 1024) * MB;
}
// Eviction goes a little below the bound, so a full cache doesn't evict on every write.
const LOW_WATER = 0.9;
// Files one response-cache entry may have beside its `.segments` folder (see FileSystemCache).
const ENTRY_SUFFIXES = [".html", ".rsc", ".json", ".meta", ".body"];
const SEGMENTS_SUFFIX = ".segments";

/** A response for a URL that names nothing: rendered per request, never stored. */
export function isNotFound(data) {
  return (data?.kind === "APP_PAGE" || data?.kind === "APP_ROUTE" || data?.kind === "PAGES") && data.status === 404;
}

/**
 * Whether a key can be a file name on any common file system: no segment over 200 bytes (255 is
 * the usual limit, and Next adds suffixes such as `.segments`), no control characters (a NUL fails
 * every file call). A hostile URL's 404 is already kept out; this keeps any other such key off disk.
 */
export function isStorableKey(key) {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(key)) return false;
  return key.split("/").every((segment) => Buffer.byteLength(segment) <= 200);
}

/** Roughly what FileSystemCache writes for `data`, in bytes (metadata counted as 1 KB). */
export function entrySize(data) {
  if (!data) return 0;
  const bytes = (value) => (value == null ? 0 : typeof value === "string" ? Buffer.byteLength(value) : (value.byteLength ?? value.length ?? 0));
  let size = 1024;
  if (data.kind === "APP_PAGE" || data.kind === "PAGES") {
    size += bytes(data.html) + bytes(data.rscData) + (data.pageData ? bytes(JSON.stringify(data.pageData)) : 0);
    for (const [segment, buffer] of data.segmentData ?? []) size += bytes(segment) + bytes(buffer);
  } else if (data.kind === "APP_ROUTE") {
    size += bytes(data.body);
  } else if (data.kind === "FETCH") {
    size += bytes(JSON.stringify(data));
  }
  return size;
}

/**
 * What this process has on disk, least recently used first (a Map keeps insertion order, and a
 * touched entry is moved to the end). One per output folder: Next makes a handler per request.
 */
class DiskIndex {
  entries = new Map(); // key → { bytes, kind }
  bytes = 0;
  /** Entries found on disk at start (from an earlier run), read once in the background. */
  loaded;

  constructor(serverDistDir, maxBytes) {
    this.serverDistDir = serverDistDir;
    this.maxBytes = maxBytes;
    this.loaded = this.load().catch(() => {});
  }

  touch(key, kind, bytes) {
    const known = this.entries.get(key);
    if (known) {
      this.entries.delete(key);
      this.bytes -= known.bytes;
    }
    const entry = { kind, bytes: bytes ?? known?.bytes ?? 0 };
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
  }

  forget(key) {
    const known = this.entries.get(key);
    if (!known) return undefined;
    this.entries.delete(key);
    this.bytes -= known.bytes;
    return known;
  }

  /** The keys to remove so the total falls below the low-water mark, oldest first. */
  takeOverflow() {
    if (this.bytes <= this.maxBytes) return [];
    const evicted = [];
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes * LOW_WATER) break;
      this.forget(key);
      evicted.push({ key, kind: entry.kind });
    }
    return evicted;
  }

  /** Walks server/route-cache once; what's on disk is older than anything this process wrote. */
  async load() {
    const root = path.join(this.serverDistDir, "route-cache");
    const found = [];
    const walk = async (dir) => {
      for (const item of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
        const full = path.join(dir, item.name);
        if (item.isDirectory()) {
          if (!item.name.endsWith(SEGMENTS_SUFFIX)) await walk(full);
          continue;
        }
        const match = /\.(html|body)$/.exec(item.name);
        if (!match) continue;
        const base = full.slice(0, -match[0].length);
        let bytes = 0;
        let mtime = 0;
        for (const suffix of ENTRY_SUFFIXES) {
          const info = await stat(base + suffix).catch(() => null);
          if (info) (bytes += info.size), (mtime = Math.max(mtime, info.mtimeMs));
        }
        for (const segment of await readdir(base + SEGMENTS_SUFFIX, { recursive: true, withFileTypes: true }).catch(() => [])) {
          if (segment.isFile()) bytes += (await stat(path.join(segment.parentPath, segment.name)).catch(() => ({ size: 0 }))).size;
        }
        const key = "/" + path.relative(this.serverDistDir, base).split(path.sep).join("/");
        found.push({ key, kind: match[1] === "body" ? "APP_ROUTE" : "APP_PAGE", bytes, mtime });
      }
    };
    await walk(root);
    found.sort((a, b) => a.mtime - b.mtime);
    // Put them in front of what this process touched meanwhile (newer).
    const newer = [...this.entries];
    this.entries = new Map();
    this.bytes = 0;
    for (const entry of found) this.touch(entry.key, entry.kind, entry.bytes);
    for (const [key, entry] of newer) this.touch(key, entry.kind, entry.bytes);
  }
}

const indexes = new Map();

/**
 * Adds `Surrogate-Key` (the page's cache tags, space separated) to a stored page's headers, which
 * Next sends with the page: an edge cache (deploy/varnish, or a CDN with surrogate keys) files the
 * page under those keys, and a tag's expiry purges them there (lib/cache/edge-purge.mjs). Next
 * itself sends the tags (x-next-cache-tags) only in its hosted mode.
 */
export function withSurrogateKeys(data) {
  const tags = data?.headers?.["x-next-cache-tags"];
  if (typeof tags !== "string" || !tags || (data.kind !== "APP_PAGE" && data.kind !== "APP_ROUTE")) return data;
  return { ...data, headers: { ...data.headers, "surrogate-key": tags.split(",").filter(Boolean).join(" ") } };
}

/**
 * When the render that will store each key began: the read that found nothing fresh (a miss, or
 * an entry whose tags had expired), which is what makes Next render the page. Next's store dates an
 * entry by when it is written, so a page rendered from data read *before* a write, but stored just
 * *after* that write expired its tags, looked newer than the expiry and stayed, stale, until the
 * next expiry of one of its tags (seen as a renamed community's old page still served). One map
 * per process, like Next's tag manifest; a start that no write follows is forgotten after a minute.
 */
const renderStarts = new Map(); // key → ms (performance.timeOrigin + performance.now(), as the manifest's)
const RENDER_START_TTL_MS = 60_000;
const now = () => performance.timeOrigin + performance.now();

function noteRenderStart(key) {
  const started = renderStarts.get(key);
  if (started === undefined || now() - started > RENDER_START_TTL_MS) {
    renderStarts.delete(key); // re-inserted last: the map stays in start order for the sweep below
    renderStarts.set(key, now());
  }
  if (renderStarts.size > 10_000) {
    for (const [oldKey, at] of renderStarts) {
      if (now() - at <= RENDER_START_TTL_MS) break;
      renderStarts.delete(oldKey);
    }
  }
}

/**
 * Whether a page was rendered under a per-request policy: its HTML carries a script nonce
 * (proxy.ts gives one to every request it renders per request, a server action's included). A
 * cached page is the same HTML for every reader, under the public policy. A server action that
 * redirects (signing in lands on the home page) renders its target in the action's own request, so
 * when that target's entry was stale it came back nonced and was stored and served to everyone.
 */
export function renderedPerRequest(data) {
  const html = data?.kind === "APP_PAGE" ? data.html : null;
  if (html == null) return false;
  return (typeof html === "string" ? html : Buffer.from(html)).includes(' nonce="');
}

/** Whether `data` was rendered across a write: one of its tags expired after its render began. */
export function renderedAcrossExpiry(data, startedAt) {
  const tags = data?.headers?.["x-next-cache-tags"];
  return startedAt !== undefined && typeof tags === "string" && areTagsExpired(tags.split(",").filter(Boolean), startedAt);
}

export default class BoundedRouteCache extends FileSystemCache {
  constructor(ctx) {
    super(ctx);
    const maxBytes = routeCacheMaxBytes();
    let index = indexes.get(ctx.serverDistDir);
    if (!index) indexes.set(ctx.serverDistDir, (index = new DiskIndex(ctx.serverDistDir, maxBytes)));
    this.index = index;
  }

  async get(key, ctx) {
    const data = await super.get(key, ctx);
    if (!data?.value) noteRenderStart(key);
    // A hit is a use: it moves the entry away from eviction. (A page prerendered at build time is
    // copied into route-cache on its first read, so it enters the index here.)
    if (data?.value && this.flushToDisk) this.index.touch(key, data.value.kind, this.index.entries.has(key) ? undefined : entrySize(data.value));
    return data?.value ? { ...data, value: withSurrogateKeys(data.value) } : data;
  }

  async set(key, data, ctx) {
    const startedAt = renderStarts.get(key);
    renderStarts.delete(key);
    if (isNotFound(data) || !isStorableKey(key)) return;
    // Rendered from data older than a write that landed meanwhile: served to the request that
    // rendered it, never stored, so the next request renders the page fresh.
    if (renderedAcrossExpiry(data, startedAt)) return;
    // Rendered for one request under its nonce: the next reader's request renders the shared page.
    if (renderedPerRequest(data)) return;
    await super.set(key, data, ctx);
    if (!this.flushToDisk || !data) return;
    this.index.touch(key, data.kind, entrySize(data));
    await this.evict();
  }

  async evict() {
    await this.index.loaded;
    for (const { key, kind } of this.index.takeOverflow()) await this.remove(key, kind);
  }

  /** Deletes one entry's files (and its in-memory copy, or it would be served after eviction). */
  async remove(key, kind) {
    FileSystemCache.memoryCache?.remove(key);
    const fileKind = kind === "FETCH" ? "FETCH" : kind === "APP_ROUTE" ? "APP_ROUTE" : kind === "PAGES" ? "PAGES" : "APP_PAGE";
    if (fileKind === "FETCH") return rm(this.getFilePath(key, "FETCH"), { force: true });
    const base = this.getFilePath(key, fileKind);
    await Promise.all([...ENTRY_SUFFIXES.map((suffix) => rm(base + suffix, { force: true })), rm(base + SEGMENTS_SUFFIX, { recursive: true, force: true })]);
    // Leave no empty folders behind (a story's comment pages have one of their own).
    for (let dir = path.dirname(base); dir.startsWith(path.join(this.serverDistDir, "route-cache") + path.sep); dir = path.dirname(dir)) {
      if (!(await rmdir(dir).then(() => true, () => false))) break;
    }
  }
}

import type { NextConfig } from "next";
import path from "node:path";
import { publicPolicy } from "./lib/security/csp";

// Headers for every response. The Content-Security-Policy here is the one for cached pages (no
// nonce is possible in HTML shared by every reader); proxy.ts replaces it with a nonce policy on
// the pages rendered per request. See lib/security/csp.ts and docs/security.md.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Content-Security-Policy", value: publicPolicy({ dev: process.env.NODE_ENV === "development" }) },
  // Browsers ignore it over plain http, so it only takes effect on an https deployment.
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The tests' build checks its types with tsgo after building (scripts/lib/app-env.mjs
  // buildIfChanged); every other build keeps Next's own check.
  typescript: { ignoreBuildErrors: process.env.STORYHOUSE_TYPECHECK === "tsgo" },
  // The render pool (lib/content/render-pool.ts) starts its workers from piscina's own worker file
  // and from lib/content/markdown-pipeline.mjs, both loaded by Node from disk, not from the bundle.
  serverExternalPackages: ["piscina"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  // Public pages are prerendered and cached (lib/cache/public.ts), expired by tag on writes.
  cacheComponents: true,
  // Rendered pages are kept on disk by Next's own store, with two changes: a 404 is never stored
  // (made-up URLs used to fill the disk), and the files have a size bound, ROUTE_CACHE_MAX_MB.
  // Loaded at run time by `next start`, from this absolute path.
  cacheHandler: path.join(process.cwd(), "lib/cache/route-cache-handler.mjs"),
  // Its in-memory layer in front of the disk, and the in-memory 'use cache' store below, share the
  // server's heap (APP_HEAP_MB) with the code of every route (~130 MB once all have run): 32 MB
  // each, not Next's 50, so both full still leave room (docs/security.md, "The bounds in memory").
  cacheMaxMemorySize: 32 * 1024 * 1024,
  // The store behind 'use cache': Next's own in-memory one unless REDIS_URL is set, then Redis,
  // shared by every app process, with tag expiry shared too (docs/deploy.md). Either way an
  // expired tag is also purged at the edge cache when EDGE_PURGE_URLS is set.
  cacheHandlers: { default: path.join(process.cwd(), "lib/cache/use-cache-handler.mjs") },
  // A separate output folder per database (see scripts/lib/app-env.mjs): prerendered pages hold data.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Uploads are stored at a few widths already (lib/media); the loader points srcset at them, so
  // next/image needs no optimizer of its own.
  images: { loader: "custom", loaderFile: "./lib/media/image-loader.ts" },
  experimental: {
    // Turbopack keeps a build cache (~200 MB) for the next build to start from. A CI machine builds
    // once from a fresh clone and never again, so there writing it is only cost.
    turbopackFileSystemCacheForBuild: !process.env.CI,
    // Large enough that an oversized story reaches our own validation (and its clear message)
    // instead of failing inside the framework.
    serverActions: { bodySizeLimit: "12mb" },
    // proxy.ts sees requests to /settings, so it buffers their bodies: as much as an avatar upload
    // (10 MB) may carry, or a larger one would arrive cut short instead of getting its clear message.
    proxyClientMaxBodySize: "12mb",
  },
};

export default nextConfig;

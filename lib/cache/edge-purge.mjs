// Purges expired cache tags at the edge cache in front of the app (Varnish with xkey, as shipped in
// deploy/varnish/, or a CDN with surrogate keys). Public pages name their tags in the
// `Surrogate-Key` response header (proxy.ts); when a tag expires in the app, this asks every
// configured edge to drop whatever it cached under that key. Unset EDGE_PURGE_URLS: does nothing.
// Plain JavaScript: the 'use cache' handler (loaded by Next at run time) calls it.
//
//   EDGE_PURGE_URLS           comma-separated URLs, one per edge node (Varnish: any URL it serves)
//   EDGE_PURGE_SECRET         sent in EDGE_PURGE_SECRET_HEADER; the edge refuses purges without it
//   EDGE_PURGE_SECRET_HEADER  default X-Purge-Secret (Fastly: Fastly-Key)
//   EDGE_PURGE_METHOD         default PURGE (Fastly's batch purge: POST)
//   EDGE_PURGE_TIMEOUT_MS     default 2000
//   EDGE_PURGE_REPEAT_MS      default 1000: the same purge is sent again this much later (0: never),
//                             in case the edge refetched a page from a process that had not yet
//                             heard of the expiry (lib/cache/shared-tags.mjs: usually < 1 ms)
// The keys go in both `xkey-purge` (Varnish xkey) and `Surrogate-Key` (Fastly's batch purge).

/** The purge settings, read from `env`. */
export function edgePurgeConfig(env = process.env) {
  return {
    urls: (env.EDGE_PURGE_URLS ?? "").split(",").map((url) => url.trim()).filter(Boolean),
    secret: env.EDGE_PURGE_SECRET ?? "",
    secretHeader: env.EDGE_PURGE_SECRET_HEADER || "X-Purge-Secret",
    method: env.EDGE_PURGE_METHOD || "PURGE",
    timeoutMs: Number(env.EDGE_PURGE_TIMEOUT_MS ?? 2_000),
    repeatMs: Number(env.EDGE_PURGE_REPEAT_MS ?? 1_000),
  };
}

// A header line stays well under the edge's limit (Varnish: 8 KB), so many keys go in batches.
const MAX_KEYS_BYTES = 4_000;
/** Splits keys into space-separated batches of at most MAX_KEYS_BYTES. */
export function keyBatches(keys) {
  const batches = [];
  let current = "";
  for (const key of keys) {
    if (current && current.length + 1 + key.length > MAX_KEYS_BYTES) {
      batches.push(current);
      current = "";
    }
    current = current ? `${current} ${key}` : key;
  }
  if (current) batches.push(current);
  return batches;
}

/**
 * Purges `tags` at every configured edge, all at once; waits for the answers (so a write's
 * response leaves the edge fresh) but never throws: a failed purge is logged, and the edge's
 * own TTL bounds how long it can serve the old page.
 * @returns {Promise<{ url: string, ok: boolean, status?: number }[]>}
 */
export async function purgeEdge(tags, config = edgePurgeConfig(), log = (m) => console.error(`[edge-purge] ${m}`)) {
  if (!config.urls.length || !tags.length) return [];
  const unique = [...new Set(tags)];
  if (config.repeatMs > 0) setTimeout(() => purgeEdge(unique, { ...config, repeatMs: 0 }, log), config.repeatMs).unref();
  const requests = config.urls.flatMap((url) =>
    keyBatches(unique).map(async (keys) => {
      try {
        const response = await fetch(url, {
          method: config.method,
          headers: { "xkey-purge": keys, "Surrogate-Key": keys, ...(config.secret ? { [config.secretHeader]: config.secret } : {}) },
          signal: AbortSignal.timeout(config.timeoutMs),
        });
        await response.arrayBuffer().catch(() => {});
        if (!response.ok) log(`${url} answered ${response.status} to a purge of ${keys.length} bytes of keys`);
        return { url, ok: response.ok, status: response.status };
      } catch (error) {
        log(`${url} could not be purged: ${error?.message ?? error}`);
        return { url, ok: false };
      }
    }),
  );
  return Promise.all(requests);
}

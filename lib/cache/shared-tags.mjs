// Tag expiry shared by every app process through Redis. Next keeps one tag manifest per process
// (a Map: tag → { stale, expired } timestamps) that both of its caches consult: the 'use cache'
// entries and the rendered pages of the route cache. An expiry handled by one process goes to
// Redis (a hash, for processes that start later, and a message on a channel, for those running);
// every process merges what it receives into its own manifest, so a write anywhere expires the
// tag everywhere, usually within a millisecond. Plain JavaScript: Next loads it at run time.

/** Merges one manifest entry into another: a later expiry always wins. */
export function mergeTagEntry(current = {}, incoming = {}) {
  const merged = { ...current };
  for (const field of ["stale", "expired"]) {
    if (typeof incoming[field] === "number" && !(merged[field] >= incoming[field])) merged[field] = incoming[field];
  }
  return merged;
}

/**
 * Keeps `manifest` (Next's tag manifest, or any Map of the same shape) in step with every other
 * process using the same Redis and prefix.
 * @param {object} options
 * @param {import("ioredis").Redis} options.redis commands (HSET, HGETALL, PUBLISH)
 * @param {import("ioredis").Redis} options.subscriber a connection of its own, for SUBSCRIBE
 * @param {Map<string, {stale?: number, expired?: number}>} options.manifest
 * @param {string} [options.prefix]
 * @param {(message: string) => void} [options.log]
 */
export function createSharedTags({ redis, subscriber, manifest, prefix = "storyhouse:", log = (m) => console.error(`[shared-tags] ${m}`) }) {
  const hash = `${prefix}tags`;
  const channel = `${prefix}tags`;
  // Tells a process its own messages apart from the others'.
  const origin = `${process.pid}-${Math.random().toString(36).slice(2)}`;

  const apply = (entries) => {
    for (const [tag, entry] of Object.entries(entries)) manifest.set(tag, mergeTagEntry(manifest.get(tag), entry));
  };

  /** Reads every expiry recorded so far: at start, and after a lost connection (messages may have been missed). */
  async function load() {
    const all = await redis.hgetall(hash);
    const entries = {};
    for (const [tag, json] of Object.entries(all)) {
      try {
        entries[tag] = JSON.parse(json);
      } catch {
        // a damaged entry is skipped, not fatal
      }
    }
    apply(entries);
    return Object.keys(entries).length;
  }

  subscriber.on("message", (from, message) => {
    if (from !== channel) return;
    try {
      const { origin: sender, entries } = JSON.parse(message);
      if (sender !== origin) apply(entries);
    } catch (error) {
      log(`ignored a malformed message: ${error}`);
    }
  });
  let subscribedOnce = false;
  // ioredis subscribes again by itself after a reconnection; what was published meanwhile is read back.
  subscriber.on("ready", () => {
    if (subscribedOnce) load().catch((error) => log(`reloading tags after a reconnection failed: ${error.message}`));
  });

  const ready = (async () => {
    await subscriber.subscribe(channel);
    subscribedOnce = true;
    await load();
  })().catch((error) => log(`could not read the shared tag expiries (this process sees only its own until Redis answers): ${error.message}`));

  return {
    /** Resolves once this process has subscribed and read the expiries recorded before it started (or failed to). */
    ready,
    load,
    /**
     * Records what this process's manifest now says about `tags` (after Next's own handler has
     * updated it) and tells every other process.
     */
    async publish(tags) {
      const entries = {};
      for (const tag of tags) {
        const entry = manifest.get(tag);
        if (entry) entries[tag] = entry;
      }
      if (!Object.keys(entries).length) return;
      const fields = Object.entries(entries).flatMap(([tag, entry]) => [tag, JSON.stringify(entry)]);
      await redis.multi().hset(hash, ...fields).publish(channel, JSON.stringify({ origin, entries })).exec();
    },
  };
}

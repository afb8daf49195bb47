import { getStorage } from "@/lib/storage/storage";
import { parseMediaPath, variantKey } from "@/lib/media/widths";

const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=60" } });

/** Serves stored image widths. Each file's name is random and its bytes never change, so browsers and CDNs may keep it for a year. */
export async function GET(request: Request) {
  // The path as sent, never decoded: a stored name is [a-z0-9-] only, so anything percent-encoded
  // (a NUL, `..`, a slash, or a malformed sequence that would fail to decode) is simply not found.
  const media = parseMediaPath(new URL(request.url).pathname);
  const stored = media && (await getStorage().getStream(variantKey(media.key, media.width)));
  if (!stored) return notFound();
  return new Response(stored.stream, {
    headers: {
      "content-type": "image/webp",
      "content-length": String(stored.size),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}

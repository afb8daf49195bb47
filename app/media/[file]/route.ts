import { getStorage } from "@/lib/storage/storage";
import { parseMediaPath, variantKey } from "@/lib/media/widths";
import { directMediaUrl } from "@/lib/media/public-url";

const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=60" } });

/** Serves stored image widths. Each file's name is random and its bytes never change, so browsers and CDNs may keep it for a year. */
export async function GET(request: Request) {
  // The path as sent, never decoded: a stored name is [a-z0-9-] only, so anything percent-encoded
  // (a NUL, `..`, a slash, or a malformed sequence that would fail to decode) is simply not found.
  const pathname = new URL(request.url).pathname;
  // With MEDIA_PUBLIC_URL the bytes come from the public bucket or CDN: old links (and next/image's
  // srcset, which the browser builds from /media paths) get there in one cached redirect.
  const direct = directMediaUrl(pathname);
  if (direct) return new Response(null, { status: 308, headers: { location: direct, "cache-control": "public, max-age=31536000, immutable" } });
  const media = parseMediaPath(pathname);
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

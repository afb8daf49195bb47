import { getStorage } from "@/lib/storage/storage";
import { parseMediaPath, variantKey } from "@/lib/media/widths";

/** Serves stored image widths. Each file's name is random and its bytes never change, so browsers and CDNs may keep it for a year. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = (await params).file;
  // Stored names are 32 hex characters and a width: a longer one names nothing, and the storage
  // refuses a key over 120 characters by throwing (a 500 and an error log) rather than "not found".
  const media = file.length <= 64 ? parseMediaPath(`/media/${file}`) : null;
  const stored = media && (await getStorage().getStream(variantKey(media.key, media.width)));
  if (!stored) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=60" } });
  return new Response(stored.stream, {
    headers: {
      "content-type": "image/webp",
      "content-length": String(stored.size),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}

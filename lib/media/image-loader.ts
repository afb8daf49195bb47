"use client";
import { mediaUrl, parseMediaPath, storedWidths } from "@/lib/media/widths";

/**
 * next/image's loader. Uploads are already stored at a few widths (their URL names the largest),
 * so `srcset` points at the smallest stored width that covers what the browser asks for; other
 * images are used as they are.
 */
export default function mediaImageLoader({ src, width }: { src: string; width: number; quality?: number }): string {
  const media = parseMediaPath(src);
  if (!media) return src;
  const widths = storedWidths(media.width);
  return mediaUrl(media.key, widths.find((w) => w >= width) ?? media.width);
}

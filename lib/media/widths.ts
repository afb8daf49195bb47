// Shared by the upload pipeline, the /media route and next/image's loader (browser included).

/** The widths every upload is stored at, never wider than the original. */
export const IMAGE_WIDTHS = [320, 640, 1024, 1600] as const;
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** The widths stored for an image whose largest stored width is `maxWidth`. */
export function storedWidths(maxWidth: number): number[] {
  return [...IMAGE_WIDTHS.filter((w) => w < maxWidth), maxWidth];
}

/** The storage key of one stored width. */
export function variantKey(key: string, width: number): string {
  return `${key}-${width}.webp`;
}

/** The public URL of one stored width; the largest is the image's canonical URL. */
export function mediaUrl(key: string, width: number): string {
  return `/media/${variantKey(key, width)}`;
}

// Keys are 32 hex digits; the bound keeps any match a valid storage key (at most 121 characters).
const MEDIA_PATH = /^\/media\/([a-z0-9]{1,64})-(\d{1,5})\.webp$/;

/** `{ key, width }` of a /media URL, or null for anything else. */
export function parseMediaPath(pathname: string): { key: string; width: number } | null {
  const match = MEDIA_PATH.exec(pathname);
  return match ? { key: match[1], width: Number(match[2]) } : null;
}

/** The smallest stored width of an uploaded image's URL (an icon or logo needs no more); other URLs unchanged. */
export function smallestVariantUrl(url: string): string {
  const media = parseMediaPath(url);
  return media ? mediaUrl(media.key, Math.min(IMAGE_WIDTHS[0], media.width)) : url;
}

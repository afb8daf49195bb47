import "server-only";
import { IMAGE_WIDTHS } from "@/lib/media/widths";

export type ImageType = "jpeg" | "png" | "webp" | "gif";

/** The image type the bytes say they are (magic numbers), whatever the file was called; null for anything else. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const starts = (signature: number[], offset = 0) => bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return "jpeg";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts([0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return "gif";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  return null;
}

export type ProcessedImage = { width: number; height: number; variants: { width: number; height: number; bytes: Uint8Array }[] };

// Decompression bombs: refuse anything over ~50 megapixels before decoding it.
const MAX_PIXELS = 50_000_000;

/**
 * Re-encodes an image to WebP at each stored width up to its own, turned upright by its EXIF
 * orientation. Nothing of the original's metadata (EXIF location, camera, ICC comments) is
 * copied: sharp writes none unless asked. Animated GIFs keep their first frame.
 */
export async function processImage(bytes: Uint8Array): Promise<ProcessedImage> {
  // A native library: loaded with the first upload, not with every module that imports this one.
  const { default: sharp } = await import("sharp");
  const source = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: "error" }).rotate();
  const meta = await source.metadata();
  const sideways = (meta.orientation ?? 1) >= 5;
  const originalWidth = meta.autoOrient?.width ?? (sideways ? meta.height : meta.width);
  if (!originalWidth) throw new Error("image without a width");
  const widths = [...IMAGE_WIDTHS.filter((w) => w < originalWidth), Math.min(originalWidth, IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1])];
  const variants = await Promise.all(
    [...new Set(widths)].map(async (width) => {
      const out = await source.clone().resize({ width, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
      return { width: out.info.width, height: out.info.height, bytes: new Uint8Array(out.data) };
    }),
  );
  const largest = variants[variants.length - 1];
  return { width: largest.width, height: largest.height, variants };
}

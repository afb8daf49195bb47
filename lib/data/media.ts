import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { getStorage } from "@/lib/storage/storage";
import { processImage, sniffImageType } from "@/lib/media/images";
import { MAX_IMAGE_BYTES, mediaUrl, variantKey } from "@/lib/media/widths";
import { getSiteSettings } from "@/lib/data/settings";
import { assertUnderRateLimit, consumeRateLimits, uploadRateRules, type RateRule } from "@/lib/data/rate-limits";

/** An uploaded image as its owner sees it; `url` is the largest stored width. */
export type MediaView = { id: string; url: string; width: number; height: number };

const mediaSelect = { id: true, key: true, width: true, height: true, widths: true } as const;
const toView = (media: { id: string; key: string; width: number; height: number }): MediaView => ({ id: media.id, url: mediaUrl(media.key, media.width), width: media.width, height: media.height });

export const UPLOAD_ERRORS = {
  tooLarge: "That image is larger than 10 MB. Please choose a smaller one.",
  notAnImage: "That file isn't a JPEG, PNG, WebP or GIF image.",
  unreadable: "We couldn't read that image. It may be damaged; please try another.",
  empty: "Choose an image to upload.",
} as const;

// One counter per window length: an hour's window and a day's can start at the same moment.
const uploadKey = (userId: string, rule: RateRule) => `upload-${rule.windowSeconds}s:${userId}`;

/**
 * Any active user with uploads left in their quota (site settings: per hour and per day): the
 * check the upload route makes before it reads an image's bytes. Counts nothing.
 */
export async function assertMayUpload(viewer: Viewer | null): Promise<void> {
  const me = requirePermission(viewer, "story:write");
  const rules = uploadRateRules(await getSiteSettings());
  await Promise.all(rules.map((rule) => assertUnderRateLimit(uploadKey(me.id, rule), rule)));
}

/**
 * Any active user, within their upload quota (every attempt counts, refused ones too: decoding
 * is the expensive part): stores an image they upload and records it as theirs. The type is read
 * from the bytes (a text file called photo.png is refused); the stored copies are re-encoded WebP
 * without metadata.
 */
export async function uploadImage(viewer: Viewer | null, bytes: Uint8Array): Promise<MediaView> {
  const me = requirePermission(viewer, "story:write");
  const refused = (await consumeRateLimits(uploadRateRules(await getSiteSettings()).map((rule) => ({ key: uploadKey(me.id, rule), rule })))).find(Boolean);
  if (refused) throw refused;
  return storeImage(me.id, bytes);
}

/**
 * Internal (data layer; callers have checked who is asking and any quota): the upload pipeline
 * itself, shared by uploads and imports. Sniffs the type, re-encodes, stores, records for `ownerId`.
 */
export async function storeImage(ownerId: string, bytes: Uint8Array): Promise<MediaView> {
  if (bytes.byteLength === 0) throw new AppError("INVALID", UPLOAD_ERRORS.empty);
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw new AppError("INVALID", UPLOAD_ERRORS.tooLarge);
  if (!sniffImageType(bytes)) throw new AppError("INVALID", UPLOAD_ERRORS.notAnImage);
  let image;
  try {
    image = await processImage(bytes);
  } catch {
    throw new AppError("INVALID", UPLOAD_ERRORS.unreadable);
  }
  const key = randomBytes(16).toString("hex");
  const storage = getStorage();
  const keys = image.variants.map((v) => variantKey(key, v.width));
  try {
    await Promise.all(image.variants.map((v) => storage.put(variantKey(key, v.width), v.bytes, "image/webp")));
    const media = await db.media.create({
      data: { ownerId, key, width: image.width, height: image.height, widths: image.variants.map((v) => v.width), bytes: image.variants.reduce((sum, v) => sum + v.bytes.byteLength, 0) },
      select: mediaSelect,
    });
    return toView(media);
  } catch (error) {
    await Promise.allSettled(keys.map((k) => storage.delete(k)));
    throw error;
  }
}

/** The owner only; another user's image is NOT_FOUND. */
export async function getMyMedia(viewer: Viewer | null, mediaId: string): Promise<MediaView> {
  const me = requirePermission(viewer, "story:write");
  const media = await db.media.findFirst({ where: { id: mediaId, ownerId: me.id }, select: mediaSelect });
  if (!media) throw new AppError("NOT_FOUND", "We couldn't find that image.");
  return toView(media);
}

/** The owner only: deletes the record and the stored files; another user's image is NOT_FOUND. */
export async function deleteMyMedia(viewer: Viewer | null, mediaId: string): Promise<void> {
  const me = requirePermission(viewer, "story:write");
  const media = await db.media.findFirst({ where: { id: mediaId, ownerId: me.id }, select: mediaSelect });
  if (!media) throw new AppError("NOT_FOUND", "We couldn't find that image.");
  await db.media.deleteMany({ where: { id: media.id, ownerId: me.id } });
  const storage = getStorage();
  await Promise.allSettled(media.widths.map((w) => storage.delete(variantKey(media.key, w))));
}

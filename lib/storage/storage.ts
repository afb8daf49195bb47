import "server-only";
import { uploadsDir } from "@/lib/env";
import { localDiskStorage } from "@/lib/storage/local-disk";
import { s3ConfigFromEnv, s3Storage } from "@/lib/storage/s3";

/**
 * Where uploaded media live. Keys are flat names made of [a-z0-9-] with an extension
 * (`3f9c…-640.webp`); each implementation refuses anything else. Local disk is the default;
 * with S3_BUCKET set, an S3-compatible bucket (lib/storage/s3.ts), shared by every app process.
 */
export interface Storage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The stored bytes, or null when nothing is stored under `key`. */
  getBytes(key: string): Promise<Uint8Array | null>;
  /** The stored bytes as a web stream with their size, or null when nothing is stored under `key`. */
  getStream(key: string): Promise<{ stream: ReadableStream<Uint8Array>; size: number } | null>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Every stored key (in no particular order); files half-written by `put` are not listed. Backups use it. */
  list(): AsyncIterable<string>;
}

const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,120}\.[a-z0-9]{2,5}$/;

/** Whether `key` is a valid storage key (listings skip anything else, such as temporary files). */
export function isStorageKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** Refuses keys that could leave the storage folder or collide with anything but a file name. */
export function assertStorageKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}

let defaultStorage: Storage | undefined;

/** The configured storage: the S3 bucket in S3_BUCKET, else local disk under UPLOADS_DIR (`.data/uploads` by default). */
export function getStorage(): Storage {
  const s3 = defaultStorage ? null : s3ConfigFromEnv();
  defaultStorage ??= s3 ? s3Storage(s3) : localDiskStorage(uploadsDir());
  return defaultStorage;
}

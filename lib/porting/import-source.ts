// What every import format is read into: a list of items (stories) with their images still
// references into the uploaded file. Pure apart from unzipping bytes already in memory: the data
// layer (lib/data/imports.ts) does the writing, through the same checks as the editor.
import { createHash } from "node:crypto";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { parseStoryMarkdown } from "@/lib/porting/creator-archive";

export type ImportItem = {
  /** The zip entry (or file part) it came from: every error names it. */
  entry: string;
  /** Stable per item and owner: an item whose key was imported before is skipped. */
  sourceKey: string;
  /** The id the item had on the Storyhouse it was exported from: if the owner has that story here, it is skipped. */
  storyhouseId?: string;
  title: string;
  subtitle: string;
  tags: string[];
  date?: Date;
  updated?: Date;
  published: boolean;
  slug?: string;
  /** Its address on the old site (lib/content/old-path.ts): kept as a redirect to its new one. */
  oldPath?: string | null;
  /** A reference into the upload (resolved with `imageBytes`), an https URL, or null. */
  heroImage: string | null;
  heroImageAlt: string;
  aiAssisted: boolean;
  commentsEnabled: boolean;
  /** Markdown; its image references are resolved like the hero's. */
  body: string;
};

export type ItemError = { entry: string; reason: string };

export type ImportSource = {
  items: ImportItem[];
  /** Entries that could not be read at all (each still counts as an item, failed). */
  errors: ItemError[];
  /** The bytes of an image `ref` made from `entry`, or null when it isn't in the upload. */
  imageBytes: (entry: string, ref: string) => Uint8Array | null;
};

/** The upload can't be read as the format chosen: the whole import stops with this message. */
export class ImportFileError extends Error {}

export const ZIP_LIMITS = { entries: 5_000, entryBytes: 20 * 1024 * 1024, totalBytes: 300 * 1024 * 1024 };

/**
 * A zip's files by name (folders and macOS resource forks left out), refusing archives that would
 * unpack to more than ZIP_LIMITS (declared sizes, checked again after inflating).
 */
export function readZip(bytes: Uint8Array): Record<string, Uint8Array> {
  let entries = 0;
  let declared = 0;
  let tooBig: string | null = null;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (file.name.endsWith("/") || file.name.startsWith("__MACOSX/")) return false;
        entries++;
        declared += file.originalSize;
        if (file.originalSize > ZIP_LIMITS.entryBytes) tooBig ??= `${file.name} is larger than ${ZIP_LIMITS.entryBytes / 1024 / 1024} MB unpacked`;
        if (entries > ZIP_LIMITS.entries) tooBig ??= `it holds more than ${ZIP_LIMITS.entries} files`;
        if (declared > ZIP_LIMITS.totalBytes) tooBig ??= `it unpacks to more than ${ZIP_LIMITS.totalBytes / 1024 / 1024} MB`;
        return tooBig === null;
      },
    });
  } catch {
    throw new ImportFileError("That file isn't a zip archive we can read. Upload the .zip file as it was downloaded.");
  }
  if (tooBig) throw new ImportFileError(`That zip is too large to import: ${tooBig}.`);
  const actual = Object.values(files).reduce((sum, f) => sum + f.byteLength, 0);
  if (actual > ZIP_LIMITS.totalBytes) throw new ImportFileError(`That zip is too large to import: it unpacks to more than ${ZIP_LIMITS.totalBytes / 1024 / 1024} MB.`);
  return files;
}

/**
 * An export that is one file (`extension`: ".json", ".xml"), alone or zipped with its images: the
 * file's text and the zip's images keyed by `imageKey(name)` (entries it answers null for are left out).
 */
export function exportWithImages(bytes: Uint8Array, extension: string, what: string, imageKey: (name: string) => string | null): { text: string; images: Map<string, Uint8Array> } {
  const images = new Map<string, Uint8Array>();
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return { text: strFromU8(bytes).replace(/^\uFEFF/, ""), images };
  const files = readZip(bytes);
  const name = Object.keys(files).find((n) => n.toLowerCase().endsWith(extension));
  if (!name) throw new ImportFileError(`That zip has no ${what} (${extension}) in it.`);
  for (const [entry, data] of Object.entries(files)) {
    const key = imageKey(entry);
    if (key) images.set(key, data);
  }
  return { text: strFromU8(files[name]).replace(/^\uFEFF/, ""), images };
}

/** A reference in `entry` (relative to its folder) as a file name in the zip; null for URLs and paths leaving the zip. */
export function zipPath(entry: string, ref: string): string | null {
  const clean = decodeURIComponentSafe(ref.trim().replace(/^<|>$/g, "").split(/[?#]/)[0]);
  if (!clean || /^[a-z][a-z0-9+.-]*:/i.test(clean) || clean.startsWith("//")) return null;
  const joined = clean.startsWith("/") ? clean.slice(1) : path.posix.join(path.posix.dirname(entry), clean);
  const normal = path.posix.normalize(joined);
  return normal.startsWith("..") || normal.startsWith("/") ? null : normal;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The image references in Markdown (`![alt](ref "title")`), in order. */
export function markdownImageRefs(markdown: string): string[] {
  return [...markdown.matchAll(/!\[(?:[^\]\\]|\\.)*\]\(\s*(<[^>\n]*>|[^\s)]+)/g)].map((m) => m[1]);
}

/** Replaces image references in Markdown by `replace(ref)` (unchanged when it answers undefined). */
export function replaceMarkdownImageRefs(markdown: string, replace: (ref: string) => string | undefined): string {
  return markdown.replace(/(!\[(?:[^\]\\]|\\.)*\]\(\s*)(<[^>\n]*>|[^\s)]+)/g, (all, head: string, ref: string) => {
    const next = replace(ref);
    return next === undefined ? all : `${head}${next}`;
  });
}

export const hashKey = (...parts: string[]) => createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, 32);

/** Images in the upload, by their path. */
function zipImages(files: Record<string, Uint8Array>): ImportSource["imageBytes"] {
  return (entry, ref) => {
    const name = zipPath(entry, ref);
    return name ? (files[name] ?? null) : null;
  };
}

/**
 * A zip of Markdown files with front matter: Storyhouse's own archive (lib/porting/creator-archive.ts)
 * or any folder of `.md` files with title/subtitle/tags/date/hero_image (Jekyll and Hugo use the same
 * names; `image`/`cover_image` are read as the hero too). README.md at the top is not a story.
 */
export function readMarkdownZip(bytes: Uint8Array): ImportSource {
  const files = readZip(bytes);
  const names = Object.keys(files)
    .filter((name) => /\.(md|markdown)$/i.test(name) && name.toLowerCase() !== "readme.md")
    .sort();
  if (names.length === 0) throw new ImportFileError("That zip has no Markdown (.md) files in it.");
  const items: ImportItem[] = [];
  const errors: ItemError[] = [];
  for (const entry of names) {
    const text = strFromU8(files[entry]);
    const parsed = parseStoryMarkdown(text, entry);
    if (!parsed.ok) {
      errors.push({ entry, reason: parsed.error.slice(entry.length + 2) });
      continue;
    }
    const { front, body } = parsed;
    items.push({
      entry,
      sourceKey: `md:${front.storyhouse_id ?? hashKey(entry, front.title)}`,
      storyhouseId: front.storyhouse_id,
      title: front.title,
      subtitle: front.subtitle,
      tags: front.tags,
      date: front.date,
      updated: front.updated,
      // Without a status (a Jekyll or Hugo post), a dated file not marked `draft: true` was published.
      published: front.status ? front.status === "published" : front.draft !== undefined ? !front.draft : front.date !== undefined,
      slug: front.slug,
      heroImage: front.hero_image ?? front.image ?? front.cover_image ?? null,
      heroImageAlt: front.hero_image_alt,
      aiAssisted: front.ai_assisted,
      commentsEnabled: front.comments_enabled,
      body,
    });
  }
  return { items, errors, imageBytes: zipImages(files) };
}

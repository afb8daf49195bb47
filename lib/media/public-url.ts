import "server-only";
import { parseMediaPath, variantKey } from "@/lib/media/widths";

/**
 * MEDIA_PUBLIC_URL: where the stored images can be fetched directly, without the app — a public
 * bucket, or a CDN in front of it — as the address the storage keys (with `S3_PREFIX`) follow:
 * `https://media.example.com/` serves `<key>-640.webp`. Unset: the app serves them at /media.
 */
export function mediaPublicBase(env: Record<string, string | undefined> = process.env): string | null {
  const raw = env.MEDIA_PUBLIC_URL;
  if (!raw) return null;
  const url = new URL(raw);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("MEDIA_PUBLIC_URL must be an http(s) address");
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Where a /media path's bytes are fetched directly, or null when it isn't one or there is no public address. */
export function directMediaUrl(pathname: string, base = mediaPublicBase()): string | null {
  const media = base ? parseMediaPath(pathname) : null;
  return media ? `${base}${variantKey(media.key, media.width)}` : null;
}

/**
 * Rendered story HTML whose uploaded images (`src` and every `srcset` candidate under /media)
 * point at MEDIA_PUBLIC_URL, so readers fetch them from the bucket or CDN. Stories keep /media
 * URLs in the database (a site can move its media without rewriting them); other text is untouched.
 */
export function withDirectMedia(html: string, base = mediaPublicBase()): string {
  if (!base) return html;
  return html.replace(/\b(src|srcset)="([^"]*)"/g, (_all, attribute: string, value: string) => {
    const rewritten = value.replace(/(^|,\s*)(\/media\/[^\s,]+)/g, (whole, before: string, path: string) => {
      const direct = directMediaUrl(path, base);
      return direct ? `${before}${direct}` : whole;
    });
    return `${attribute}="${rewritten}"`;
  });
}

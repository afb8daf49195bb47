/**
 * An imported story's address on the site it came from, as the path a visitor would ask this site
 * for if the old domain pointed here: `/my-post`, `/2019/05/03/my-post` (no trailing slash, which
 * Next takes off before routing). Only paths made of slug-like segments (letters, digits, `_`, `-`;
 * at most 6 segments of 120 characters) are kept: anything else could never be asked for as one.
 */
const SEGMENT = /^[\w-]{1,120}$/;
const MAX_SEGMENTS = 6;

/** The old address of `url` (a full URL or a path), or null when it has none worth keeping (`/`, `?p=12`). */
export function oldPathOf(url: string | null | undefined): string | null {
  if (!url) return null;
  let pathname: string;
  try {
    const parsed = new URL(url, "http://old.invalid");
    if (parsed.search) return null; // `?p=12`: the post lives in the query, not the path
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  return oldPathFromSegments(pathname.split("/").filter(Boolean));
}

/** The segments of a requested URL (as the router decoded them) as an old path, or null when they can't be one. */
export function oldPathFromSegments(segments: readonly string[]): string | null {
  if (segments.length === 0 || segments.length > MAX_SEGMENTS || !segments.every((s) => SEGMENT.test(s))) return null;
  return `/${segments.join("/")}`;
}

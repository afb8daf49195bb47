import "server-only";
import { siteUrl } from "@/lib/env";

/** An absolute URL on this site for a path like `/journal/a-story`: feeds, sitemaps and structured data need them. */
export function absoluteUrl(path: string): string {
  return new URL(path, siteUrl()).toString();
}

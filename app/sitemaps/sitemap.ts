import type { MetadataRoute } from "next";
import { cachedSitemapChunk, cachedSitemapCount } from "@/lib/cache/sitemap";
import { absoluteUrl } from "@/lib/seo/site";

// Files of up to 10,000 URLs at /sitemaps/sitemap/0.xml, /sitemaps/sitemap/1.xml, …, listed by the
// index at /sitemap.xml (app/sitemap.xml/route.ts). This file lives in a folder because Next reserves
// /sitemap.xml for a root sitemap.ts, even one split with generateSitemaps.
export async function generateSitemaps() {
  return Array.from({ length: await cachedSitemapCount() }, (_, id) => ({ id }));
}

export default async function sitemap({ id }: { id: Promise<string> }): Promise<MetadataRoute.Sitemap> {
  const entries = await cachedSitemapChunk(Number(await id));
  return entries.map((entry) => ({ url: absoluteUrl(entry.path), lastModified: entry.lastModified }));
}

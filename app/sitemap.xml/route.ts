import { cachedSitemapCount } from "@/lib/cache/sitemap";
import { sitemapChunkPath, sitemapIndexXml } from "@/lib/seo/sitemap";
import { absoluteUrl } from "@/lib/seo/site";

/** The sitemap index: one entry per file that app/sitemap.ts makes. */
export async function GET() {
  const count = await cachedSitemapCount();
  const urls = Array.from({ length: count }, (_, id) => absoluteUrl(sitemapChunkPath(id)));
  return new Response(sitemapIndexXml(urls), { headers: { "content-type": "application/xml; charset=utf-8" } });
}

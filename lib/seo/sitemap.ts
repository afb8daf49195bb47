/** Search engines take up to 50,000 URLs a file; smaller files are quicker to rebuild after a write. */
export const SITEMAP_CHUNK_SIZE = 10_000;

/** How many sitemap files `total` URLs need: at least one, so the sitemap always exists. */
export function sitemapChunkCount(total: number): number {
  return Math.max(1, Math.ceil(total / SITEMAP_CHUNK_SIZE));
}

/** Where Next serves sitemap file `id` of app/sitemaps/sitemap.ts (made with generateSitemaps). */
export function sitemapChunkPath(id: number): string {
  return `/sitemaps/sitemap/${id}.xml`;
}

export type ChunkRange = { section: number; skip: number; take: number };

/**
 * Which rows of each section (lists laid end to end, given by their sizes) fall in chunk `index`.
 * With sections of 3 and 5 rows and chunks of 4, chunk 1 is section 0's last row and section 1's first three.
 */
export function chunkRanges(sectionSizes: number[], index: number, chunkSize = SITEMAP_CHUNK_SIZE): ChunkRange[] {
  const ranges: ChunkRange[] = [];
  let start = index * chunkSize;
  let room = chunkSize;
  sectionSizes.forEach((size, section) => {
    if (room === 0) return;
    if (start >= size) {
      start -= size;
      return;
    }
    const take = Math.min(size - start, room);
    ranges.push({ section, skip: start, take });
    room -= take;
    start = 0;
  });
  return ranges;
}

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A sitemap index (sitemaps.org) listing the given absolute sitemap URLs. */
export function sitemapIndexXml(urls: string[]): string {
  const entries = urls.map((url) => `  <sitemap><loc>${escapeXml(url)}</loc></sitemap>\n`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}</sitemapindex>\n`;
}

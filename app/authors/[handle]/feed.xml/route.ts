import { cachedRssFeed } from "@/lib/cache/feeds";
import { BUILD_PLACEHOLDER } from "@/lib/cache/placeholder";
import { rssResponse } from "@/lib/feeds/rss";

export function generateStaticParams() {
  return [{ handle: BUILD_PLACEHOLDER }];
}

export async function GET(_request: Request, { params }: { params: Promise<{ handle: string }> }) {
  return rssResponse(await cachedRssFeed({ kind: "creator", handle: decodeURIComponent((await params).handle) }));
}

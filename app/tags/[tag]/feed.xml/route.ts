import { cachedRssFeed } from "@/lib/cache/feeds";
import { BUILD_PLACEHOLDER } from "@/lib/cache/placeholder";
import { rssResponse } from "@/lib/feeds/rss";

export function generateStaticParams() {
  return [{ tag: BUILD_PLACEHOLDER }];
}

export async function GET(_request: Request, { params }: { params: Promise<{ tag: string }> }) {
  return rssResponse(await cachedRssFeed({ kind: "tag", slug: (await params).tag }));
}

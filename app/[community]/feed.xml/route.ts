import { cachedRssFeed } from "@/lib/cache/feeds";
import { BUILD_PLACEHOLDER } from "@/lib/cache/placeholder";
import { rssResponse } from "@/lib/feeds/rss";

export function generateStaticParams() {
  return [{ community: BUILD_PLACEHOLDER }];
}

export async function GET(_request: Request, { params }: { params: Promise<{ community: string }> }) {
  return rssResponse(await cachedRssFeed({ kind: "community", slug: (await params).community }));
}

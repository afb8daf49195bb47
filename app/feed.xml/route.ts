import { cachedRssFeed } from "@/lib/cache/feeds";
import { rssResponse } from "@/lib/feeds/rss";

export async function GET() {
  return rssResponse(await cachedRssFeed({ kind: "site" }));
}

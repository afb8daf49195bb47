import { cachedRssFeed } from "@/lib/cache/feeds";
import { cachedHandleRedirect } from "@/lib/cache/public";
import { BUILD_PLACEHOLDER } from "@/lib/cache/placeholder";
import { rssResponse } from "@/lib/feeds/rss";

export function generateStaticParams() {
  return [{ handle: BUILD_PLACEHOLDER }];
}

export async function GET(_request: Request, { params }: { params: Promise<{ handle: string }> }) {
  const handle = (await params).handle.toLowerCase(); // decoded by Next already
  const feed = await cachedRssFeed({ kind: "creator", handle });
  if (feed === null) {
    // Feed readers follow a permanent redirect and update the subscription.
    const current = await cachedHandleRedirect(handle);
    // A relative Location: reading request.url would make the route dynamic.
    if (current) return new Response(null, { status: 308, headers: { location: `/authors/${current}/feed.xml` } });
  }
  return rssResponse(feed);
}

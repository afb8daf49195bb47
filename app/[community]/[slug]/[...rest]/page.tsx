import { notFound, permanentRedirect } from "next/navigation";
import { cachedStoryRedirect } from "@/lib/cache/public";
import { BUILD_PLACEHOLDER } from "@/lib/cache/placeholder";

type Props = { params: Promise<{ community: string; slug: string; rest: string[] }> };

export function generateStaticParams() {
  return [{ community: BUILD_PLACEHOLDER, slug: BUILD_PLACEHOLDER, rest: [BUILD_PLACEHOLDER] }];
}

/**
 * Deeper than any page of ours: only an imported story's address on its old site
 * (`/2019/05/03/my-post`) answers, with a permanent redirect to where it lives now; anything else
 * is the site's 404.
 */
export default async function OldAddressPage({ params }: Props) {
  const { community, slug, rest } = await params;
  const moved = await cachedStoryRedirect([community, slug, ...rest]);
  if (moved) permanentRedirect(moved);
  notFound();
}

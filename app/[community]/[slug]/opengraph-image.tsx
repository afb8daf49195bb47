import { ImageResponse } from "next/og";
import { cachedBranding, cachedStoryPage } from "@/lib/cache/public";
import { BUILD_PLACEHOLDER } from "@/lib/cache/placeholder";
import { socialImageFonts } from "@/lib/og/fonts";
import { StorySocialImage } from "@/components/story-social-image";

export const alt = "The story's title, creator and community";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

type Props = { params: Promise<{ community: string; slug: string }> };

export function generateStaticParams() {
  return [{ community: BUILD_PLACEHOLDER, slug: BUILD_PLACEHOLDER }];
}

export default async function Image({ params }: Props) {
  const { community, slug } = await params;
  const [story, branding] = await Promise.all([cachedStoryPage(community, slug), cachedBranding()]);
  if (!story) return new Response("Not found", { status: 404 });
  return new ImageResponse(
    <StorySocialImage title={story.title} authorName={story.author.name} communityName={story.community.name} siteName={branding.siteName} accentColor={branding.accentColor} />,
    { ...size, fonts: socialImageFonts },
  );
}

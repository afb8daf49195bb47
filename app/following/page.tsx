import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { requireViewer } from "@/lib/auth/session";
import { listFollowingStories } from "@/lib/data/engagement";
import { StoryList } from "@/components/story-list";

export const metadata: Metadata = { title: "Following" };

export default async function FollowingPage() {
  const viewer = await requireViewer("/following");
  const stories = await listFollowingStories(viewer);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-6 font-serif text-3xl font-bold">Following</h1>
      <StoryList
        stories={stories.items}
        nextCursor={stories.nextCursor}
        more={{}}
        moreFrom="/api/me/following"
        empty={
          <p>
            Stories from creators you follow appear here. Find someone to follow on the{" "}
            <IntentLink href="/" className="link">
              home page
            </IntentLink>
            .
          </p>
        }
      />
    </div>
  );
}

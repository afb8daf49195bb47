import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/session";
import { listCommunityRules } from "@/lib/data/communities";
import { StoryEditor } from "@/components/story-editor";

export const metadata: Metadata = { title: "New story" };

const blank = { title: "", subtitle: "", community: "", body: "", tags: "", heroImageUrl: "", heroImageAlt: "", aiAssisted: false };

export default async function NewStoryPage() {
  await requireViewer("/studio/new");
  const communities = await listCommunityRules();
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-6 font-serif text-3xl font-bold">New story</h1>
      <StoryEditor storyId={null} initial={blank} version={null} communities={communities} publishedHref={null} />
    </div>
  );
}

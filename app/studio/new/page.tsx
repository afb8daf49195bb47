import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/session";
import { listCommunityRules } from "@/lib/data/communities";
import { getPublishingMode } from "@/lib/data/studio-stories";
import { StoryEditor } from "@/components/story-editor";
import { BLANK_STORY_FIELDS } from "@/components/editor/story-fields";

export const metadata: Metadata = { title: "New story" };

export default async function NewStoryPage() {
  const viewer = await requireViewer("/studio/new");
  const [communities, publishMode] = await Promise.all([listCommunityRules(), getPublishingMode(viewer).catch(() => "submit" as const)]);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-6 font-serif text-3xl font-bold">New story</h1>
      <StoryEditor storyId={null} initial={BLANK_STORY_FIELDS} version={null} communities={communities} publishedHref={null} publishMode={publishMode} />
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { listCommunities } from "@/lib/data/communities";
import { getStoryForEditing } from "@/lib/data/stories";
import { isAppError } from "@/lib/errors";
import { StoryEditor } from "@/components/story-editor";

export const metadata: Metadata = { title: "Edit story" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditStoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requireViewer(`/studio/stories/${id}/edit`);
  const [story, communities, { saved }] = await Promise.all([
    getStoryForEditing(viewer, id).catch((error) => {
      if (isAppError(error) && error.code === "NOT_FOUND") return null;
      throw error;
    }),
    listCommunities(),
    searchParams,
  ]);
  if (!story) notFound();
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <p className="mb-2 text-sm font-semibold uppercase tracking-wider text-stone-500">{story.status === "PUBLISHED" ? "Published story" : "Draft"}</p>
      <h1 className="mb-8 font-serif text-3xl font-bold">Edit story</h1>
      <StoryEditor storyId={story.id} initial={story} communities={communities} publishedHref={story.href} justSaved={saved === "1"} />
    </div>
  );
}

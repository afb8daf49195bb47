import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getStoryPreview } from "@/lib/data/studio-stories";
import { isAppError } from "@/lib/errors";
import { StoryArticle } from "@/components/story-article";

export const metadata: Metadata = { title: "Preview", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

/** The saved story exactly as its page will show it (the same StoryArticle), for its author only. */
export default async function PreviewStoryPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireViewer(`/studio/stories/${id}/preview`);
  const story = await getStoryPreview(viewer, id).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!story) notFound();
  return (
    <>
      <div className="border-b border-amber-200 bg-amber-50">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm text-amber-950">
          <p>
            <strong>Preview.</strong> This is how your story will look to readers.
          </p>
          <IntentLink href={`/studio/stories/${id}/edit`} className="btn-secondary">
            Back to editing
          </IntentLink>
        </div>
      </div>
      <article className="mx-auto max-w-3xl px-4 py-10">
        <StoryArticle story={story} />
      </article>
    </>
  );
}

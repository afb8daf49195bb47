import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { listCommunityRules } from "@/lib/data/communities";
import { getStoryForEditing } from "@/lib/data/stories";
import { isAppError } from "@/lib/errors";
import { StoryEditor } from "@/components/story-editor";
import { DeleteStoryForm, UnpublishStoryForm } from "@/components/editor/manage-story-forms";
import { getMyCommentsState } from "@/lib/data/comment-moderation";
import { CommentsSwitch } from "@/components/moderation/comments-switch";

export const metadata: Metadata = { title: "Edit story" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; restored?: string; unpublished?: string }> };

const notices = { saved: "Draft saved.", restored: "Revision restored. The story now has that version's text.", unpublished: "Unpublished: the story is off the site and back to a draft." } as const;

export default async function EditStoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requireViewer(`/studio/stories/${id}/edit`);
  const [story, communities, query, comments] = await Promise.all([
    getStoryForEditing(viewer, id).catch((error) => {
      if (isAppError(error) && error.code === "NOT_FOUND") return null;
      throw error;
    }),
    listCommunityRules(),
    searchParams,
    getMyCommentsState(viewer, id).catch(() => null),
  ]);
  if (!story) notFound();
  const notice = (Object.keys(notices) as (keyof typeof notices)[]).find((key) => query[key] === "1");
  const { id: storyId, version, href, status, ...initial } = story;
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <p className="mb-2 text-sm font-semibold uppercase tracking-wider text-stone-500">{status === "PUBLISHED" ? "Published story" : status === "UNPUBLISHED" ? "Unpublished story" : "Draft"}</p>
      <h1 className="mb-6 font-serif text-3xl font-bold">Edit story</h1>
      <StoryEditor
        storyId={storyId}
        initial={{ title: initial.title, subtitle: initial.subtitle, community: initial.community, body: initial.body, tags: initial.tags, heroImageUrl: initial.heroImageUrl, heroImageAlt: initial.heroImageAlt, aiAssisted: initial.aiAssisted }}
        version={version}
        communities={communities}
        publishedHref={href}
        notice={notice ? notices[notice] : undefined}
      />
      <section aria-labelledby="manage-heading" className="mt-12 space-y-6 border-t border-stone-200 pt-8">
        <h2 id="manage-heading" className="font-sans text-lg font-semibold">
          Manage this story
        </h2>
        {comments?.isCreator ? <CommentsSwitch storyId={storyId} enabled={comments.commentsEnabled} locked={comments.commentsLocked} /> : null}
        {href ? <UnpublishStoryForm storyId={storyId} /> : null}
        <DeleteStoryForm storyId={storyId} published={Boolean(href)} />
      </section>
    </div>
  );
}

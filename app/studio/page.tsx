import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { listMyStories } from "@/lib/data/stories";
import { formatDate } from "@/components/format";

export const metadata: Metadata = { title: "Studio" };

const statusLabels: Record<string, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  CHANGES_REQUESTED: "Changes requested",
  APPROVED: "Approved",
  PUBLISHED: "Published",
  UNPUBLISHED: "Unpublished",
  REMOVED: "Removed",
};

export default async function StudioPage() {
  const viewer = await requireViewer("/studio");
  const stories = await listMyStories(viewer);
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <div className="mb-8 flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl font-bold">Your stories</h1>
        <Link href="/studio/new" className="btn-primary">
          New story
        </Link>
      </div>
      {stories.length === 0 ? (
        <div className="rounded-xl border border-dashed border-stone-300 p-10 text-center">
          <p className="font-semibold">You haven&apos;t written anything yet.</p>
          <p className="mt-1 text-stone-600">Your drafts and published stories will appear here.</p>
          <Link href="/studio/new" className="btn-primary mt-4">
            Write your first story
          </Link>
        </div>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200">
          {stories.map((story) => (
            <li key={story.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <Link href={`/studio/stories/${story.id}/edit`} className="font-serif text-lg font-bold hover:underline">
                  {story.title}
                </Link>
                <p className="text-sm text-stone-500">
                  <span className={story.status === "PUBLISHED" ? "font-semibold text-emerald-700" : "font-semibold text-stone-700"}>{statusLabels[story.status]}</span> · Edited{" "}
                  {formatDate(story.updatedAt)}
                  {story.status === "PUBLISHED" ? ` · ${story.commentCount} comments` : null}
                </p>
              </div>
              <div className="flex shrink-0 gap-3 text-sm">
                <Link href={`/studio/stories/${story.id}/edit`} className="link">
                  Edit
                </Link>
                {story.href ? (
                  <Link href={story.href} className="link">
                    View
                  </Link>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

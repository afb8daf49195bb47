import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/session";
import { listMyBookmarks } from "@/lib/data/engagement";
import { StoryList } from "@/components/story-list";

export const metadata: Metadata = { title: "Saved stories" };

export default async function BookmarksPage() {
  const viewer = await requireViewer("/bookmarks");
  const stories = await listMyBookmarks(viewer);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-6 font-serif text-3xl font-bold">Saved stories</h1>
      <StoryList stories={stories.items} nextCursor={stories.nextCursor} more={{}} moreFrom="/api/me/bookmarks" empty={<p>Stories you save with the bookmark button appear here.</p>} />
    </div>
  );
}

import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { Suspense } from "react";
import { requireViewer } from "@/lib/auth/session";
import { listCommunitiesForAdmin } from "@/lib/data/communities";
import { guarded } from "@/components/moderation/guarded";
import { PageSkeleton } from "@/components/page-skeleton";
import { formatDate, pluralize } from "@/components/format";

export const metadata: Metadata = { title: "Communities" };

export default function AdminCommunitiesPage() {
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-2xl font-bold">Communities</h1>
        <IntentLink href="/admin/communities/new" className="btn-primary">
          New community
        </IntentLink>
      </div>
      <Suspense fallback={<PageSkeleton />}>
        <CommunityRows />
      </Suspense>
    </>
  );
}

async function CommunityRows() {
  const viewer = await requireViewer("/admin/communities");
  return guarded(async () => {
    const communities = await listCommunitiesForAdmin(viewer);
    if (communities.length === 0) {
      return (
        <div className="rounded-xl border border-dashed border-stone-300 p-10 text-center">
          <p className="font-semibold">No communities yet.</p>
          <p className="mt-1 text-stone-600">Creators publish into communities: create the first one.</p>
        </div>
      );
    }
    return (
      <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200" aria-label="Communities">
        {communities.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
            <div className="min-w-0">
              <IntentLink href={`/admin/communities/${c.id}`} className="font-serif text-lg font-bold hover:underline">
                {c.name}
              </IntentLink>
              {c.archivedAt ? <span className="ml-2 rounded-full bg-stone-100 px-2 py-0.5 text-xs font-semibold text-stone-700 ring-1 ring-inset ring-stone-200">Archived</span> : null}
              <p className="text-sm text-stone-600">
                <IntentLink href={`/${c.slug}`} className="link font-mono">
                  /{c.slug}
                </IntentLink>{" "}
                · {pluralize(c.storyCount, "published story", "published stories")} · edited {formatDate(c.updatedAt)}
              </p>
            </div>
            <IntentLink href={`/admin/communities/${c.id}`} className="btn-secondary">
              Edit<span className="sr-only"> {c.name}</span>
            </IntentLink>
          </li>
        ))}
      </ul>
    );
  });
}

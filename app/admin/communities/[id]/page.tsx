import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { Suspense } from "react";
import { requireViewer } from "@/lib/auth/session";
import { getCommunityForEditing } from "@/lib/data/communities";
import { listCommunityModerators } from "@/lib/data/community-moderators";
import { ArchiveCommunityForm, CommunityForm } from "@/components/admin/community-form";
import { AddCommunityModeratorForm, RemoveCommunityModeratorForm } from "@/components/admin/community-moderators";
import { formatDateTime } from "@/components/format";
import { FormMessage } from "@/components/forms/field";
import { guarded } from "@/components/moderation/guarded";
import { PageSkeleton } from "@/components/page-skeleton";
import { pluralize } from "@/components/format";

export const metadata: Metadata = { title: "Edit community" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default function EditCommunityPage(props: Props) {
  return (
    <div className="max-w-3xl">
      <IntentLink href="/admin/communities" className="link text-sm">
        ← All communities
      </IntentLink>
      <Suspense fallback={<PageSkeleton />}>
        <EditCommunity {...props} />
      </Suspense>
    </div>
  );
}

async function EditCommunity({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const viewer = await requireViewer(`/admin/communities/${id}`);
  return guarded(async () => {
    const [community, moderators] = await Promise.all([getCommunityForEditing(viewer, id), listCommunityModerators(viewer, id)]);
    const handle = typeof query.handle === "string" ? query.handle.slice(0, 61) : "";
    const archived = community.archivedAt !== null;
    return (
      <>
        <h1 className="mt-2 font-serif text-2xl font-bold">{community.name}</h1>
        <p className="mb-6 text-sm text-stone-600">
          <IntentLink href={`/${community.slug}`} className="link font-mono">
            /{community.slug}
          </IntentLink>{" "}
          · {pluralize(community.storyCount, "published story", "published stories")}
          {archived ? " · archived: its stories stay readable, it takes no new ones" : ""}
        </p>
        {query.created ? <FormMessage tone="success" message="Community created. Creators can pick it in the editor now." /> : null}
        {query.saved ? <FormMessage tone="success" message="Community saved." /> : null}
        <div className="mt-4">
          <CommunityForm
            communityId={community.id}
            initial={{
              name: community.name,
              slug: community.slug,
              description: community.description,
              guidelines: community.guidelines,
              coverImageUrl: community.coverImageUrl,
              coverImageAlt: community.coverImageAlt,
              accentColor: community.accentColor,
              requireSubtitle: community.requireSubtitle,
              requireHero: community.requireHero,
              allowAiAssisted: community.allowAiAssisted,
              minWords: community.minWords,
            }}
          />
        </div>
        <section aria-labelledby="moderators-heading" className="mt-12 rounded-xl border border-stone-200 p-5">
          <h2 id="moderators-heading" className="font-serif text-xl font-bold">
            Community moderators
          </h2>
          <p className="mb-4 mt-1 text-sm text-stone-600">
            Members who review this community&apos;s stories and handle reports about its stories and comments (hiding and restoring comments), here only.
            They can&apos;t restrict accounts or open other admin pages.
          </p>
          {query.moderator === "added" ? <FormMessage tone="success" message={`Added${handle ? ` @${handle}` : ""}: they see Moderation in their account menu now.`} /> : null}
          {query.moderator === "removed" ? <FormMessage tone="success" message="Moderator removed." /> : null}
          {moderators.length === 0 ? (
            <p className="my-4 rounded-lg border border-dashed border-stone-300 p-4 text-sm text-stone-600">No community moderators yet. Staff review everything here.</p>
          ) : (
            <ul className="my-4 divide-y divide-stone-200 rounded-lg border border-stone-200" aria-label="Moderators">
              {moderators.map((m) => (
                <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 p-3">
                  <div className="text-sm">
                    <IntentLink href={`/authors/${m.handle}`} className="link font-semibold">
                      {m.name}
                    </IntentLink>{" "}
                    <span className="text-stone-600">@{m.handle} · since {formatDateTime(m.addedAt)}</span>
                  </div>
                  <RemoveCommunityModeratorForm communityId={community.id} userId={m.userId} handle={m.handle} />
                </li>
              ))}
            </ul>
          )}
          <AddCommunityModeratorForm communityId={community.id} />
        </section>
        <section aria-labelledby="archive-heading" className="mt-12 rounded-xl border border-stone-200 p-5">
          <h2 id="archive-heading" className="font-serif text-xl font-bold">
            {archived ? "Archived" : "Archive"}
          </h2>
          <p className="mb-4 mt-1 text-sm text-stone-600">
            {archived
              ? "Its stories stay readable at their addresses. Bring it back to take new stories again."
              : "Its stories stay readable at their addresses; creators can't publish or submit new ones to it, and it leaves the directory and the editor's list."}
          </p>
          <ArchiveCommunityForm communityId={community.id} archived={archived} />
        </section>
      </>
    );
  });
}

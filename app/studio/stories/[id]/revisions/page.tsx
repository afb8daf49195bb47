import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getStoryForEditing } from "@/lib/data/studio-stories";
import { getRevision, listRevisions, type RevisionView } from "@/lib/data/revisions";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/components/format";
import { RestoreRevisionForm } from "@/components/editor/restore-revision-form";
import { StoryChanges } from "@/components/review/story-changes";
import { revisionChanges } from "@/lib/domain/story-diff";

export const metadata: Metadata = { title: "Revisions", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ revision?: string }> };

const kindLabel = { SAVE: "Saved", PUBLISH: "Published", RESTORE: "Restored", SUBMIT: "Submitted" } as const;

function nullIfNotFound(error: unknown): null {
  if (isAppError(error) && error.code === "NOT_FOUND") return null;
  throw error;
}

/** A story's revisions; one chosen revision side by side with the current text, to restore. */
export default async function RevisionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requireViewer(`/studio/stories/${id}/revisions`);
  const { revision: revisionId } = await searchParams;
  const [story, revisions] = await Promise.all([getStoryForEditing(viewer, id).catch(nullIfNotFound), listRevisions(viewer, id).catch(nullIfNotFound)]);
  if (!story || !revisions) notFound();
  const chosen = revisionId ? await getRevision(viewer, revisionId).catch(nullIfNotFound) : null;
  if (revisionId && (!chosen || chosen.storyId !== id)) notFound();

  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <p className="mb-2 text-sm">
        <IntentLink href={`/studio/stories/${id}/edit`} className="link">
          ← Back to editing
        </IntentLink>
      </p>
      <h1 className="mb-6 font-serif text-3xl font-bold">Revisions of “{story.title}”</h1>
      <div className="grid gap-8 lg:grid-cols-[16rem_1fr]">
        <nav aria-label="Revisions">
          {revisions.length ? (
            <ol className="space-y-1">
              {revisions.map((r) => (
                <li key={r.id}>
                  <IntentLink
                    href={`/studio/stories/${id}/revisions?revision=${r.id}`}
                    aria-current={r.id === chosen?.id ? "page" : undefined}
                    className="block rounded-lg px-3 py-2 text-sm hover:bg-stone-100 aria-[current=page]:bg-stone-800 aria-[current=page]:text-white"
                  >
                    <span className="font-semibold">{kindLabel[r.kind]}</span> · {formatDateTime(r.createdAt)}
                    <span className="block truncate opacity-80">{r.title}</span>
                  </IntentLink>
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-stone-600">No revisions yet. Each explicit save, each submission for review and each publish keeps one.</p>
          )}
        </nav>
        {chosen ? (
          <div className="space-y-4">
            <section aria-labelledby="changes-heading" className="space-y-2">
              <h2 id="changes-heading" className="text-sm font-semibold uppercase tracking-wider text-stone-500">
                What changed since this revision
              </h2>
              <StoryChanges changes={revisionChanges(chosen, story)} />
            </section>
            <div className="grid gap-4 md:grid-cols-2">
              <Version heading={`${kindLabel[chosen.kind]} ${formatDateTime(chosen.createdAt)}`} version={chosen} />
              <Version heading="Current" version={{ title: story.title, subtitle: story.subtitle, body: story.body, tags: story.tags }} />
            </div>
            <RestoreRevisionForm revisionId={chosen.id} />
          </div>
        ) : (
          <p className="text-stone-600">Choose a revision to compare it with the current text.</p>
        )}
      </div>
    </div>
  );
}

function Version({ heading, version }: { heading: string; version: Pick<RevisionView, "title" | "subtitle" | "body" | "tags"> }) {
  return (
    <section aria-label={heading} className="min-w-0 rounded-lg border border-stone-200 p-4">
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wider text-stone-500">{heading}</h2>
      <p className="font-serif text-xl font-bold">{version.title}</p>
      {version.subtitle ? <p className="font-serif text-stone-600">{version.subtitle}</p> : null}
      {version.tags ? <p className="mt-1 text-sm text-stone-500">Tags: {version.tags}</p> : null}
      <pre className="mt-3 whitespace-pre-wrap break-words font-serif text-base leading-relaxed">{version.body}</pre>
    </section>
  );
}

import type { FieldChange } from "@/lib/domain/story-diff";

/**
 * What an edit changes in a live story, field by field: removed words struck through on red,
 * added words underlined on green (not colour alone), long unchanged stretches shortened to […].
 */
export function StoryChanges({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) return <p className="text-sm text-stone-600">No changes to the text.</p>;
  return (
    <dl className="space-y-3" data-testid="story-changes">
      {changes.map((change) => (
        <div key={change.field} className="rounded-lg border border-stone-200 p-3">
          <dt className="text-xs font-semibold uppercase tracking-wider text-stone-500">{change.field}</dt>
          <dd className="mt-1 whitespace-pre-wrap break-words font-serif text-[0.95rem] leading-relaxed">
            {change.parts.map((part, index) =>
              part.kind === "added" ? (
                <ins key={index} className="bg-emerald-100 text-emerald-950 underline decoration-emerald-600">
                  {part.text}
                </ins>
              ) : part.kind === "removed" ? (
                <del key={index} className="bg-red-100 text-red-900 line-through decoration-red-600">
                  {part.text}
                </del>
              ) : (
                <span key={index} className="text-stone-700">
                  {part.text}
                </span>
              ),
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

import { diffWords } from "diff";

// What a held edit changes in a live story, word by word, for the review queue. Pure.

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };
export type FieldChange = { field: string; parts: DiffPart[] };

export type ComparedText = { title: string; subtitle: string; body: string; tags: string; heroImageUrl: string; heroImageAlt: string; aiAssisted: boolean };

/** Unchanged text longer than this shows only its ends, so a one-word fix in a long story stays readable. */
const CONTEXT_CHARS = 120;

function collapse(text: string, first: boolean, last: boolean): string {
  if (text.length <= CONTEXT_CHARS * 2) return text;
  const head = first ? "" : text.slice(0, CONTEXT_CHARS);
  const tail = last ? "" : text.slice(-CONTEXT_CHARS);
  return `${head}${head ? " " : ""}[…]${tail ? " " : ""}${tail}`;
}

/** The word-level changes from `before` to `after`, unchanged stretches shortened. */
export function diffText(before: string, after: string): DiffPart[] {
  const changes = diffWords(before, after);
  return changes.map((change, index) => {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    return { kind, text: kind === "same" ? collapse(change.value, index === 0, index === changes.length - 1) : change.value };
  });
}

/** The fields of `[label, before, after]` that differ, each diffed word by word. */
function changedFields(fields: [string, string, string][]): FieldChange[] {
  return fields.filter(([, before, after]) => before !== after).map(([field, before, after]) => ({ field, parts: diffText(before, after) }));
}

/** Every field that differs, in the order the editor shows them; empty when nothing changed. */
export function storyChanges(live: ComparedText, edit: ComparedText): FieldChange[] {
  return changedFields([
    ["Title", live.title, edit.title],
    ["Subtitle", live.subtitle, edit.subtitle],
    ["Tags", live.tags, edit.tags],
    ["Hero image", live.heroImageUrl, edit.heroImageUrl],
    ["Hero image description", live.heroImageAlt, edit.heroImageAlt],
    ["AI-assisted", live.aiAssisted ? "yes" : "no", edit.aiAssisted ? "yes" : "no"],
    ["Story", live.body, edit.body],
  ]);
}

/** The text a revision keeps (no image or disclosure). */
export type RevisionText = Pick<ComparedText, "title" | "subtitle" | "tags" | "body">;

/** What changed from a revision to another text (the current one), word by word. */
export function revisionChanges(from: RevisionText, to: RevisionText): FieldChange[] {
  return changedFields([
    ["Title", from.title, to.title],
    ["Subtitle", from.subtitle, to.subtitle],
    ["Tags", from.tags, to.tags],
    ["Story", from.body, to.body],
  ]);
}

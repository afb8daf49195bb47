// The editor's copy of unsaved work on this device (localStorage), so a closed tab, a reload, a
// lost connection or an expired session never loses typed text. Written on every change and
// cleared once the server has everything it holds.
import type { StoryFieldValues } from "@/components/editor/story-fields";

export type LocalCopy = {
  fields: StoryFieldValues;
  /** The saved version these edits started from (null: a story not yet saved). */
  baseVersion: number | null;
  changedAt: string;
};

const keyFor = (storyId: string | null) => `storyhouse:story:${storyId ?? "new"}`;

export function readLocalCopy(storyId: string | null): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(keyFor(storyId));
    const copy = raw ? (JSON.parse(raw) as LocalCopy) : null;
    return copy && typeof copy.fields?.body === "string" ? copy : null;
  } catch {
    return null;
  }
}

export function writeLocalCopy(storyId: string | null, copy: LocalCopy) {
  try {
    window.localStorage.setItem(keyFor(storyId), JSON.stringify(copy));
  } catch {
    // Storage full or disabled: the server copy is then the only one; nothing else to do.
  }
}

export function clearLocalCopy(storyId: string | null) {
  try {
    window.localStorage.removeItem(keyFor(storyId));
  } catch {}
}

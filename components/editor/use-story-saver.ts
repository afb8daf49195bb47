"use client";
import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import { saveStoryAction, type SaveStoryState } from "@/lib/actions/stories";
import type { StoryDraft } from "@/lib/data/studio-stories";
import { countWords } from "@/lib/content/words.mjs";
import { clearLocalCopy, readLocalCopy, writeLocalCopy, type LocalCopy } from "@/components/editor/local-copy";
import { plainTextOf, sameFields, storyFieldsOf, type StoryFieldValues } from "@/components/editor/story-fields";

// The editor's saver: what is typed, what the server has, and getting one to the other. Every
// change is kept on this device at once (local-copy.ts) and saved to the account a moment after
// typing stops; saves run one at a time, each from the version the previous one produced; a save
// that another tab overtook becomes a choice (a conflict), never an overwrite; offline, signed out
// or refused, the text stays here and on this device. The form (story-editor.tsx) only shows it.

export type SaveState =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "offline" }
  | { kind: "signed-out" }
  | { kind: "waiting"; reason: string }
  | { kind: "error"; message: string }
  | { kind: "conflict"; theirs: StoryDraft };

/** "autosave" keeps no revision; "save" keeps one; "publish" saves and publishes (or submits, or schedules). */
export type SaveIntent = "autosave" | "save" | "publish";

export type FieldErrors = Record<string, string[] | undefined>;

const AUTOSAVE_DELAY_MS = 2_000;

type SaverOptions = {
  storyId: string | null;
  initial: StoryFieldValues;
  /** The saved version the page was rendered from (null for a new story). */
  version: number | null;
  /** A "Publish at" time chosen earlier (ISO), shown again when resubmitting. */
  initialPublishAt?: string | null;
};

function toAction(fields: StoryFieldValues, version: number | null, intent: SaveIntent, publishAt: string): Record<string, string> {
  const scheduledAt = intent === "publish" && publishAt ? localToIso(publishAt) : "";
  return { ...fields, aiAssisted: fields.aiAssisted ? "true" : "false", version: version === null ? "" : String(version), intent, scheduledAt };
}

/** A datetime-local value (the creator's own time zone) as an ISO time; "invalid" when unreadable. */
function localToIso(local: string): string {
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? "invalid" : at.toISOString();
}

/** An ISO time as a datetime-local value in this browser's time zone. */
function isoToLocal(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

export function useStorySaver({ storyId: initialStoryId, initial, version: initialVersion, initialPublishAt }: SaverOptions) {
  const [storyId, setStoryId] = useState(initialStoryId);
  const [fields, setFields] = useState(initial);
  const [words, setWords] = useState(() => countWords(plainTextOf(initial.body)));
  // A new key remounts the rich-text editor with new text (the editor owns its document otherwise).
  const [editorKey, setEditorKey] = useState(0);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [restoredFrom, setRestoredFrom] = useState<LocalCopy | null>(null);
  const [olderLocal, setOlderLocal] = useState<LocalCopy | null>(null);
  const [ready, setReady] = useState(false);
  // Filled in after mounting: the browser's time zone is not known while rendering on the server.
  const [publishAt, setPublishAt] = useState("");

  // Refs hold what the save loop needs without re-creating it on every keystroke.
  const latest = useRef({ fields, storyId, version: initialVersion, publishAt });
  latest.current.fields = fields;
  latest.current.publishAt = publishAt;
  const saved = useRef<StoryFieldValues>(initial);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const dirty = !sameFields(fields, saved.current);

  const replaceAll = useCallback((next: StoryFieldValues) => {
    setFields(next);
    setWords(countWords(plainTextOf(next.body)));
    setEditorKey((k) => k + 1);
  }, []);

  // On arrival: reconcile with any copy this device kept (a reload, a closed tab, an offline spell).
  const arrive = useEffectEvent(() => {
    const copy = readLocalCopy(initialStoryId);
    if (copy && !sameFields(copy.fields, initial)) {
      if (initialStoryId === null || copy.baseVersion === initialVersion) {
        // Edits made on top of what the server has: take them back and save them.
        replaceAll(copy.fields);
        setRestoredFrom(copy);
      } else {
        // The story was saved elsewhere since these edits began: the creator chooses.
        setOlderLocal(copy);
      }
    } else if (copy) {
      clearLocalCopy(initialStoryId);
    }
    if (initialPublishAt && new Date(initialPublishAt).getTime() > Date.now()) setPublishAt(isoToLocal(initialPublishAt));
    setReady(true);
  });
  useEffect(() => arrive(), []);

  // Saves run one at a time, in order: each starts from the version the previous one produced.
  // Everything it touches is a ref or a state setter, so it is made once.
  const runSave = useCallback((intent: SaveIntent): Promise<SaveStoryState | null> => {
    const next = queue.current.then(() => saveNow(intent));
    queue.current = next.then(
      () => undefined,
      () => undefined,
    );
    return next;

    async function saveNow(intent: SaveIntent): Promise<SaveStoryState | null> {
      const { fields: sending, storyId: id, version, publishAt: sendingPublishAt } = latest.current;
      if (intent === "autosave" && sameFields(sending, saved.current) && id) return { ok: true, id, version: version ?? undefined };
      if (intent === "autosave" && (!sending.title.trim() || !sending.community)) {
        setSave({ kind: "waiting", reason: "Kept on this device. Add a title and choose a community to save it to your account." });
        return null;
      }
      if (!navigator.onLine) {
        setSave({ kind: "offline" });
        return null;
      }
      setSave({ kind: "saving" });
      let result: SaveStoryState;
      try {
        result = await saveStoryAction(id, toAction(sending, version, intent, sendingPublishAt));
      } catch {
        // The request never reached us (offline, server restarting): the local copy keeps it all.
        setSave({ kind: "offline" });
        return null;
      }
      if (result.ok && result.id && result.version) {
        latest.current.version = result.version;
        saved.current = sending;
        setErrors({});
        if (!id) {
          latest.current.storyId = result.id;
          setStoryId(result.id);
          clearLocalCopy(null);
          // The draft now has its own address; stay on the page (and in the text) while moving there.
          window.history.replaceState(null, "", `/studio/stories/${result.id}/edit`);
        }
        if (sameFields(latest.current.fields, sending)) clearLocalCopy(result.id);
        else writeLocalCopy(result.id, { fields: latest.current.fields, baseVersion: result.version, changedAt: new Date().toISOString() });
        setSave({ kind: "saved", at: new Date(result.savedAt ?? Date.now()) });
        setRestoredFrom(null);
        return result;
      }
      if (result.id && !id) {
        latest.current.storyId = result.id;
        setStoryId(result.id);
      }
      if (result.signedOut) setSave({ kind: "signed-out" });
      else if (result.conflict) setSave({ kind: "conflict", theirs: result.conflict });
      else setSave({ kind: "error", message: result.message ?? "Some details need another look before this can be saved." });
      setErrors(result.fieldErrors ?? {});
      return result;
    }
  }, []);

  // The page was rendered again with a newer saved version (a restore, or a save from elsewhere
  // arriving with a navigation). With nothing unsaved here, take it; otherwise the next save
  // reports the conflict and the creator chooses.
  const adoptNewerVersion = useEffectEvent((version: number | null) => {
    if (version === null || latest.current.version === null || version <= latest.current.version) return;
    if (!sameFields(latest.current.fields, saved.current)) return;
    latest.current.version = version;
    saved.current = initial;
    replaceAll(initial);
  });
  useEffect(() => adoptNewerVersion(initialVersion), [initialVersion]);

  // Keep a local copy of every change at once; save to the account once typing pauses.
  const keepLocally = useEffectEvent((changed: StoryFieldValues): boolean => {
    writeLocalCopy(latest.current.storyId, { fields: changed, baseVersion: latest.current.version, changedAt: new Date().toISOString() });
    if (save.kind === "conflict" || save.kind === "signed-out") return false; // waits for the creator's choice or sign-in
    setSave((s) => (s.kind === "saving" ? s : { kind: "dirty" }));
    return true;
  });
  useEffect(() => {
    if (!ready || !dirty || !keepLocally(fields)) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void runSave("autosave"), AUTOSAVE_DELAY_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [fields, ready, dirty, runSave]);

  // Back online, or back in the tab (perhaps after signing in again): try once more.
  useEffect(() => {
    const retry = () => {
      if (!sameFields(latest.current.fields, saved.current) && document.visibilityState === "visible") void runSave("autosave");
    };
    window.addEventListener("online", retry);
    window.addEventListener("focus", retry);
    return () => {
      window.removeEventListener("online", retry);
      window.removeEventListener("focus", retry);
    };
  }, [runSave]);

  function update<K extends keyof StoryFieldValues>(key: K, value: StoryFieldValues[K]) {
    setFields((current) => ({ ...current, [key]: value }));
  }

  /** The rich-text editor's change: the Markdown it stores, and its plain text for counting. */
  function updateBody(markdown: string, text: string) {
    setFields((current) => (current.body === markdown ? current : { ...current, body: markdown }));
    setWords(countWords(text));
  }

  /** After a conflict: save this tab's text over the other version. */
  function keepMine(theirs: StoryDraft) {
    latest.current.version = theirs.version;
    setSave({ kind: "dirty" });
    void runSave("autosave");
  }

  /** After a conflict: drop this tab's changes and load the other version. */
  function takeTheirs(theirs: StoryDraft) {
    const next = storyFieldsOf(theirs);
    latest.current.version = theirs.version;
    saved.current = next;
    clearLocalCopy(latest.current.storyId);
    replaceAll(next);
    setSave({ kind: "saved", at: new Date(theirs.updatedAt) });
  }

  /** Changes this device kept from before the latest save elsewhere: use them, or drop them. */
  function resolveOlderLocal(useThem: boolean) {
    if (!olderLocal) return;
    if (useThem) replaceAll(olderLocal.fields);
    else clearLocalCopy(storyId);
    setOlderLocal(null);
  }

  return {
    storyId,
    fields,
    words,
    editorKey,
    ready,
    save,
    dirty,
    errors,
    setErrors,
    publishAt,
    setPublishAt,
    restoredFrom,
    olderLocal,
    update,
    updateBody,
    setHero: (url: string, alt: string) => setFields((current) => ({ ...current, heroImageUrl: url, heroImageAlt: alt })),
    runSave,
    /** Whether everything typed is saved to the account (and the story exists there). */
    allSaved: () => sameFields(latest.current.fields, saved.current) && latest.current.storyId !== null,
    /** The story's id as of the latest save (a new story gets one at its first). */
    currentStoryId: () => latest.current.storyId,
    forgetLocalCopy: () => clearLocalCopy(latest.current.storyId),
    keepMine,
    takeTheirs,
    resolveOlderLocal,
  };
}

"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { saveStoryAction, type SaveStoryState } from "@/lib/actions/stories";
import { MAX_TAGS } from "@/lib/validation/story";
import { publishProblems } from "@/lib/domain/publishing-rules";
import { countWords, readingMinutes } from "@/lib/content/words.mjs";
import type { StoryDraft } from "@/lib/data/studio-stories";
import type { CommunityRules } from "@/lib/data/communities";
import { Field, FormMessage } from "@/components/forms/field";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import { HeroImageField } from "@/components/editor/hero-image-field";
import { clearLocalCopy, readLocalCopy, sameFields, writeLocalCopy, type LocalCopy, type StoryFieldValues } from "@/components/editor/local-copy";

type EditorProps = {
  storyId: string | null;
  initial: StoryFieldValues;
  /** The saved version the page was rendered from (null for a new story). */
  version: number | null;
  communities: CommunityRules[];
  publishedHref: string | null;
  notice?: string;
  /** Whether the Publish button publishes at once (a trusted creator) or submits for review. */
  publishMode: "publish" | "submit";
  /** A "Publish at" time chosen earlier (ISO), shown again when resubmitting. */
  initialPublishAt?: string | null;
};

type SaveState =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "offline" }
  | { kind: "signed-out" }
  | { kind: "waiting"; reason: string }
  | { kind: "error"; message: string }
  | { kind: "conflict"; theirs: StoryDraft };

type Intent = "autosave" | "save" | "publish";

const AUTOSAVE_DELAY_MS = 2_000;
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });

function plainTextOf(markdown: string) {
  return markdown.replace(/!\[[^\]]*\]\([^)]*\)/g, " ").replace(/\]\([^)]*\)/g, "]");
}

function toAction(fields: StoryFieldValues, version: number | null, intent: Intent, publishAt: string): Record<string, string> {
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

/** The community's publishing rules (the same function the server enforces), for quick messages. */
function problemsOf(fields: StoryFieldValues, words: number, community: CommunityRules | undefined, liveHere: boolean): Record<string, string[]> {
  return publishProblems({ title: fields.title, subtitle: fields.subtitle, wordCount: words, heroImageUrl: fields.heroImageUrl || null, heroImageAlt: fields.heroImageAlt, aiAssisted: fields.aiAssisted, liveHere }, community);
}

/**
 * The story editor: title, subtitle, community, tags, hero image, disclosure and the rich-text
 * body. Every change is kept on this device at once and saved to the account a moment after
 * typing stops; a save that another tab has overtaken is shown as a choice, never overwritten.
 */
export function StoryEditor({ storyId: initialStoryId, initial, version: initialVersion, communities, publishedHref, notice, publishMode, initialPublishAt }: EditorProps) {
  const router = useRouter();
  const [storyId, setStoryId] = useState(initialStoryId);
  const [fields, setFields] = useState(initial);
  const [words, setWords] = useState(() => countWords(plainTextOf(initial.body)));
  const [editorKey, setEditorKey] = useState(0);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(notice ? { tone: "success", text: notice } : null);
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

  const community = communities.find((c) => c.slug === fields.community);
  const dirty = !sameFields(fields, saved.current);

  // On arrival: reconcile with any copy this device kept (a reload, a closed tab, an offline spell).
  useEffect(() => {
    const copy = readLocalCopy(initialStoryId);
    if (copy && !sameFields(copy.fields, initial)) {
      if (initialStoryId === null || copy.baseVersion === initialVersion) {
        // Edits made on top of what the server has: take them back and save them.
        setFields(copy.fields);
        setWords(countWords(plainTextOf(copy.fields.body)));
        setEditorKey((k) => k + 1);
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
    // Runs once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Saves run one at a time, in order: each starts from the version the previous one produced.
  const runSave = useCallback((intent: Intent): Promise<SaveStoryState | null> => {
    const next = queue.current.then(() => saveNow(intent));
    queue.current = next.then(() => undefined, () => undefined);
    return next;
    // saveNow reads only refs and state setters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function saveNow(intent: Intent): Promise<SaveStoryState | null> {
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

  // The page was rendered again with a newer saved version (a restore, or a save from elsewhere
  // arriving with a navigation). With nothing unsaved here, take it; otherwise the next save
  // reports the conflict and the creator chooses.
  useEffect(() => {
    if (initialVersion === null || latest.current.version === null || initialVersion <= latest.current.version) return;
    if (!sameFields(latest.current.fields, saved.current)) return;
    latest.current.version = initialVersion;
    saved.current = initial;
    replaceAll(initial);
    // Only a new version matters; `initial` comes with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialVersion]);

  // Pages kept alive across navigations get new notices as props.
  useEffect(() => {
    if (notice) setMessage({ tone: "success", text: notice });
  }, [notice]);

  // Keep a local copy of every change at once; save to the account once typing pauses.
  useEffect(() => {
    if (!ready || !dirty) return;
    writeLocalCopy(latest.current.storyId, { fields, baseVersion: latest.current.version, changedAt: new Date().toISOString() });
    if (save.kind === "conflict" || save.kind === "signed-out") return; // waits for the creator's choice or sign-in
    setSave((s) => (s.kind === "saving" ? s : { kind: "dirty" }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void runSave("autosave"), AUTOSAVE_DELAY_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
    // save.kind is read, not tracked: a state change alone should not schedule a save.
    // eslint-disable-next-line react-hooks/exhaustive-deps
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

  function replaceAll(next: StoryFieldValues) {
    setFields(next);
    setWords(countWords(plainTextOf(next.body)));
    setEditorKey((k) => k + 1);
  }

  async function onSave() {
    setMessage(null);
    const result = await runSave("save");
    if (result?.ok) setMessage({ tone: "success", text: result.held ? "Saved. Your changes wait for review: readers still see the live version." : publishedHref ? "Saved. Your changes are live." : "Draft saved." });
  }

  async function onPublish() {
    setMessage(null);
    const problems = problemsOf(fields, words, community, Boolean(publishedHref) && fields.community === initial.community);
    if (Object.keys(problems).length) {
      setErrors(problems);
      setMessage({ tone: "error", text: publishMode === "submit" ? "This story isn't ready to submit yet." : "This story isn't ready to publish yet." });
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const result = await runSave("publish");
    if (result?.ok && result.href) {
      clearLocalCopy(latest.current.storyId);
      window.location.assign(result.href);
    } else if (result && !result.ok && result.message) {
      setMessage({ tone: "error", text: result.message });
    }
  }

  async function onPreview() {
    if (!sameFields(latest.current.fields, saved.current) || !latest.current.storyId) {
      const result = await runSave("autosave");
      if (!result?.ok) return;
    }
    router.push(`/studio/stories/${latest.current.storyId}/preview`);
  }

  function keepMine(theirs: StoryDraft) {
    latest.current.version = theirs.version;
    setSave({ kind: "dirty" });
    void runSave("autosave");
  }

  function takeTheirs(theirs: StoryDraft) {
    const next: StoryFieldValues = { title: theirs.title, subtitle: theirs.subtitle, community: theirs.community, tags: theirs.tags, body: theirs.body, heroImageUrl: theirs.heroImageUrl, heroImageAlt: theirs.heroImageAlt, aiAssisted: theirs.aiAssisted };
    latest.current.version = theirs.version;
    saved.current = next;
    clearLocalCopy(latest.current.storyId);
    replaceAll(next);
    setSave({ kind: "saved", at: new Date(theirs.updatedAt) });
  }

  const minutes = readingMinutes(words);
  const publishedCommunityLocked = Boolean(publishedHref);
  // A creator who is not trusted sends edits to a live story to review (docs/moderation.md).
  const publishLabel = publishedHref ? (publishMode === "submit" ? "Submit changes for review" : "Update story") : publishMode === "submit" ? "Submit for review" : publishAt ? "Schedule" : "Publish";
  const publishAtHint =
    publishMode === "submit"
      ? "Optional. Leave empty to go live as soon as a moderator approves it."
      : "Optional. Leave empty to publish now; pick a time (in your time zone) to schedule it.";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <SaveIndicator state={save} dirty={dirty} />
        <p className="text-stone-500" aria-live="polite">
          {words.toLocaleString("en-US")} {words === 1 ? "word" : "words"} · {minutes} min read
        </p>
      </div>

      {message ? <FormMessage tone={message.tone} message={message.text} /> : null}
      {restoredFrom ? (
        <p role="status" className="rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          We brought back changes from this device that hadn&apos;t been saved yet.
        </p>
      ) : null}
      {olderLocal ? (
        <ChoiceBox
          title="This device has changes that were never saved"
          detail={`They were made before the latest save (from another tab or device). Yours: “${olderLocal.fields.title || "Untitled"}”, ${countWords(plainTextOf(olderLocal.fields.body))} words.`}
          mine="Use this device's changes"
          theirs="Keep the saved version"
          onMine={() => {
            replaceAll(olderLocal.fields);
            setOlderLocal(null);
          }}
          onTheirs={() => {
            clearLocalCopy(storyId);
            setOlderLocal(null);
          }}
        />
      ) : null}
      {save.kind === "conflict" ? (
        <ChoiceBox
          title="This story was changed in another tab or window"
          detail={`The other version (“${save.theirs.title}”, ${countWords(plainTextOf(save.theirs.body))} words) was saved after you started. Your changes are kept on this device until you choose.`}
          mine="Keep my version"
          theirs="Load the other version"
          onMine={() => keepMine(save.theirs)}
          onTheirs={() => takeTheirs(save.theirs)}
        />
      ) : null}

      <Field name="title" label="Title" errors={errors.title}>
        {(props) => <input {...props} type="text" required maxLength={150} value={fields.title} onChange={(e) => update("title", e.currentTarget.value)} className="input font-serif text-2xl font-bold sm:text-3xl" placeholder="Your story's title" />}
      </Field>
      <Field name="subtitle" label="Subtitle" errors={errors.subtitle} hint={community?.requireSubtitle ? `${community.name} stories need one: a line that tells readers what the story is about.` : "One line that tells readers what the story is about."}>
        {(props) => <input {...props} type="text" maxLength={250} value={fields.subtitle} onChange={(e) => update("subtitle", e.currentTarget.value)} className="input font-serif text-lg" />}
      </Field>
      <div className="grid gap-6 sm:grid-cols-2">
        <Field name="community" label="Community" errors={errors.community} hint={community ? rulesText(community) : publishedCommunityLocked ? undefined : "Where your story will appear."}>
          {(props) => (
            <select {...props} required value={fields.community} disabled={publishedCommunityLocked} onChange={(e) => update("community", e.currentTarget.value)} className="input">
              <option value="">Choose a community…</option>
              {/* An archived community takes no new stories: listed only for a story already in it. */}
              {communities
                .filter((c) => !c.archived || c.slug === initial.community)
                .map((c) => (
                  <option key={c.slug} value={c.slug}>
                    {c.archived ? `${c.name} (archived)` : c.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field name="tags" label="Tags" errors={errors.tags} hint={`Up to ${MAX_TAGS}, separated by commas.`}>
          {(props) => <input {...props} type="text" maxLength={400} value={fields.tags} onChange={(e) => update("tags", e.currentTarget.value)} className="input" placeholder="e.g. cooking, family, memory" />}
        </Field>
      </div>

      {community?.guidelines ? (
        <aside aria-label={`${community.name} guidelines`} className="rounded-lg border border-stone-200 bg-stone-50 px-4 py-3 text-sm" data-testid="community-guidelines">
          <p className="font-semibold text-stone-800">{community.name} guidelines</p>
          <p className="mt-1 whitespace-pre-line break-words text-stone-700">{community.guidelines}</p>
        </aside>
      ) : null}

      <HeroImageField
        url={fields.heroImageUrl}
        alt={fields.heroImageAlt}
        errors={[...(errors.heroImage ?? []), ...(errors.heroImageUrl ?? [])]}
        altErrors={errors.heroImageAlt}
        required={community?.requireHero ?? false}
        onChange={(url, alt) => setFields((current) => ({ ...current, heroImageUrl: url, heroImageAlt: alt }))}
      />

      <div className="space-y-1.5">
        <p id="field-body-label" className="block text-sm font-semibold text-stone-800">
          Story
        </p>
        {ready ? (
          <RichTextEditor
            key={editorKey}
            initialMarkdown={fields.body}
            describedBy={["field-body-hint", errors.body?.length ? "field-body-error" : null].filter(Boolean).join(" ")}
            invalid={Boolean(errors.body?.length)}
            onChange={(markdown, text) => {
              setFields((current) => (current.body === markdown ? current : { ...current, body: markdown }));
              setWords(countWords(text));
            }}
          />
        ) : (
          <div className="min-h-80 rounded-lg border border-stone-300 px-4 py-3 text-stone-500">Loading the editor…</div>
        )}
        <p id="field-body-hint" className="text-sm text-stone-500">
          Use the toolbar or shortcuts (hover a button to see them); paste Markdown or text from the web. <em>Markdown</em> shows the source.
        </p>
        {errors.body?.length ? (
          <p id="field-body-error" className="text-sm font-medium text-red-700">
            {errors.body.join(" ")}
          </p>
        ) : null}
      </div>

      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" checked={fields.aiAssisted} onChange={(e) => update("aiAssisted", e.currentTarget.checked)} className="mt-0.5 size-4 accent-stone-800" />
        <span>
          <span className="font-semibold">AI-assisted</span>
          <span className="block text-stone-500">
            Tick this if AI tools helped write this story. Readers see a note under the byline.
            {community && !community.allowAiAssisted ? ` ${community.name} doesn't take AI-assisted stories.` : null}
          </span>
          {errors.aiAssisted?.length ? <span className="mt-1 block font-medium text-red-700">{errors.aiAssisted.join(" ")}</span> : null}
        </span>
      </label>

      {publishedHref ? null : (
        <div className="max-w-xs">
          <Field name="scheduledAt" label="Publish at" errors={errors.scheduledAt} hint={publishAtHint}>
            {(props) => <input {...props} type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.currentTarget.value)} className="input" />}
          </Field>
        </div>
      )}

      <div className="flex flex-wrap items-center gap-3 border-t border-stone-200 pt-6">
        <button type="button" className="btn-primary" onClick={onPublish} disabled={save.kind === "saving"}>
          {publishLabel}
        </button>
        <button type="button" className="btn-secondary" onClick={onSave} disabled={save.kind === "saving"}>
          {publishedHref ? (publishMode === "submit" ? "Save changes" : "Save") : "Save draft"}
        </button>
        <button type="button" className="btn-secondary" onClick={onPreview} disabled={save.kind === "saving"}>
          Preview
        </button>
        {storyId ? (
          <Link href={`/studio/stories/${storyId}/revisions`} className="link text-sm">
            Revisions
          </Link>
        ) : null}
        {publishedHref ? (
          <Link href={publishedHref} className="link text-sm">
            View story
          </Link>
        ) : null}
      </div>
    </div>
  );
}

function rulesText(community: CommunityRules) {
  const rules = [community.requireSubtitle ? "a subtitle" : null, community.requireHero ? "a hero image" : null, community.minWords ? `at least ${community.minWords} words` : null].filter(Boolean);
  return rules.length ? `${community.name} asks for ${rules.join(", ")}.` : undefined;
}

function SaveIndicator({ state, dirty }: { state: SaveState; dirty: boolean }) {
  const text =
    state.kind === "saving"
      ? "Saving…"
      : state.kind === "saved" && !dirty
        ? `Saved ${timeFormat.format(state.at)}`
        : state.kind === "offline"
          ? "Offline — changes kept on this device"
          : state.kind === "signed-out"
            ? "Signed out — changes kept on this device"
            : state.kind === "waiting"
              ? state.reason
              : state.kind === "error"
                ? "Not saved — changes kept on this device"
                : state.kind === "conflict"
                  ? "Not saved — changed elsewhere"
                  : dirty
                    ? "Unsaved changes"
                    : "";
  return (
    <p className="flex items-center gap-2 text-stone-600" data-testid="save-state" aria-live="polite">
      <span>{text}</span>
      {state.kind === "signed-out" ? (
        <a href="/signin?callbackUrl=%2Fstudio" target="_blank" rel="noopener" className="link font-semibold">
          Sign in again
        </a>
      ) : null}
    </p>
  );
}

function ChoiceBox({ title, detail, mine, theirs, onMine, onTheirs }: { title: string; detail: string; mine: string; theirs: string; onMine: () => void; onTheirs: () => void }) {
  return (
    <div role="alert" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <p className="font-semibold">{title}</p>
      <p>{detail}</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-primary" onClick={onMine}>
          {mine}
        </button>
        <button type="button" className="btn-secondary" onClick={onTheirs}>
          {theirs}
        </button>
      </div>
    </div>
  );
}

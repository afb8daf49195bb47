"use client";
import { IntentLink } from "@/components/intent-link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { MAX_TAGS, STORY_TITLE_MAX } from "@/lib/validation/limits";
import { publishProblems } from "@/lib/domain/publishing-rules";
import { countWords, readingMinutes } from "@/lib/content/words.mjs";
import type { CommunityRules } from "@/lib/data/communities";
import { Field, FormMessage } from "@/components/forms/field";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import { HeroImageField } from "@/components/editor/hero-image-field";
import { plainTextOf, type StoryFieldValues } from "@/components/editor/story-fields";
import { useStorySaver } from "@/components/editor/use-story-saver";
import { ChoiceBox, SaveIndicator } from "@/components/editor/save-status";

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

/** Which of the editor's buttons is at work (it shows a pending label until its work is done). */
type Busy = "publish" | "save" | "preview" | null;

/** The title counter shows once the title is this close to its limit. */
const TITLE_COUNTER_FROM = STORY_TITLE_MAX - 30;

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
  const saver = useStorySaver({ storyId: initialStoryId, initial, version: initialVersion, initialPublishAt });
  const { storyId, fields, words, editorKey, ready, save, dirty, publishAt, setPublishAt, restoredFrom, olderLocal, update } = saver;
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(notice ? { tone: "success", text: notice } : null);
  const [busy, setBusy] = useState<Busy>(null);
  // After Publish found the story not ready: its problems follow the typing, and go when fixed.
  const [checkingRules, setCheckingRules] = useState(false);
  // Opening the preview is a navigation: pending until the preview page is there.
  const [navigating, startNavigation] = useTransition();

  const community = communities.find((c) => c.slug === fields.community);
  const liveHere = Boolean(publishedHref) && fields.community === initial.community;
  const problems = checkingRules ? problemsOf(fields, words, community, liveHere) : null;
  const stillNotReady = problems !== null && Object.keys(problems).length > 0;
  const errors = problems ? { ...saver.errors, ...problems } : saver.errors;

  // Pages kept alive across navigations get new notices as props.
  useEffect(() => {
    if (notice) setMessage({ tone: "success", text: notice });
  }, [notice]);

  // Back to this page from the story after publishing (the browser's back/forward cache): the buttons work again.
  useEffect(() => {
    const reset = (event: PageTransitionEvent) => {
      if (event.persisted) setBusy(null);
    };
    window.addEventListener("pageshow", reset);
    return () => window.removeEventListener("pageshow", reset);
  }, []);

  /** Runs one button's work with that button saying so (and the others waiting). */
  async function working(which: Exclude<Busy, null>, work: () => Promise<boolean | void>) {
    setBusy(which);
    // Work that moves to another page keeps its label until the page goes.
    const leaving = await work().catch(() => false);
    if (leaving !== true) setBusy(null);
  }

  function onSave() {
    return working("save", async () => {
      setMessage(null);
      const result = await saver.runSave("save");
      if (result?.ok) setMessage({ tone: "success", text: result.held ? "Saved. Your changes wait for review: readers still see the live version." : publishedHref ? "Saved. Your changes are live." : "Draft saved." });
    });
  }

  function onPublish() {
    setMessage(null);
    const found = problemsOf(fields, words, community, liveHere);
    if (Object.keys(found).length) {
      setCheckingRules(true);
      setMessage({ tone: "error", text: publishMode === "submit" ? "This story isn't ready to submit yet." : "This story isn't ready to publish yet." });
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setCheckingRules(false);
    return working("publish", async () => {
      const result = await saver.runSave("publish");
      if (result?.ok && result.href) {
        saver.forgetLocalCopy();
        window.location.assign(result.href);
        return true;
      }
      if (result && !result.ok && result.message) setMessage({ tone: "error", text: result.message });
    });
  }

  function onPreview() {
    return working("preview", async () => {
      if (!saver.allSaved()) {
        const result = await saver.runSave("autosave");
        if (!result?.ok) return;
      }
      startNavigation(() => router.push(`/studio/stories/${saver.currentStoryId()}/preview`));
    });
  }

  const minutes = readingMinutes(words);
  const publishedCommunityLocked = Boolean(publishedHref);
  // A creator who is not trusted sends edits to a live story to review (docs/moderation.md).
  const publishLabel = publishedHref ? (publishMode === "submit" ? "Submit changes for review" : "Update story") : publishMode === "submit" ? "Submit for review" : publishAt ? "Schedule" : "Publish";
  const publishPendingLabel = publishedHref ? (publishMode === "submit" ? "Submitting…" : "Updating…") : publishMode === "submit" ? "Submitting…" : publishAt ? "Scheduling…" : "Publishing…";
  const saveLabel = publishedHref ? (publishMode === "submit" ? "Save changes" : "Save") : "Save draft";
  const waiting = save.kind === "saving" || busy !== null || navigating;
  const publishAtHint =
    publishMode === "submit"
      ? "Optional. Leave empty to go live as soon as a moderator approves it."
      : "Optional. Leave empty to publish now; pick a time (in your time zone) to schedule it.";
  const shownMessage = message?.tone === "error" && checkingRules && !stillNotReady && !busy ? null : message;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <SaveIndicator state={save} dirty={dirty} />
        <p className="text-stone-500" aria-live="polite">
          {words.toLocaleString("en-US")} {words === 1 ? "word" : "words"} · {minutes} min read
        </p>
      </div>

      {shownMessage ? <FormMessage tone={shownMessage.tone} message={shownMessage.text} /> : null}
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
          onMine={() => saver.resolveOlderLocal(true)}
          onTheirs={() => saver.resolveOlderLocal(false)}
        />
      ) : null}
      {save.kind === "conflict" ? (
        <ChoiceBox
          title="This story was changed in another tab or window"
          detail={`The other version (“${save.theirs.title}”, ${countWords(plainTextOf(save.theirs.body))} words) was saved after you started. Your changes are kept on this device until you choose.`}
          mine="Keep my version"
          theirs="Load the other version"
          onMine={() => saver.keepMine(save.theirs)}
          onTheirs={() => saver.takeTheirs(save.theirs)}
        />
      ) : null}

      <Field name="title" label="Title" errors={errors.title} hint={fields.title.length >= TITLE_COUNTER_FROM ? <TitleCounter length={fields.title.length} /> : undefined}>
        {(props) => <input {...props} type="text" required maxLength={STORY_TITLE_MAX} value={fields.title} onChange={(e) => update("title", e.currentTarget.value)} className="input font-serif text-2xl font-bold sm:text-3xl" placeholder="Your story's title" />}
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
        onChange={saver.setHero}
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
            onChange={saver.updateBody}
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
        <button type="button" className="btn-primary" onClick={onPublish} disabled={waiting} aria-disabled={waiting}>
          {busy === "publish" ? publishPendingLabel : publishLabel}
        </button>
        <button type="button" className="btn-secondary" onClick={onSave} disabled={waiting} aria-disabled={waiting}>
          {busy === "save" ? "Saving…" : saveLabel}
        </button>
        <button type="button" className="btn-secondary" onClick={onPreview} disabled={waiting} aria-disabled={waiting}>
          {busy === "preview" || navigating ? "Opening preview…" : "Preview"}
        </button>
        {storyId ? (
          <IntentLink href={`/studio/stories/${storyId}/revisions`} className="link text-sm">
            Revisions
          </IntentLink>
        ) : null}
        {publishedHref ? (
          <IntentLink href={publishedHref} className="link text-sm">
            View story
          </IntentLink>
        ) : null}
      </div>
    </div>
  );
}

function rulesText(community: CommunityRules) {
  const rules = [community.requireSubtitle ? "a subtitle" : null, community.requireHero ? "a hero image" : null, community.minWords ? `at least ${community.minWords} words` : null].filter(Boolean);
  return rules.length ? `${community.name} asks for ${rules.join(", ")}.` : undefined;
}

/** Characters used of the title's limit, shown near it; read out when it changes. */
function TitleCounter({ length }: { length: number }) {
  const left = STORY_TITLE_MAX - length;
  return (
    <span aria-live="polite" data-testid="title-counter" className={left <= 10 ? "font-medium text-amber-800" : undefined}>
      {length}/{STORY_TITLE_MAX} characters{left === 0 ? ": the title is as long as it can be" : ""}
    </span>
  );
}

"use client";
import Link from "next/link";
import { useState } from "react";
import { saveStoryAction } from "@/lib/actions/stories";
import { useActionForm } from "@/components/forms/use-action-form";
import { MAX_TAGS, STORY_BODY_MAX } from "@/lib/validation/story";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";

type EditorProps = {
  storyId: string | null;
  initial: { title: string; subtitle: string; community: string; body: string; tags: string };
  communities: { slug: string; name: string }[];
  publishedHref: string | null;
  justSaved?: boolean;
};

function countWords(text: string) {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/** The story form: Markdown body for now; the rich editor arrives with the studio. */
export function StoryEditor({ storyId, initial, communities, publishedHref, justSaved }: EditorProps) {
  const { state, formAction, formKey, formRef } = useActionForm(saveStoryAction.bind(null, storyId), justSaved ? { ok: true } : {});
  const values = { ...initial, ...state.values };
  const [words, setWords] = useState(() => countWords(values.body));
  const errors = state.fieldErrors ?? {};
  const savedId = state.values?.savedStoryId;

  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-6" noValidate>
      <FormMessage message={state.message} />
      {savedId ? (
        <p className="text-sm text-stone-600">
          Your draft was saved.{" "}
          <Link href={`/studio/stories/${savedId}/edit`} className="link font-semibold">
            Keep editing it
          </Link>
        </p>
      ) : null}
      {state.ok && !state.message ? <FormMessage tone="success" message={publishedHref ? "Saved. Your changes are live." : "Draft saved."} /> : null}

      <Field name="title" label="Title" errors={errors.title}>
        {(props) => <input {...props} type="text" required maxLength={150} defaultValue={values.title} className="input font-serif text-2xl font-bold sm:text-3xl" placeholder="Your story's title" />}
      </Field>
      <Field name="subtitle" label="Subtitle" errors={errors.subtitle} hint="One line that tells readers what the story is about.">
        {(props) => <input {...props} type="text" maxLength={250} defaultValue={values.subtitle} className="input font-serif text-lg" />}
      </Field>
      <Field name="community" label="Community" errors={errors.community}>
        {(props) => (
          <select {...props} required defaultValue={values.community} className="input">
            <option value="">Choose a community…</option>
            {communities.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="tags" label="Tags" errors={errors.tags} hint={`Up to ${MAX_TAGS}, separated by commas. New tags are created as you publish.`}>
        {(props) => <input {...props} type="text" maxLength={400} defaultValue={values.tags} className="input" placeholder="e.g. cooking, family, memory" />}
      </Field>
      <Field
        name="body"
        label="Story"
        errors={errors.body}
        hint={
          <>
            Markdown: start a section with <code>## Heading</code>, use <code>**bold**</code>, <code>*italic*</code>, <code>[links](https://…)</code>, lists and <code>&gt; quotes</code>.{" "}
            <span aria-live="polite">
              {words.toLocaleString("en-US")} words · {Math.max(1, Math.round(words / 238))} min read
            </span>
          </>
        }
      >
        {(props) => (
          <textarea
            {...props}
            rows={20}
            maxLength={STORY_BODY_MAX}
            defaultValue={values.body}
           
            onChange={(e) => setWords(countWords(e.currentTarget.value))}
            className="input font-serif text-lg leading-relaxed"
          />
        )}
      </Field>
      {errors.heroImage ? <FormMessage message={errors.heroImage.join(" ")} /> : null}

      <div className="flex flex-wrap items-center gap-3 border-t border-stone-200 pt-6">
        <SubmitButton name="intent" value="publish" pendingLabel={publishedHref ? "Updating…" : "Publishing…"}>
          {publishedHref ? "Update story" : "Publish"}
        </SubmitButton>
        {publishedHref ? null : (
          <SubmitButton name="intent" value="save" variant="secondary" pendingLabel="Saving…">
            Save draft
          </SubmitButton>
        )}
        {publishedHref ? (
          <Link href={publishedHref} className="link text-sm">
            View story
          </Link>
        ) : null}
      </div>
    </form>
  );
}

"use client";
import { useState } from "react";
import { createCommunityAction, setCommunityArchivedAction, updateCommunityAction } from "@/lib/actions/communities";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { AccentField } from "@/components/forms/accent-field";
import { HeroImageField } from "@/components/editor/hero-image-field";
import type { FormState } from "@/lib/validation/form";

export type CommunityFormValues = {
  name: string;
  slug: string;
  description: string;
  guidelines: string;
  coverImageUrl: string;
  coverImageAlt: string;
  accentColor: string;
  requireSubtitle: boolean;
  requireHero: boolean;
  allowAiAssisted: boolean;
  minWords: number;
};

const blank: CommunityFormValues = { name: "", slug: "", description: "", guidelines: "", coverImageUrl: "", coverImageAlt: "", accentColor: "", requireSubtitle: false, requireHero: false, allowAiAssisted: true, minWords: 0 };

/** Create (no `communityId`) or edit a community: details, look, rules, and why (for the audit log). */
export function CommunityForm({ communityId, initial = blank }: { communityId?: string; initial?: CommunityFormValues }) {
  const action = communityId ? updateCommunityAction.bind(null, communityId) : createCommunityAction;
  const { state, formAction, formKey, formRef } = useActionForm(action);
  // After a failed save, what was typed (state.values) wins over what was stored.
  const typed = state.values;
  const text = (key: keyof CommunityFormValues) => typed?.[key] ?? String(initial[key]);
  const checked = (key: "requireSubtitle" | "requireHero" | "allowAiAssisted") => (typed ? typed[key] === "on" : initial[key]);
  const errors = state.fieldErrors ?? {};
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-8" noValidate>
      <FormMessage message={state.message} />
      <fieldset className="space-y-4">
        <legend className="font-serif text-xl font-bold">About</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="name" label="Name" errors={errors.name}>
            {(props) => <input {...props} required maxLength={60} defaultValue={text("name")} className="input" />}
          </Field>
          <Field name="slug" label="Address" errors={errors.slug} hint={communityId ? "Changing it keeps the old address working: it redirects here." : "Its page will be at /address, like /true-crime."}>
            {(props) => <input {...props} required maxLength={40} pattern="[a-z0-9]+(-[a-z0-9]+)*" defaultValue={text("slug")} className="input font-mono" />}
          </Field>
        </div>
        <Field name="description" label="Description" errors={errors.description} hint="One or two sentences, shown in the directory and on its page.">
          {(props) => <textarea {...props} rows={2} maxLength={500} defaultValue={text("description")} className="input" />}
        </Field>
        <Field name="guidelines" label="Guidelines for creators" errors={errors.guidelines} hint="Shown in the editor when a creator picks this community, and on its page.">
          {(props) => <textarea {...props} rows={5} maxLength={5000} defaultValue={text("guidelines")} className="input" />}
        </Field>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="font-serif text-xl font-bold">Look</legend>
        <CoverField url={text("coverImageUrl")} alt={text("coverImageAlt")} errors={errors.coverImageUrl} altErrors={errors.coverImageAlt} />
        <AccentField value={text("accentColor")} errors={errors.accentColor} hint="A stripe on its page and in the directory. Leave empty for the site's own." />
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="font-serif text-xl font-bold">Rules for publishing</legend>
        <p className="text-sm text-stone-600">Checked when a story is published or submitted here, with the same words in the editor and in review.</p>
        <Checkbox name="requireSubtitle" label="Stories need a subtitle" defaultChecked={checked("requireSubtitle")} />
        <Checkbox name="requireHero" label="Stories need a hero image" defaultChecked={checked("requireHero")} />
        <Checkbox name="allowAiAssisted" label="AI-assisted stories are allowed" defaultChecked={checked("allowAiAssisted")} />
        <div className="max-w-xs">
          <Field name="minWords" label="Minimum words" errors={errors.minWords}>
            {(props) => <input {...props} type="number" min={0} max={20000} required defaultValue={text("minWords")} className="input" />}
          </Field>
        </div>
      </fieldset>
      <Field name="reason" label="Why (for the audit log)" errors={errors.reason}>
        {(props) => <input {...props} required maxLength={500} defaultValue={typed?.reason ?? ""} className="input" />}
      </Field>
      <SubmitButton pendingLabel={communityId ? "Saving…" : "Creating…"}>{communityId ? "Save community" : "Create community"}</SubmitButton>
    </form>
  );
}

function Checkbox({ name, label, defaultChecked }: { name: string; label: string; defaultChecked: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm font-medium text-stone-800">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} className="size-4 accent-stone-800" />
      {label}
    </label>
  );
}

/** The cover: uploaded like a hero image; its URL and description travel in hidden fields. */
function CoverField({ url: initialUrl, alt: initialAlt, errors, altErrors }: { url: string; alt: string; errors?: string[]; altErrors?: string[] }) {
  const [cover, setCover] = useState({ url: initialUrl, alt: initialAlt });
  return (
    <>
      <HeroImageField label="Cover image" url={cover.url} alt={cover.alt} errors={errors} altErrors={altErrors} required={false} onChange={(url, alt) => setCover({ url, alt })} />
      <input type="hidden" name="coverImageUrl" value={cover.url} />
      <input type="hidden" name="coverImageAlt" value={cover.alt} />
    </>
  );
}

/** Archive (no new stories; its stories stay readable) or bring back, with a reason. */
export function ArchiveCommunityForm({ communityId, archived }: { communityId: string; archived: boolean }) {
  const { state, formAction, formKey, formRef } = useActionForm(setCommunityArchivedAction.bind(null, communityId) as (s: FormState, f: FormData) => Promise<FormState>);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-3" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <Field name="reason" id="archive-reason" label={archived ? "Why bring it back" : "Why archive it"} errors={state.fieldErrors?.reason}>
        {(props) => <input {...props} required maxLength={500} defaultValue={state.values?.reason ?? ""} className="input" />}
      </Field>
      <SubmitButton variant="secondary" pendingLabel={archived ? "Bringing back…" : "Archiving…"}>
        {archived ? "Bring back" : "Archive community"}
      </SubmitButton>
    </form>
  );
}

"use client";
import { updateProfileAction } from "@/lib/actions/profile";
import { useActionForm } from "@/components/forms/use-action-form";
import { BIO_MAX, HANDLE_MAX, PROFILE_LINKS, linkField, type ProfileLink } from "@/lib/validation/limits";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";

export function ProfileForm({ initial }: { initial: { name: string; handle: string; bio: string; links: ProfileLink[] } }) {
  const { state, formAction, formKey, formRef } = useActionForm(updateProfileAction);
  const initialLinks = Object.fromEntries(initial.links.map((link) => [linkField(link.kind), link.url]));
  const values: Record<string, string> = { name: initial.name, handle: initial.handle, bio: initial.bio, ...initialLinks, ...state.values };
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-5" noValidate>
      <FormMessage message={state.message} />
      {state.ok ? <FormMessage tone="success" message="Profile saved." /> : null}
      <Field name="name" label="Name" errors={state.fieldErrors?.name}>
        {(props) => <input {...props} type="text" required maxLength={80} autoComplete="name" defaultValue={values.name} className="input" />}
      </Field>
      <Field
        name="handle"
        label="Handle"
        errors={state.fieldErrors?.handle}
        hint={`Your profile's address: /authors/${values.handle}. Lower-case letters, digits and hyphens. If you change it, the old address keeps working.`}
      >
        {(props) => (
          <div className="flex items-stretch">
            <span className="inline-flex items-center rounded-l-lg border border-r-0 border-stone-300 bg-stone-100 px-3 text-sm text-stone-500">@</span>
            <input {...props} type="text" required minLength={3} maxLength={HANDLE_MAX} autoCapitalize="none" spellCheck={false} defaultValue={values.handle} className="input rounded-l-none" />
          </div>
        )}
      </Field>
      <Field name="bio" label="Bio" errors={state.fieldErrors?.bio} hint={`Shown on your profile and in the About the Creator box on your stories. Plain text; links starting with https:// become clickable. Up to ${BIO_MAX} characters.`}>
        {(props) => <textarea {...props} rows={5} maxLength={BIO_MAX} defaultValue={values.bio} className="input" />}
      </Field>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-stone-800">Links</legend>
        <p className="-mt-2 text-sm text-stone-500">Full https:// addresses; leave empty to hide one.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {PROFILE_LINKS.map((link) => (
            <Field key={link.kind} name={linkField(link.kind)} label={link.label} errors={state.fieldErrors?.[linkField(link.kind)]}>
              {(props) => <input {...props} type="url" inputMode="url" placeholder={link.placeholder} defaultValue={values[linkField(link.kind)] ?? ""} className="input" />}
            </Field>
          ))}
        </div>
      </fieldset>
      <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
    </form>
  );
}

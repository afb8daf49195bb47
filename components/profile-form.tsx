"use client";
import { updateProfileAction } from "@/lib/actions/profile";
import { useActionForm } from "@/components/forms/use-action-form";
import { BIO_MAX } from "@/lib/validation/profile";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";

export function ProfileForm({ initial }: { initial: { name: string; bio: string } }) {
  const { state, formAction, formKey, formRef } = useActionForm(updateProfileAction);
  const values = { ...initial, ...state.values };
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-5" noValidate>
      <FormMessage message={state.message} />
      {state.ok ? <FormMessage tone="success" message="Profile saved." /> : null}
      <Field name="name" label="Name" errors={state.fieldErrors?.name}>
        {(props) => <input {...props} type="text" required maxLength={80} defaultValue={values.name} className="input" />}
      </Field>
      <Field name="bio" label="Bio" errors={state.fieldErrors?.bio} hint={`Shown in the About the Creator box on your stories. Up to ${BIO_MAX} characters.`}>
        {(props) => <textarea {...props} rows={5} maxLength={BIO_MAX} defaultValue={values.bio} className="input" />}
      </Field>
      <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
    </form>
  );
}

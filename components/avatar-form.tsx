"use client";
import { removeAvatarAction, uploadAvatarAction } from "@/lib/actions/profile";
import { useActionForm } from "@/components/forms/use-action-form";
import { Avatar } from "@/components/avatar";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";

/** Upload or remove the viewer's avatar; the page re-renders with the new image after each. */
export function AvatarForm({ name, avatarUrl }: { name: string; avatarUrl: string | null }) {
  const upload = useActionForm(uploadAvatarAction);
  const remove = useActionForm(removeAvatarAction);
  return (
    <div className="flex flex-col gap-5 sm:flex-row sm:items-start">
      <Avatar name={name} src={avatarUrl} size={96} />
      <div className="min-w-0 flex-1 space-y-3">
        <form key={upload.formKey} ref={upload.formRef} action={upload.formAction} className="space-y-3" noValidate>
          {upload.state.ok ? <FormMessage tone="success" message="Avatar updated." /> : null}
          <FormMessage message={upload.state.message} />
          <Field name="avatar" label="Avatar" errors={upload.state.fieldErrors?.avatar} hint="A JPEG, PNG, WebP or GIF image up to 10 MB; a square one looks best.">
            {(props) => <input {...props} type="file" accept="image/jpeg,image/png,image/webp,image/gif" className="block w-full max-w-full text-sm file:mr-3 file:rounded-full file:border-0 file:bg-stone-200 file:px-4 file:py-2 file:font-semibold hover:file:bg-stone-300" />}
          </Field>
          <SubmitButton pendingLabel="Uploading…" variant="secondary">
            Upload avatar
          </SubmitButton>
        </form>
        {avatarUrl ? (
          <form action={remove.formAction}>
            <FormMessage message={remove.state.message} />
            <button type="submit" className="text-sm font-medium text-stone-600 underline hover:text-ink">
              Remove avatar
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
}

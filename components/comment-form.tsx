"use client";
import { postCommentAction } from "@/lib/actions/comments";
import { useActionForm } from "@/components/forms/use-action-form";
import { COMMENT_MAX } from "@/lib/validation/comment";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";

export function CommentForm({ storyId }: { storyId: string }) {
  const { state, formAction, formKey, formRef } = useActionForm(postCommentAction.bind(null, storyId));
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-3" noValidate>
      <FormMessage message={state.message} />
      <Field name="body" label="Add a comment" errors={state.fieldErrors?.body} hint="Links, *emphasis* and **bold** work.">
        {(props) => (
          <textarea {...props} rows={4} maxLength={COMMENT_MAX} required defaultValue={state.values?.body} className="input" placeholder="Share your thoughts…" />
        )}
      </Field>
      <SubmitButton pendingLabel="Posting…">Post comment</SubmitButton>
    </form>
  );
}

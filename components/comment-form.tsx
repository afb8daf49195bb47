"use client";
import { useEffect } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { COMMENT_MAX } from "@/lib/validation/limits";
import type { FormState } from "@/lib/validation/form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { closeOnEscape } from "@/components/forms/close-on-escape";

type CommentFormProps = {
  /** Unique on the page: several comment forms can be open at once. */
  id: string;
  action: (state: FormState, form: FormData) => Promise<FormState>;
  label: string;
  submitLabel: string;
  pendingLabel: string;
  initialBody?: string;
  parentId?: string;
  /** Inline forms (reply, edit) open with focus in the text and close on Cancel or Escape. */
  onClose?: () => void;
};

/** The one comment form: a new comment, a reply, or an edit, depending on the action it is given. */
export function CommentForm({ id, action, label, submitLabel, pendingLabel, initialBody = "", parentId, onClose }: CommentFormProps) {
  const { state, formAction, formKey, formRef } = useActionForm(action);
  useEffect(() => {
    if (state.ok) onClose?.();
  }, [state, onClose]);
  return (
    <form key={formKey} ref={formRef} action={formAction} onKeyDown={closeOnEscape(onClose)} className="space-y-3" noValidate>
      <FormMessage message={state.message} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <Field id={`${id}-body`} name="body" label={label} errors={state.fieldErrors?.body} hint="Links, *emphasis* and **bold** work.">
        {(props) => (
          <textarea
            {...props}
            rows={onClose ? 3 : 4}
            maxLength={COMMENT_MAX}
            required
            autoFocus={Boolean(onClose)}
            defaultValue={state.values?.body ?? initialBody}
            className="input"
            placeholder="Share your thoughts…"
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel={pendingLabel}>{submitLabel}</SubmitButton>
        {onClose ? (
          <button type="button" onClick={onClose} className="btn-secondary">
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

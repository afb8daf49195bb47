"use client";
import { useState } from "react";
import { addCommunityModeratorAction, removeCommunityModeratorAction } from "@/lib/actions/communities";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/validation/form";

/** Adds a community moderator: the member's handle and why (for the audit log). What was typed survives a failure. */
export function AddCommunityModeratorForm({ communityId }: { communityId: string }) {
  const { state, formAction, formKey, formRef } = useActionForm(addCommunityModeratorAction.bind(null, communityId) as (s: FormState, f: FormData) => Promise<FormState>);
  const errors = state.fieldErrors ?? {};
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-3" noValidate aria-label="Add a community moderator">
      <FormMessage message={state.message} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="handle" id="moderator-handle" label="Member's handle" hint="As in their profile address, e.g. @jane-doe" errors={errors.handle}>
          {(props) => <input {...props} required maxLength={61} autoComplete="off" spellCheck={false} defaultValue={state.values?.handle ?? ""} className="input" />}
        </Field>
        <Field name="reason" id="moderator-add-reason" label="Why" errors={errors.reason}>
          {(props) => <input {...props} required maxLength={500} defaultValue={state.values?.reason ?? ""} className="input" />}
        </Field>
      </div>
      <SubmitButton pendingLabel="Adding…">Add moderator</SubmitButton>
    </form>
  );
}

/** One moderator's Remove: opens a reason field first (every staff decision has a reason). */
export function RemoveCommunityModeratorForm({ communityId, userId, handle }: { communityId: string; userId: string; handle: string }) {
  const [open, setOpen] = useState(false);
  const { state, formAction, formKey, formRef } = useActionForm(removeCommunityModeratorAction.bind(null, communityId, userId) as (s: FormState, f: FormData) => Promise<FormState>);
  if (!open && !state.message && !state.fieldErrors) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="btn-secondary text-sm" aria-label={`Remove @${handle}`}>
        Remove
      </button>
    );
  }
  return (
    <form key={formKey} ref={formRef} action={formAction} className="mt-2 flex w-full flex-wrap items-end gap-2" noValidate aria-label={`Remove @${handle} as a moderator`}>
      <FormMessage message={state.message} />
      <Field name="reason" id={`remove-reason-${userId}`} label={`Why remove @${handle}`} errors={state.fieldErrors?.reason}>
        {(props) => <input {...props} required maxLength={500} autoFocus defaultValue={state.values?.reason ?? ""} className="input" />}
      </Field>
      <SubmitButton variant="secondary" pendingLabel="Removing…">
        Remove moderator
      </SubmitButton>
      <button type="button" onClick={() => setOpen(false)} className="py-2 text-sm font-semibold text-stone-600 hover:text-ink">
        Cancel
      </button>
    </form>
  );
}

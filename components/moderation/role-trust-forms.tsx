"use client";
import { useState } from "react";
import { roleManagesRoles } from "@/lib/auth/permissions";
import { setRoleAction, setTrustAction } from "@/lib/actions/accounts";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";

/**
 * Admins: the user's role. The last admin can't be demoted (the server says so). Making someone
 * an admin is confirmed with a box first (the server refuses it without).
 */
export function RoleForm({ userId, role, name }: { userId: string; role: string; name?: string }) {
  const { state, formAction, formKey, formRef } = useActionForm(setRoleAction.bind(null, userId));
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-3" noValidate>
      {state.ok ? <FormMessage tone="success" message={state.message} /> : <FormMessage message={state.message} />}
      <RoleChoice current={role} initial={state.values?.role ?? role} name={name} errors={state.fieldErrors} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save role
      </SubmitButton>
    </form>
  );
}

/** The role select, and the confirmation box while it says Admin for someone who isn't one. */
function RoleChoice({ current, initial, name, errors }: { current: string; initial: string; name?: string; errors?: Record<string, string[] | undefined> }) {
  const [chosen, setChosen] = useState(initial);
  const confirmErrors = errors?.confirmAdmin;
  return (
    <>
      <Field name="role" id="user-role" label="Role" errors={errors?.role}>
        {(props) => (
          <select {...props} defaultValue={initial} onChange={(e) => setChosen(e.currentTarget.value)} className="input">
            <option value="READER">Reader</option>
            <option value="MODERATOR">Moderator</option>
            <option value="ADMIN">Admin</option>
          </select>
        )}
      </Field>
      {roleManagesRoles(chosen) && !roleManagesRoles(current) ? (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <label className="flex items-start gap-3">
            <input
              type="checkbox"
              name="confirmAdmin"
              value="yes"
              aria-invalid={confirmErrors?.length ? true : undefined}
              aria-describedby={confirmErrors?.length ? "confirm-admin-error" : undefined}
              className="mt-0.5 size-4 accent-stone-800"
            />
            <span>
              <span className="font-semibold">Yes, make {name ?? "this person"} an admin.</span>
              <span className="block">Admins can change every account (other admins&apos; roles too), every community and the site&apos;s settings.</span>
            </span>
          </label>
          {confirmErrors?.length ? (
            <p id="confirm-admin-error" className="mt-2 font-medium text-red-700">
              {confirmErrors.join(" ")}
            </p>
          ) : null}
        </div>
      ) : roleManagesRoles(current) ? (
        // Already an admin: keeping the role hands over nothing new, so there is nothing to confirm.
        <input type="hidden" name="confirmAdmin" value="yes" />
      ) : null}
    </>
  );
}

/** Admins: whether the creator publishes without review (automatic, or overridden). */
export function TrustForm({ userId, trust }: { userId: string; trust: "auto" | "trusted" | "untrusted" }) {
  const { state, formAction, formKey, formRef } = useActionForm(setTrustAction.bind(null, userId));
  const value = state.values?.trust ?? trust;
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-3" noValidate>
      {state.ok ? <FormMessage tone="success" message={state.message} /> : <FormMessage message={state.message} />}
      <Field name="trust" id="user-trust" label="Trust" errors={state.fieldErrors?.trust}>
        {(props) => (
          <select {...props} defaultValue={value} className="input">
            <option value="auto">Automatic (from their record)</option>
            <option value="trusted">Trusted: publishes without review</option>
            <option value="untrusted">Untrusted: every story is reviewed</option>
          </select>
        )}
      </Field>
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save trust
      </SubmitButton>
    </form>
  );
}

"use client";
import { setRoleAction, setTrustAction } from "@/lib/actions/accounts";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";

/** Admins: the user's role. The last admin can't be demoted (the server says so). */
export function RoleForm({ userId, role }: { userId: string; role: string }) {
  const { state, formAction, formKey, formRef } = useActionForm(setRoleAction.bind(null, userId));
  const value = state.values?.role ?? role;
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-3" noValidate>
      {state.ok ? <FormMessage tone="success" message={state.message} /> : <FormMessage message={state.message} />}
      <Field name="role" id="user-role" label="Role" errors={state.fieldErrors?.role}>
        {(props) => (
          <select {...props} defaultValue={value} className="input">
            <option value="READER">Reader</option>
            <option value="MODERATOR">Moderator</option>
            <option value="ADMIN">Admin</option>
          </select>
        )}
      </Field>
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save role
      </SubmitButton>
    </form>
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

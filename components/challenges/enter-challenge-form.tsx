"use client";
import { IntentLink } from "@/components/intent-link";
import { enterChallengeAction, withdrawEntryAction } from "@/lib/actions/challenges";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";

export type ChallengeChoice = { id: string; title: string; closesAt: string; communityName: string; wordRange: string | null };

/** The problems a refused entry came back with, in the words publishing uses, listed under the choice. */
const problemFields = ["title", "community", "body", "subtitle", "heroImage", "heroImageAlt", "aiAssisted", "challenge"] as const;

/** "Enter this story in…": pick an open challenge; the rules are checked on the server, as at publishing. */
export function EnterChallengeForm({ storyId, choices }: { storyId: string; choices: ChallengeChoice[] }) {
  const { state, formAction, formKey, formRef } = useActionForm(enterChallengeAction.bind(null, storyId));
  const errors = state.fieldErrors ?? {};
  const problems = problemFields.flatMap((field) => errors[field] ?? []);
  // After the last open challenge is entered, the choice goes but the confirmation stays.
  if (choices.length === 0) {
    return state.ok ? <FormMessage message={state.message} tone="success" /> : <p className="text-sm text-stone-600">No other challenge is open for entries right now.</p>;
  }
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-3" noValidate>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      {problems.length ? (
        <ul id="entry-problems" className="list-disc space-y-1 pl-5 text-sm font-medium text-red-700">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <Field name="challengeId" id="enter-challenge" label="Enter this story in…" errors={errors.challengeId} hint="The saved version of your story is checked against the challenge's rules and its community's.">
        {(props) => (
          <select {...props} defaultValue={state.ok ? "" : (state.values?.challengeId ?? "")} className="input max-w-md">
            <option value="">Choose a challenge</option>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title} ({c.communityName}
                {c.wordRange ? `, ${c.wordRange}` : ""})
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton pendingLabel="Entering…">Enter story</SubmitButton>
    </form>
  );
}

/** Withdraw an entry while the challenge is open. */
export function WithdrawEntryForm({ entryId, title }: { entryId: string; title: string }) {
  const { state, formAction, formKey, formRef } = useActionForm(withdrawEntryAction.bind(null, entryId));
  return (
    <form key={formKey} ref={formRef} action={formAction} className="inline">
      <SubmitButton variant="secondary" pendingLabel="Withdrawing…">
        Withdraw<span className="sr-only"> from {title}</span>
      </SubmitButton>
      {state.message && !state.ok ? (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

export function ChallengeLink({ slug, title }: { slug: string; title: string }) {
  return (
    <IntentLink href={`/challenges/${slug}`} className="font-semibold hover:underline">
      {title}
    </IntentLink>
  );
}

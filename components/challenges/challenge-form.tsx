"use client";
import { useEffect, useState } from "react";
import { createChallengeAction, updateChallengeAction } from "@/lib/actions/challenges";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";

type Community = { slug: string; name: string };

/** An ISO time as a datetime-local value in this browser's time zone ("" if unreadable). */
function isoToLocal(iso: string): string {
  const at = new Date(iso);
  if (!iso || Number.isNaN(at.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/**
 * A time picked in the admin's own time zone, sent as an ISO instant (hidden field `name`), so the
 * server never guesses a zone. The picker fills in after mounting: the zone is the browser's.
 */
function InstantField({ name, label, iso, errors, hint }: { name: string; label: string; iso: string; errors?: string[]; hint?: string }) {
  const [value, setValue] = useState(iso);
  const [local, setLocal] = useState("");
  useEffect(() => setLocal(isoToLocal(iso)), [iso]);
  return (
    <Field name={`${name}Local`} label={label} errors={errors} hint={hint}>
      {(props) => (
        <>
          <input
            {...props}
            type="datetime-local"
            required
            value={local}
            onChange={(e) => {
              setLocal(e.currentTarget.value);
              const at = new Date(e.currentTarget.value);
              setValue(Number.isNaN(at.getTime()) ? "" : at.toISOString());
            }}
            className="input max-w-64"
          />
          <input type="hidden" name={name} value={value} />
        </>
      )}
    </Field>
  );
}

const blank = { title: "", slug: "", prompt: "", community: "", minWords: "0", maxWords: "0", entriesPerCreator: "1", opensAt: "", closesAt: "", criteria: "Originality\nCraft\nFit to the prompt", prizes: "", judges: "" };

/** Create (no `challengeId`) or edit a challenge: prompt, rules, times, judging, prizes, judges, and why (for the audit log). */
export function ChallengeForm({ challengeId, initial = blank, communities }: { challengeId?: string; initial?: Record<string, string>; communities: Community[] }) {
  const action = challengeId ? updateChallengeAction.bind(null, challengeId) : createChallengeAction;
  const { state, formAction, formKey, formRef } = useActionForm(action);
  // After a failed save, what was typed (state.values) wins over what was stored.
  const text = (key: keyof typeof blank) => state.values?.[key] ?? initial[key] ?? blank[key];
  const errors = state.fieldErrors ?? {};
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-8" noValidate>
      <FormMessage message={state.message} />
      <fieldset className="space-y-4">
        <legend className="font-serif text-xl font-bold">The challenge</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="title" label="Title" errors={errors.title}>
            {(props) => <input {...props} required maxLength={100} defaultValue={text("title")} className="input" />}
          </Field>
          <Field name="slug" label="Address" errors={errors.slug} hint="Its page will be at /challenges/address.">
            {(props) => <input {...props} required maxLength={60} defaultValue={text("slug")} className="input font-mono" />}
          </Field>
        </div>
        <Field name="prompt" label="Prompt" errors={errors.prompt} hint="Markdown: **bold**, _italic_, lists, links, ## headings.">
          {(props) => <textarea {...props} required rows={8} maxLength={20000} defaultValue={text("prompt")} className="input font-mono text-sm" />}
        </Field>
        <Field name="community" label="Community" errors={errors.community} hint="Entries are stories published in this community, so its rules apply too.">
          {(props) => (
            <select {...props} required defaultValue={text("community")} className="input max-w-sm">
              <option value="">Choose a community</option>
              {communities.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="font-serif text-xl font-bold">Rules and times</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field name="minWords" label="Fewest words" errors={errors.minWords} hint="0: no minimum">
            {(props) => <input {...props} type="number" min={0} max={50000} defaultValue={text("minWords")} className="input" />}
          </Field>
          <Field name="maxWords" label="Most words" errors={errors.maxWords} hint="0: no maximum">
            {(props) => <input {...props} type="number" min={0} max={50000} defaultValue={text("maxWords")} className="input" />}
          </Field>
          <Field name="entriesPerCreator" label="Entries per creator" errors={errors.entriesPerCreator}>
            {(props) => <input {...props} type="number" min={1} max={10} defaultValue={text("entriesPerCreator")} className="input" />}
          </Field>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <InstantField name="opensAt" label="Entries open" iso={text("opensAt")} errors={errors.opensAt} hint="In your time zone." />
          <InstantField name="closesAt" label="Deadline" iso={text("closesAt")} errors={errors.closesAt} hint="Entries lock at this time." />
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="font-serif text-xl font-bold">Judging and prizes</legend>
        <Field name="criteria" label="Judging criteria" errors={errors.criteria} hint="One per line; judges score each from 1 to 10.">
          {(props) => <textarea {...props} rows={4} defaultValue={text("criteria")} className="input" />}
        </Field>
        <Field name="prizes" label="Prizes" errors={errors.prizes} hint="One per line, like “Winner: $500”. For display only.">
          {(props) => <textarea {...props} rows={3} defaultValue={text("prizes")} className="input" />}
        </Field>
        <Field name="judges" label="Judges" errors={errors.judges} hint="Handles, separated by commas: staff or invited members. Admins can always judge.">
          {(props) => <input {...props} defaultValue={text("judges")} placeholder="@ada, @grace" className="input" />}
        </Field>
      </fieldset>
      <Field name="reason" label="Why (for the audit log)" errors={errors.reason}>
        {(props) => <input {...props} required maxLength={500} defaultValue={state.values?.reason ?? ""} className="input" />}
      </Field>
      <SubmitButton pendingLabel={challengeId ? "Saving…" : "Creating…"}>{challengeId ? "Save challenge" : "Create challenge"}</SubmitButton>
    </form>
  );
}

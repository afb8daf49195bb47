"use client";
import { IntentLink } from "@/components/intent-link";
import { useCallback, useState, type ReactNode } from "react";
import type { ReportGroup, ReportedContent } from "@/lib/data/reports";
import type { FormState } from "@/lib/validation/form";
import type { ReportResolution } from "@/lib/validation/report";
import { REPORT_REASONS, MODERATION_REASON_MAX } from "@/lib/validation/limits";
import { resolveReportsAction } from "@/lib/actions/reports";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ReasonForm } from "@/components/moderation/reason-form";
import { formatDateTime, pluralize } from "@/components/format";

const reasonLabel = Object.fromEntries(REPORT_REASONS.map((r) => [r.value, r.label])) as Record<string, string>;
const kindLabel = { COMMENT: "Comment", STORY: "Story", USER: "Account" } as const;
const BULK_FORM = "bulk-resolve";

/**
 * The reports queue: one card per target with its own actions, plus bulk actions on the checked
 * cards. A successful action redirects back to the queue's first page, saying what was done.
 */
export function ReportQueue({ groups, empty, mayRestrict = true }: { groups: ReportGroup[]; empty: ReactNode; /** False for community moderators: restricting accounts is staff's. */ mayRestrict?: boolean }) {
  return (
    <div className="space-y-6">
      {groups.length ? (
        <>
          <BulkForm />
          <ul className="space-y-4" aria-label="Reported content">
            {groups.map((group) => (
              <li key={group.key}>
                <ReportCard group={group} mayRestrict={mayRestrict} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        empty
      )}
    </div>
  );
}

function BulkForm() {
  const { state, formAction, formKey, formRef } = useActionForm(resolveReportsAction);
  return (
    <form key={formKey} ref={formRef} id={BULK_FORM} action={formAction} className="rounded-xl border border-stone-200 bg-stone-50 p-4" aria-label="Bulk actions" noValidate>
      <p className="mb-3 text-sm font-semibold text-stone-800">Selected reports</p>
      <FormMessage message={state.ok ? undefined : state.message} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <Field id="bulk-reason" name="reason" label="Reason for the selected" errors={state.fieldErrors?.reason} hint="Recorded in the log; a hidden comment's author sees it.">
            {(props) => <input {...props} maxLength={MODERATION_REASON_MAX} defaultValue={state.values?.reason ?? ""} className="input text-sm" />}
          </Field>
        </div>
        <div className="flex flex-wrap gap-2 sm:pb-7">
          <SubmitButton name="resolution" value="DISMISS" variant="secondary" pendingLabel="Dismissing…">
            Dismiss selected
          </SubmitButton>
          <SubmitButton name="resolution" value="HIDE_COMMENT" pendingLabel="Hiding…">
            Hide selected comments
          </SubmitButton>
        </div>
      </div>
    </form>
  );
}

function ReportCard({ group, mayRestrict }: { group: ReportGroup; mayRestrict: boolean }) {
  const [mode, setMode] = useState<ReportResolution | null>(null);
  const close = useCallback(() => setMode(null), []);
  const checkboxId = `select-${group.key}`;
  const headingId = `report-${group.key}`;
  const action = useCallback(
    (state: FormState, form: FormData) => {
      form.set("resolution", mode ?? "DISMISS");
      form.set("target", group.key);
      return resolveReportsAction(state, form);
    },
    [mode, group.key],
  );
  const author = authorOf(group.content);
  const prompts: Record<ReportResolution, { prompt: string; submit: string; pending: string }> = {
    DISMISS: { prompt: `Dismiss ${pluralize(group.count, "report")}? The content stays as it is.`, submit: "Dismiss reports", pending: "Dismissing…" },
    HIDE_COMMENT: { prompt: "Hide this comment? Its author sees the reason and may appeal.", submit: "Hide comment", pending: "Hiding…" },
    UNPUBLISH_STORY: { prompt: "Unpublish this story? It leaves the site at once; its creator sees the reason and may appeal.", submit: "Unpublish story", pending: "Unpublishing…" },
  };
  return (
    <article aria-labelledby={headingId} className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5">
      <div className="flex items-start gap-3">
        <input id={checkboxId} type="checkbox" name="target" value={group.key} form={BULK_FORM} className="mt-1 size-4 shrink-0 accent-ink" aria-label={`Select reports on this ${kindLabel[group.targetType].toLowerCase()}`} />
        <div className="min-w-0 flex-1">
          <p id={headingId} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
            <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-stone-700">{kindLabel[group.targetType]}</span>
            <span className="font-semibold text-red-800">{pluralize(group.count, "report")}</span>
            <span className="text-stone-500">first {formatDateTime(new Date(group.firstReportedAt))}</span>
          </p>
          <div className="mt-3">
            <ContentPreview content={group.content} />
          </div>
          <ol className="mt-4 space-y-2 border-t border-stone-100 pt-3" aria-label="Reports, oldest first">
            {group.reports.map((report) => (
              <li key={report.id} className="text-sm">
                <p className="flex flex-wrap gap-x-2">
                  <span className="font-semibold">{reasonLabel[report.reason] ?? report.reason}</span>
                  <span className="text-stone-500">
                    by{" "}
                    <IntentLink href={`/authors/${report.reporter.handle}`} className="link">
                      {report.reporter.name}
                    </IntentLink>{" "}
                    · {formatDateTime(new Date(report.createdAt))}
                  </span>
                </p>
                {report.details ? <p className="mt-0.5 whitespace-pre-line break-words text-stone-700">“{report.details}”</p> : null}
              </li>
            ))}
          </ol>
          <div className="mt-4 flex flex-wrap items-center gap-2">
            <button type="button" className="btn-secondary py-1.5" aria-expanded={mode === "DISMISS"} onClick={() => setMode(mode === "DISMISS" ? null : "DISMISS")}>
              Dismiss
            </button>
            {group.content.kind === "COMMENT" && group.content.status === "VISIBLE" ? (
              <button type="button" className="btn-primary py-1.5" aria-expanded={mode === "HIDE_COMMENT"} onClick={() => setMode(mode === "HIDE_COMMENT" ? null : "HIDE_COMMENT")}>
                Hide comment
              </button>
            ) : null}
            {group.content.kind === "STORY" && group.content.status === "PUBLISHED" ? (
              <button type="button" className="btn-primary py-1.5" aria-expanded={mode === "UNPUBLISH_STORY"} onClick={() => setMode(mode === "UNPUBLISH_STORY" ? null : "UNPUBLISH_STORY")}>
                Unpublish story
              </button>
            ) : null}
            {author && mayRestrict ? (
              <IntentLink href={`/admin/users/${author.id}`} className="btn-secondary py-1.5">
                Restrict {group.content.kind === "USER" ? "user" : "author"} →
              </IntentLink>
            ) : null}
          </div>
          {mode ? (
            <ReasonForm
              key={mode}
              id={`${mode}-${group.key}`}
              action={action}
              prompt={prompts[mode].prompt}
              hint={mode === "DISMISS" ? "Recorded in the moderation log." : "The person affected sees this reason."}
              submitLabel={prompts[mode].submit}
              pendingLabel={prompts[mode].pending}
              onClose={close}
            />
          ) : null}
        </div>
      </div>
    </article>
  );
}

function authorOf(content: ReportedContent) {
  if (content.kind === "USER") return content.user;
  if (content.kind === "GONE") return null;
  return content.author;
}

const statusNote: Record<string, string> = { HIDDEN: "Already hidden", DELETED: "Deleted", UNPUBLISHED: "Unpublished", REMOVED: "Removed", SUSPENDED: "Suspended" };

function StatusNote({ status }: { status: string }) {
  return statusNote[status] ? <span className="ml-2 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-200">{statusNote[status]}</span> : null;
}

function ContentPreview({ content }: { content: ReportedContent }) {
  if (content.kind === "GONE") return <p className="text-sm italic text-stone-500">This was deleted after it was reported.</p>;
  if (content.kind === "USER") {
    return (
      <p>
        <IntentLink href={`/authors/${content.user.handle}`} className="font-semibold hover:underline">
          {content.user.name}
        </IntentLink>{" "}
        <span className="text-stone-500">@{content.user.handle}</span>
        <StatusNote status={content.user.status} />
      </p>
    );
  }
  if (content.kind === "STORY") {
    return (
      <div>
        <p className="break-words font-serif text-lg font-bold">
          {content.href ? (
            <IntentLink href={content.href} className="hover:underline">
              {content.title}
            </IntentLink>
          ) : (
            content.title
          )}
          <StatusNote status={content.status} />
        </p>
        {content.subtitle ? <p className="break-words text-stone-600">{content.subtitle}</p> : null}
        <p className="mt-1 text-sm text-stone-500">
          by{" "}
          <IntentLink href={`/authors/${content.author.handle}`} className="link">
            {content.author.name}
          </IntentLink>
        </p>
      </div>
    );
  }
  return (
    <div>
      <p className="text-sm text-stone-500">
        <IntentLink href={`/authors/${content.author.handle}`} className="link font-semibold text-ink">
          {content.author.name}
        </IntentLink>{" "}
        on{" "}
        {content.story.href ? (
          <IntentLink href={content.story.href} className="link">
            {content.story.title}
          </IntentLink>
        ) : (
          content.story.title
        )}
        <StatusNote status={content.status} />
      </p>
      <blockquote className="prose prose-stone dark:prose-invert prose-sm mt-2 max-w-none break-words border-l-4 border-stone-200 pl-3" dangerouslySetInnerHTML={{ __html: content.bodyHtml }} />
    </div>
  );
}

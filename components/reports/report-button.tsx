"use client";
import { IntentLink } from "@/components/intent-link";
import { useEffect, useRef, useState } from "react";
import { createReportAction } from "@/lib/actions/reports";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useViewer } from "@/components/viewer/viewer-provider";
import { REPORT_DETAILS_MAX, REPORT_REASONS, type ReportTargetTypeValue } from "@/lib/validation/limits";

type ReportButtonProps = {
  targetType: ReportTargetTypeValue;
  targetId: string;
  /** Whose it is: nobody reports their own content (the server checks again). */
  ownerId: string;
  /** What the dialog calls it: "story", "comment", "Ana's profile". */
  what: string;
  returnTo: string;
  className?: string;
};

const nouns: Record<ReportTargetTypeValue, string> = { STORY: "story", COMMENT: "comment", USER: "account" };

function FlagIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M5 21V4m0 0h11l-2 4 2 4H5" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * "Report": opens a modal dialog (focus stays inside, Escape closes, focus returns to the button)
 * with the reasons as radio buttons, optional details, a pending state and a thank-you. Signed-out
 * readers get a link to sign in instead; nothing shows on the viewer's own content.
 */
export function ReportButton({ targetType, targetId, ownerId, what, returnTo, className = "" }: ReportButtonProps) {
  const { loading, viewer } = useViewer();
  const [open, setOpen] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  if (loading || viewer?.id === ownerId) return null;
  const label = `Report this ${nouns[targetType]}`;
  if (!viewer) {
    return (
      <IntentLink href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`} className={className} title={`Sign in to report this ${nouns[targetType]}`}>
        <FlagIcon />
        <span>Report</span>
      </IntentLink>
    );
  }
  return (
    <>
      <button ref={button} type="button" className={className} aria-haspopup="dialog" aria-label={label} onClick={() => setOpen((n) => n + 1)}>
        <FlagIcon />
        <span>Report</span>
      </button>
      {open ? (
        <ReportDialog
          key={open}
          targetType={targetType}
          targetId={targetId}
          what={what}
          onClose={() => {
            setOpen(0);
            button.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}

function ReportDialog({ targetType, targetId, what, onClose: leave }: { targetType: ReportTargetTypeValue; targetId: string; what: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Close the modal first: while it is open the page behind is inert and cannot take focus back.
  const onClose = () => {
    dialog.current?.close();
    leave();
  };
  const { state, formAction, formRef, formKey } = useActionForm(createReportAction);
  const [details, setDetails] = useState("");
  const titleId = `report-title-${targetId}`;

  // A modal <dialog> keeps focus inside it and makes the page behind inert.
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  useEffect(() => {
    if (state.ok) dialog.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, [state.ok]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      // Escape: the browser's cancel event; closing goes through React so focus returns to the button.
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === dialog.current) onClose();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl bg-white p-0 text-ink shadow-xl backdrop:bg-stone-900/50"
    >
      {state.ok ? (
        <div className="space-y-3 p-6" role="status">
          <h2 id={titleId} className="font-serif text-xl font-bold">
            Thanks for letting us know
          </h2>
          <p className="text-sm text-stone-700">A moderator will review this {what}. We won&apos;t tell anyone you reported it.</p>
          <div className="flex justify-end">
            <button type="button" className="btn-primary" onClick={onClose} data-autofocus>
              Close
            </button>
          </div>
        </div>
      ) : (
        <form key={formKey} ref={formRef} action={formAction} className="space-y-4 p-6">
          <h2 id={titleId} className="font-serif text-xl font-bold">
            Report this {what}
          </h2>
          <input type="hidden" name="targetType" value={targetType} />
          <input type="hidden" name="targetId" value={targetId} />
          <FormMessage message={state.message} />
          <fieldset aria-describedby={state.fieldErrors?.reason ? `${titleId}-reason-error` : undefined}>
            <legend className="mb-2 text-sm font-semibold text-stone-800">What&apos;s wrong with it?</legend>
            <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
              {REPORT_REASONS.map((reason, i) => (
                <label key={reason.value} className="flex cursor-pointer items-center gap-2 rounded-lg px-2 py-1.5 text-sm hover:bg-stone-50 has-[:checked]:bg-stone-100">
                  <input
                    type="radio"
                    name="reason"
                    value={reason.value}
                    defaultChecked={state.values?.reason === reason.value}
                    required
                    aria-invalid={i === 0 && state.fieldErrors?.reason ? true : undefined}
                    autoFocus={i === 0}
                    className="size-4 accent-ink"
                  />
                  {reason.label}
                </label>
              ))}
            </div>
            {state.fieldErrors?.reason ? (
              <p id={`${titleId}-reason-error`} className="mt-1 text-sm font-medium text-red-700">
                {state.fieldErrors.reason.join(" ")}
              </p>
            ) : null}
          </fieldset>
          <div className="space-y-1.5">
            <label htmlFor={`${titleId}-details`} className="block text-sm font-semibold text-stone-800">
              Anything else a moderator should know? <span className="font-normal text-stone-500">(optional)</span>
            </label>
            <textarea
              id={`${titleId}-details`}
              name="details"
              rows={3}
              maxLength={REPORT_DETAILS_MAX}
              defaultValue={state.values?.details ?? ""}
              onChange={(event) => setDetails(event.target.value)}
              aria-invalid={state.fieldErrors?.details ? true : undefined}
              aria-describedby={`${titleId}-details-hint`}
              className="input text-sm"
            />
            <p id={`${titleId}-details-hint`} className="text-xs text-stone-500">
              {state.fieldErrors?.details ? <span className="font-medium text-red-700">{state.fieldErrors.details.join(" ")} </span> : null}
              {(details || state.values?.details || "").length}/{REPORT_DETAILS_MAX.toLocaleString("en")} characters
            </p>
          </div>
          <div className="flex flex-wrap justify-end gap-3">
            <button type="button" className="btn-secondary" onClick={onClose}>
              Cancel
            </button>
            <SubmitButton pendingLabel="Sending…">Send report</SubmitButton>
          </div>
        </form>
      )}
    </dialog>
  );
}

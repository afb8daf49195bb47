"use client";
import { clearEmailStopAction } from "@/lib/actions/accounts";
import { InlineReasonForm } from "@/components/moderation/inline-reason-form";

/** Admins: mail goes to this member's address again (a bounce or complaint stopped it), with a reason for the log. */
export function ClearEmailStopForm({ userId }: { userId: string }) {
  return <InlineReasonForm id={`clear-email-stop-${userId}`} action={clearEmailStopAction.bind(null, userId)} label="Why email can go to this address again" button="Send email again" pendingLabel="Clearing…" />;
}

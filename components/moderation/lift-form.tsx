"use client";
import { liftRestrictionAction } from "@/lib/actions/accounts";
import { InlineReasonForm } from "@/components/moderation/inline-reason-form";

/** Staff: ends one restriction early, with a reason. */
export function LiftForm({ restrictionId, userId }: { restrictionId: string; userId: string }) {
  return <InlineReasonForm id={`lift-${restrictionId}`} action={liftRestrictionAction.bind(null, restrictionId, userId)} label="Reason for lifting" button="Lift" pendingLabel="Lifting…" />;
}

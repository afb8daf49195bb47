"use client";
import { liftRestrictionAction } from "@/lib/actions/accounts";
import { ReasonForm } from "@/components/moderation/reason-form";

/** Staff: ends one restriction early, with a reason. */
export function LiftForm({ restrictionId, userId }: { restrictionId: string; userId: string }) {
  return <ReasonForm id={`lift-${restrictionId}`} action={liftRestrictionAction.bind(null, restrictionId, userId)} label="Reason for lifting" button="Lift" pendingLabel="Lifting…" />;
}

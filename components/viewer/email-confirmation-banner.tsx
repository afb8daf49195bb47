"use client";
import { useViewer } from "@/components/viewer/viewer-provider";
import { ResendConfirmationForm } from "@/components/account-email-forms";

/** Site-wide, for a member whose address is not confirmed yet: what waits for it, and a new link. */
export function EmailConfirmationBanner() {
  const { viewer } = useViewer();
  if (!viewer || viewer.emailVerified !== false) return null;
  return (
    <div role="region" aria-label="Confirm your email address" className="border-b border-sky-200 bg-sky-50 text-sky-950">
      <p className="mx-auto max-w-5xl px-4 py-3 text-sm" data-testid="email-confirmation-banner">
        <strong className="font-semibold">Please confirm your email address.</strong> Follow the link we sent you to publish, comment and report; until then you can read, write drafts and heart stories.{" "}
        <ResendConfirmationForm />
      </p>
    </div>
  );
}

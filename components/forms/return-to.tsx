"use client";
import { IntentLink } from "@/components/intent-link";
import { useSearchParams } from "next/navigation";
import { Suspense, type ReactNode } from "react";

// The sign-in and sign-up pages are static; only these small pieces read ?callbackUrl=, so the
// form itself never re-renders (and never loses what was typed) when the query arrives.

function CallbackField() {
  const callbackUrl = useSearchParams().get("callbackUrl") ?? "";
  return <input type="hidden" name="callbackUrl" value={callbackUrl} />;
}

/** A hidden field carrying ?callbackUrl= into the form's action. */
export function ReturnToField() {
  return (
    <Suspense fallback={null}>
      <CallbackField />
    </Suspense>
  );
}

function LinkWithCallback({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  const callbackUrl = useSearchParams().get("callbackUrl");
  return (
    <IntentLink href={callbackUrl ? `${href}?callbackUrl=${encodeURIComponent(callbackUrl)}` : href} className={className}>
      {children}
    </IntentLink>
  );
}

/** A link to `href` that keeps the current ?callbackUrl=. */
export function ReturnToLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <IntentLink href={href} className={className}>
          {children}
        </IntentLink>
      }
    >
      <LinkWithCallback href={href} className={className}>
        {children}
      </LinkWithCallback>
    </Suspense>
  );
}

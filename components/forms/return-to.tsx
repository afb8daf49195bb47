"use client";
import Link from "next/link";
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
    <Link href={callbackUrl ? `${href}?callbackUrl=${encodeURIComponent(callbackUrl)}` : href} className={className}>
      {children}
    </Link>
  );
}

/** A link to `href` that keeps the current ?callbackUrl=. */
export function ReturnToLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Link href={href} className={className}>
          {children}
        </Link>
      }
    >
      <LinkWithCallback href={href} className={className}>
        {children}
      </LinkWithCallback>
    </Suspense>
  );
}

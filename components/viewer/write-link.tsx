"use client";
import { IntentLink } from "@/components/intent-link";
import { useViewer } from "@/components/viewer/viewer-provider";

/** The header's Write button, for members; on a phone it shrinks to an icon. */
export function WriteLink() {
  const { viewer } = useViewer();
  if (!viewer) return null;
  return (
    <IntentLink href="/studio/new" className="btn-primary px-2.5 sm:px-4" title="Write">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4 sm:hidden" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M12 20h9" />
        <path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z" />
      </svg>
      <span className="sr-only sm:not-sr-only">Write</span>
    </IntentLink>
  );
}

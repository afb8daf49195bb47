import type { ReactNode } from "react";

const headingClass = "text-sm font-semibold uppercase tracking-wider text-stone-500";

/** A section's small heading, ruled below; `action` (an RSS link, say) sits at its right end. */
export function SectionHeading({ id, children, action }: { id: string; children: ReactNode; action?: ReactNode }) {
  if (!action) {
    return (
      <h2 id={id} className={`border-b border-stone-200 pb-3 ${headingClass}`}>
        {children}
      </h2>
    );
  }
  return (
    <div className="flex items-baseline justify-between gap-3 border-b border-stone-200 pb-3">
      <h2 id={id} className={headingClass}>
        {children}
      </h2>
      {action}
    </div>
  );
}

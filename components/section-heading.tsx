import type { ReactNode } from "react";

export function SectionHeading({ id, children }: { id: string; children: ReactNode }) {
  return (
    <h2 id={id} className="border-b border-stone-200 pb-3 text-sm font-semibold uppercase tracking-wider text-stone-500">
      {children}
    </h2>
  );
}

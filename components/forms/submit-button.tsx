"use client";
import { useFormStatus } from "react-dom";
import type { ReactNode } from "react";

/** A submit button that shows its pending label while its form's action runs. */
export function SubmitButton({ children, pendingLabel, variant = "primary", name, value }: { children: ReactNode; pendingLabel: string; variant?: "primary" | "secondary"; name?: string; value?: string }) {
  const { pending, data } = useFormStatus();
  // With several submit buttons, only the one that was pressed says it is working.
  const isThisOne = pending && (!name || data?.get(name) === value);
  return (
    <button type="submit" name={name} value={value} disabled={pending} aria-disabled={pending} className={variant === "primary" ? "btn-primary" : "btn-secondary"}>
      {isThisOne ? pendingLabel : children}
    </button>
  );
}

import type { ReactNode } from "react";

type FieldProps = {
  name: string;
  /** Needed when a page shows several forms with the same field name. */
  id?: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
  children: (props: { id: string; name: string; "aria-invalid": boolean | undefined; "aria-describedby": string | undefined }) => ReactNode;
};

/** A labelled form control with its hint and errors tied to it for assistive tech. */
export function Field({ name, id = `field-${name}`, label, errors, hint, children }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-semibold text-stone-800">
        {label}
      </label>
      {children({ id, name, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-500">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** The form-level message: an error (role=alert) or a confirmation (role=status). */
export function FormMessage({ message, tone = "error" }: { message?: string; tone?: "error" | "success" }) {
  if (!message) return null;
  return tone === "error" ? (
    <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </p>
  ) : (
    <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
      {message}
    </p>
  );
}

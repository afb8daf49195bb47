import { z } from "zod";

/** What every form action returns: field errors, a form-level message, and what the user typed. */
export type FormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
  savedAt?: string;
};

/**
 * PostgreSQL text cannot hold U+0000 (saving it fails with a database error, a 500), and nobody
 * types it on purpose: it is dropped wherever text comes in.
 */
export function withoutNul(text: string): string {
  return text.replaceAll("\u0000", "");
}

/** FormData as plain strings (files and Next's internal `$ACTION` fields dropped; see withoutNul). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = withoutNul(value);
  }
  return values;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[] | undefined> {
  return z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
}

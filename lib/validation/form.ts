import { z } from "@/lib/zod";

/** What every form action returns: field errors, a form-level message, and what the user typed. */
export type FormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
  savedAt?: string;
};

/**
 * Text as PostgreSQL stores it, so what is saved is exactly what was checked: without U+0000
 * (text cannot hold it; saving it fails with a database error, a 500, and nobody types it on
 * purpose) and with any lone UTF-16 surrogate (not a character; UTF-8 has no encoding for it)
 * replaced by U+FFFD, as the database driver would. Applied wherever text comes in.
 */
export function storableText(text: string): string {
  return text.replaceAll("\u0000", "").toWellFormed();
}

/** FormData as plain strings (files and Next's internal `$ACTION` fields dropped; see storableText). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = storableText(value);
  }
  return values;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[] | undefined> {
  return z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
}

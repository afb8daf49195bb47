import { z } from "@/lib/zod";
import type { FieldErrors } from "@/lib/errors";

/** What every form action returns: field errors, a form-level message, and what the user typed. */
export type FormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  values?: FormValues;
  savedAt?: string;
};

/** A form's fields as typed (see formValues). */
export type FormValues = Record<string, string>;

/**
 * Control characters nobody types on purpose: C0 (U+0000–U+001F) except tab, newline and carriage
 * return, DEL, C1 (U+0080–U+009F, U+0085 "next line" among them) and the non-characters U+FFFE and
 * U+FFFF. XML 1.0 cannot hold most of them (one in a title made every feed carrying it malformed),
 * PostgreSQL's text cannot hold U+0000 (saving it failed with a 500), and the rest only disguise text.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

/**
 * Text as it may be stored, so what is saved is exactly what was checked: without control
 * characters (see above; tabs and line breaks stay) and with any lone UTF-16 surrogate (not a
 * character; UTF-8 has no encoding for it) replaced by U+FFFD, as the database driver would.
 * Applied wherever text comes in (every form field, the story editor's fields, the comment API).
 */
export function storableText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "").toWellFormed();
}

/** storableText for one-line fields (titles, subtitles, names, tags, alt text): tabs and line breaks become spaces. */
export function singleLineText(text: string): string {
  return storableText(text).replace(/[\t\n\r\u2028\u2029]+/g, " ");
}

/** FormData as plain strings (files and Next's internal `$ACTION` fields dropped; see storableText). */
export function formValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = storableText(value);
  }
  return values;
}

/** An uploaded image's URL (POST /api/uploads answers with a same-site path) or an https URL; "" for none. */
export const imageUrlSchema = (message: string) =>
  z
    .string()
    .trim()
    .max(500, message)
    .refine((url) => url === "" || url.startsWith("/") || /^https:\/\//i.test(url), message)
    .default("");

/** An image's description (alt text). */
export const imageAltSchema = z.string().overwrite(singleLineText).trim().max(300, "Keep the description under 300 characters").default("");

/** A zod error's messages by top-level field (as z.flattenError groups them; issues without a path are dropped). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.path.length === 0) continue;
    (errors[String(issue.path[0])] ??= []).push(issue.message);
  }
  return errors;
}

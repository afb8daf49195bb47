import "server-only";
import { isAppError } from "@/lib/errors";
import type { FormState } from "@/lib/validation/form";

/** Turns a thrown error into form state: an AppError's safe message, or a generic one (logged). */
export function formError(error: unknown, values?: Record<string, string>): FormState {
  if (isAppError(error)) return { message: error.message, fieldErrors: error.fieldErrors, values };
  console.error("[action] unexpected error", error);
  return { message: "Something went wrong on our side. Your changes are still here; please try again.", values };
}

/** A same-site path to go back to after signing in; anything else becomes `fallback`. */
export function safeReturnPath(value: string | undefined, fallback = "/"): string {
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : fallback;
}

import "server-only";
import { isAppError } from "@/lib/errors";
import { isDatabaseUnavailable } from "@/lib/data/prisma-errors";
import type { FormState, FormValues } from "@/lib/validation/form";

/**
 * Turns a thrown error into form state, with what the user typed: an AppError's safe message and
 * field errors; "try again" when the database is down or too slow; otherwise a generic message
 * (the error is logged).
 */
export function formError(error: unknown, values?: FormValues): FormState {
  if (isAppError(error)) return { message: error.message, fieldErrors: error.fieldErrors, values };
  if (isDatabaseUnavailable(error)) {
    console.error("[action] database unavailable:", error instanceof Error ? error.message.split("\n")[0] : error);
    return { message: "We couldn't reach our database just now. Your changes are still here; please try again in a moment.", values };
  }
  console.error("[action] unexpected error", error);
  return { message: "Something went wrong on our side. Your changes are still here; please try again.", values };
}

/** A same-site path to go back to after signing in; anything else becomes `fallback`. */
export function safeReturnPath(value: string | undefined, fallback = "/"): string {
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : fallback;
}

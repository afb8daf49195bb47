/** Messages per form field, shown beside the matching inputs: what AppError carries and FormState returns. */
export type FieldErrors = Record<string, string[] | undefined>;

/** Errors the data layer throws on purpose. `message` is safe to show to users. */
export type AppErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID" | "RATE_LIMITED";

const defaultMessages: Record<AppErrorCode, string> = {
  UNAUTHENTICATED: "Please sign in to do that.",
  FORBIDDEN: "You don't have permission to do that.",
  NOT_FOUND: "We couldn't find that.",
  CONFLICT: "That conflicts with something that already exists.",
  INVALID: "Some of the details need another look.",
  RATE_LIMITED: "You're doing that too often. Please wait a little and try again.",
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message?: string,
    /** Field-level messages, shown beside the matching inputs. */
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message ?? defaultMessages[code]);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

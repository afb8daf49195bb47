// Auth.js logs every error it meets with its stack, about a kilobyte each, and most of the ones
// /api/auth meets are a visitor's doing: a wrong password, a post without the CSRF token, an action
// or provider that doesn't exist, a hostile callback URL, a session cookie that isn't ours. Logged,
// anyone sending those could fill the server's disk (the unknown-URL attack, through the sign-in
// routes). They are answered (a refusal, a redirect, a cleared cookie) and not logged; everything
// else is the server's problem and is logged as before.

/** Auth.js error types that a request alone causes. */
const VISITOR_ERRORS = new Set(["CredentialsSignin", "MissingCSRF", "UnknownAction", "InvalidProvider", "InvalidCallbackUrl", "InvalidCheck"]);

/** A session token that doesn't decrypt or has run out (jose's errors, and Auth.js's own two). */
function isTokenProblem(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === "string" && /^ERR_J(WE|WT|WS|OSE)_/.test(code)) || error.message === "Invalid JWT" || error.message === "no matching decryption secret";
}

/** Whether an error Auth.js reports was caused by the request alone, and so is not worth a log line. */
export function isVisitorError(error: Error): boolean {
  // Auth.js's errors (AuthError) name their kind in `type`.
  const type = (error as { type?: unknown }).type;
  if (typeof type !== "string") return false;
  if (VISITOR_ERRORS.has(type)) return true;
  // A cookie that isn't a valid session is the visitor's; a valid one that couldn't be checked
  // (the database down in the jwt callback) is the server's.
  return type === "JWTSessionError" && isTokenProblem((error.cause as { err?: unknown } | undefined)?.err);
}

/** Auth.js's `logger`: its errors, less the visitors'. */
export const authLogger = {
  error(error: Error) {
    if (!isVisitorError(error)) console.error("[auth]", error);
  },
};

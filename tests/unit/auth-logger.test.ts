import { afterEach, describe, expect, it, vi } from "vitest";
import { CredentialsSignin, InvalidCallbackUrl, JWTSessionError, MissingCSRF, MissingSecret, UnknownAction } from "@auth/core/errors";
import { decode, encode } from "next-auth/jwt";
import { authLogger, isVisitorError } from "@/lib/auth/logger";

const keys = { secret: "a secret of the test", salt: "authjs.session-token" };

/**
 * The error Auth.js's session action reports when reading a cookie fails: `new JWTSessionError(e)`
 * (lib/actions/session.js), which its types don't allow; this makes the same shape (`cause.err`).
 */
const jwtSessionError = (err: Error) => new JWTSessionError("Reading the session failed", { cause: { err } });

async function sessionError(token: string) {
  const failure = await decode({ token, ...keys }).then(() => null, (error: Error) => error);
  return jwtSessionError(failure ?? new Error("decoded"));
}

describe("Auth.js's log, less what visitors cause", () => {
  afterEach(() => vi.restoreAllMocks());

  it("a wrong password, a missing CSRF token, an unknown action and a hostile callback URL are not logged", () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const error of [new CredentialsSignin(), new MissingCSRF("CSRF token was missing"), new UnknownAction("Cannot parse action"), new InvalidCallbackUrl("Invalid callback URL")]) {
      expect(isVisitorError(error), error.name).toBe(true);
      authLogger.error(error);
    }
    expect(logged).not.toHaveBeenCalled();
  });

  it("a session cookie that isn't ours (garbage, forged, another secret's, expired) is the visitor's", async () => {
    expect(isVisitorError(await sessionError("garbage.garbage.garbage"))).toBe(true);
    expect(isVisitorError(await sessionError("eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..forged.forged.forged"))).toBe(true);
    expect(isVisitorError(await sessionError(await encode({ token: { sub: "u1" }, ...keys, secret: "another secret" })))).toBe(true);
    expect(isVisitorError(await sessionError(await encode({ token: { sub: "u1" }, ...keys, maxAge: -60 })))).toBe(true);
  });

  it("a session that couldn't be checked, a configuration error and any other error are logged", () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const databaseDown = jwtSessionError(new Error("Can't reach database server"));
    for (const error of [databaseDown, new MissingSecret("no secret"), new TypeError("boom")]) {
      expect(isVisitorError(error), error.name).toBe(false);
      authLogger.error(error);
    }
    expect(logged).toHaveBeenCalledTimes(3);
    expect(logged.mock.calls[0]).toEqual(["[auth]", databaseDown]);
  });
});

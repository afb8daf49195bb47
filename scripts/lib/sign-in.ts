// For benchmarks and load tests: a session cookie from next-auth's credentials endpoint, the way a
// browser's sign-in ends, without a browser.

/** Signs in as `email` against the running site at `base`; returns the `authjs.session-token=…` cookie. */
export async function signInForCookie(base: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const cookies = csrfResponse.headers.getSetCookie().map((c) => c.split(";")[0]);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: base }),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`could not sign in as ${email} (${response.status})`);
  return session;
}

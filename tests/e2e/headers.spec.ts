import { expect, test } from "./test";
import { signUp, staff } from "./helpers";

test("every response carries the security headers; the session cookie is HttpOnly and SameSite", async ({ page, request }) => {
  for (const path of ["/", "/search", "/signin", "/feed.xml", "/api/health"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).toContain("object-src 'none'");
    // The script policy itself is checked in security-csp.spec.ts.
    expect(headers["content-security-policy"], path).toMatch(path === "/signin" ? /^script-src 'self' 'nonce-/ : /^script-src 'self' 'unsafe-inline'/);
    expect(headers["strict-transport-security"], path).toContain("max-age=");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }

  await signUp(page, "Cookie Checker");
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("behind https (production), the session and CSRF cookies are Secure, HttpOnly and SameSite", async ({ playwright }) => {
  // What a TLS-terminating proxy in front of the app sends (AUTH_TRUST_HOST is set); the cookies
  // then get next-auth's __Secure-/__Host- names and the Secure flag.
  const https = { "x-forwarded-proto": "https" };
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: https });
  const csrf = await api.get("/api/auth/csrf");
  const csrfCookie = csrf.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("__Host-authjs.csrf-token="))?.value ?? "";
  expect(csrfCookie).toMatch(/; Secure/i);
  expect(csrfCookie).toMatch(/; HttpOnly/i);
  expect(csrfCookie).toMatch(/; SameSite=Lax/i);

  const { csrfToken } = await csrf.json();
  const signedIn = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: staff.moderator.email, password: staff.moderator.password },
    headers: { cookie: csrfCookie.split(";")[0] },
    maxRedirects: 0,
  });
  const session = signedIn.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("__Secure-authjs.session-token="))?.value ?? "";
  expect(session, `status ${signedIn.status()}`).not.toBe("");
  expect(session).toMatch(/; Secure/i);
  expect(session).toMatch(/; HttpOnly/i);
  expect(session).toMatch(/; SameSite=Lax/i);
  await api.dispose();
});

/** The browser-test servers' AUTH_SECRET (tests/e2e/server.ts); tests/e2e/helpers.ts signs session cookies with it. */
export const E2E_AUTH_SECRET = "e2e-secret-not-for-production-0123456789";

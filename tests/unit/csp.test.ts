import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SHELL_SCRIPT, SHELL_SCRIPT_HASH, newNonce, noncePolicy, publicPolicy } from "@/lib/security/csp";
import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";

describe("Content Security Policy", () => {
  it("allows React's shell timer by the hash of the exact text React writes", () => {
    expect(SHELL_SCRIPT_HASH).toBe(`sha256-${createHash("sha256").update(SHELL_SCRIPT).digest("base64")}`);
    // If a React upgrade changes the snippet, this fails before the browser tests do.
    const fizz = readFileSync(path.join(process.cwd(), "node_modules/next/dist/compiled/react-dom/cjs/react-dom-server.node.production.js"), "utf8");
    expect(fizz).toContain(JSON.stringify(SHELL_SCRIPT));
  });

  it("puts a fresh nonce in the policy, in the form Next reads from the request header", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => newNonce()));
    expect(nonces.size).toBe(1000);
    for (const nonce of [...nonces].slice(0, 50)) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/); // 128 bits
      expect(getScriptNonceFromHeader(noncePolicy(nonce))).toBe(nonce);
    }
  });

  it("keeps eval and inline handlers out; the nonce policy allows no other inline script", () => {
    const strict = noncePolicy("abc");
    const cached = publicPolicy();
    for (const policy of [strict, cached]) {
      expect(policy).not.toContain("unsafe-eval");
      expect(policy).toContain("script-src-attr 'none'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("base-uri 'self'");
    }
    const scriptSrc = (policy: string) => policy.split("; ").find((d) => d.startsWith("script-src "));
    expect(scriptSrc(strict)).not.toContain("unsafe-inline");
    expect(scriptSrc(strict)).not.toContain("strict-dynamic");
    expect(cached).toMatch(/^script-src 'self' 'unsafe-inline' 'report-sample';/);
    expect(getScriptNonceFromHeader(cached)).toBeUndefined();
    // The dev server's React refresh needs eval, and its HMR socket.
    expect(noncePolicy("abc", { dev: true })).toContain("'unsafe-eval'");
    expect(publicPolicy({ dev: true })).toContain("connect-src 'self' ws: wss:");
  });
});

import type { ReactNode } from "react";
import { connection } from "next/server";

/**
 * The layout of every page that gets a nonce-based Content Security Policy (proxy.ts,
 * lib/security/csp.ts). Waiting for the request before rendering anything leaves the route with
 * no prerendered shell, so the whole page is rendered per request and every script Next emits
 * carries that response's nonce. (A prerendered shell's scripts have no nonce and would be
 * blocked.) The segment must also export `instant = false`, which allows it to block; the page's
 * own loading.tsx still streams below it.
 */
export async function PerRequestLayout({ children }: { children: ReactNode }) {
  await connection();
  return children;
}

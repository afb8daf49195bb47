import type { ReactNode } from "react";
import { connection } from "next/server";

/**
 * The layout of the sign-in and sign-up pages. They have no request data, so Next would prerender
 * them whole, inline scripts included, and serve that HTML to everyone: no script could carry a
 * response's nonce and the nonce policy (proxy.ts, lib/security/csp.ts) would block them.
 * Waiting for the request renders them per request instead (they are small); the segment must
 * also export `instant = false`, which allows it to block.
 */
export async function PerRequestLayout({ children }: { children: ReactNode }) {
  await connection();
  return children;
}

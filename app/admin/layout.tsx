import type { ReactNode } from "react";
import { connection } from "next/server";
import { AdminNav } from "@/components/admin/admin-nav";

// Rendered per request (no prerendered shell) so that every script carries the response's CSP
// nonce; see components/security/per-request-layout.tsx.
export const instant = false;

// Navigation only: layouts are not re-run on navigation, so each page checks who is asking.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <p className="text-sm font-semibold uppercase tracking-wide text-stone-500">Moderation</p>
      <AdminNav />
      <div className="pt-6">{children}</div>
    </div>
  );
}

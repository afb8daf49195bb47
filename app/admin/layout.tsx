import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";

// Navigation only: layouts are not re-run on navigation, so each page checks who is asking.
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <p className="text-sm font-semibold uppercase tracking-wide text-stone-500">Moderation</p>
      <AdminNav />
      <div className="pt-6">{children}</div>
    </div>
  );
}

import { Suspense, type ReactNode } from "react";
import { AdminNav, AdminTabs } from "@/components/admin/admin-nav";

// Navigation only: layouts are not re-run on navigation, so each page checks who is asking.
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <p className="text-sm font-semibold uppercase tracking-wide text-stone-500">Moderation</p>
      {/* The pathname is request data on dynamic routes (/admin/reviews/[id]): stream it in. */}
      <Suspense fallback={<AdminTabs pathname="" />}>
        <AdminNav />
      </Suspense>
      <div className="pt-6">{children}</div>
    </div>
  );
}

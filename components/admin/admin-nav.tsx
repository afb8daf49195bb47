"use client";
import { IntentLink } from "@/components/intent-link";
import { usePathname } from "next/navigation";
import { Suspense } from "react";
import { canSomewhere, type Permission } from "@/lib/auth/permissions";
import { useViewer, type ClientViewer } from "@/components/viewer/viewer-provider";

/** Each tab with the permission its page asks for (site-wide, or in some community for a community moderator). */
const sections: { href: string; label: string; permission: Permission }[] = [
  { href: "/admin/reviews", label: "Reviews", permission: "review:decide" },
  { href: "/admin/reports", label: "Reports", permission: "report:handle" },
  { href: "/admin/appeals", label: "Appeals", permission: "appeal:decide" },
  { href: "/admin/users", label: "Users", permission: "user:restrict" },
  { href: "/admin/communities", label: "Communities", permission: "community:manage" },
  { href: "/admin/challenges", label: "Challenges", permission: "challenge:manage" },
  { href: "/admin/log", label: "Log", permission: "log:view" },
  { href: "/admin/settings", label: "Settings", permission: "settings:manage" },
  { href: "/admin/mail", label: "Mail", permission: "settings:manage" },
  { href: "/admin/export", label: "Export", permission: "site:export" },
  { href: "/admin/import", label: "Import", permission: "site:import" },
];

/** The tabs this viewer may use (while the viewer loads: none). Each page still checks its own permission. */
export function adminSections(viewer: ClientViewer | null) {
  return sections.filter((s) => canSomewhere(viewer, s.permission));
}

/** The admin area's tabs, only those the viewer may use. Each page checks its own permission all the same. */
export function AdminNav() {
  // The URL is request data on dynamic routes (/admin/users/[id]): read it behind a boundary.
  return (
    <Suspense fallback={<AdminTabs pathname="" />}>
      <CurrentAdminTabs />
    </Suspense>
  );
}

function CurrentAdminTabs() {
  return <AdminTabs pathname={usePathname()} />;
}

function AdminTabs({ pathname }: { pathname: string }) {
  const { viewer } = useViewer();
  return (
    <nav aria-label="Admin" className="-mx-4 overflow-x-auto border-b border-stone-200 px-4">
      <ul className="flex gap-1">
        {adminSections(viewer).map((s) => {
          const current = pathname === s.href || pathname.startsWith(`${s.href}/`);
          return (
            <li key={s.href}>
              <IntentLink
                href={s.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${current ? "border-ink text-ink" : "border-transparent text-stone-600 hover:text-ink"}`}
              >
                {s.label}
              </IntentLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

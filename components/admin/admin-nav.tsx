"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Suspense } from "react";

const sections = [
  { href: "/admin/reviews", label: "Reviews" },
  { href: "/admin/reports", label: "Reports" },
  { href: "/admin/appeals", label: "Appeals" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/communities", label: "Communities" },
  { href: "/admin/challenges", label: "Challenges" },
  { href: "/admin/log", label: "Log" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/mail", label: "Mail" },
  { href: "/admin/export", label: "Export" },
];

/** The admin area's tabs. Which ones work for whom is up to each page's own permission check. */
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
  return (
    <nav aria-label="Admin" className="-mx-4 overflow-x-auto border-b border-stone-200 px-4">
      <ul className="flex gap-1">
        {sections.map((s) => {
          const current = pathname === s.href || pathname.startsWith(`${s.href}/`);
          return (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${current ? "border-ink text-ink" : "border-transparent text-stone-600 hover:text-ink"}`}
              >
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

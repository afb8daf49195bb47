import Link from "next/link";
import { AccountMenu } from "@/components/viewer/account-menu";
import { WriteLink } from "@/components/viewer/write-link";
import { NotificationBell } from "@/components/viewer/notification-bell";
import { HeaderSearch } from "@/components/header-search";
import { ThemeToggle } from "@/components/theme-toggle";
import { siteLinks } from "@/components/site-links";

/** Static for every reader: the account parts fill in on the client. */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-20 h-16 border-b border-stone-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-5xl items-center justify-between gap-2 px-4 sm:gap-4">
        <Link href="/" className="font-serif text-xl font-bold tracking-tight sm:text-2xl">
          Storyhouse
        </Link>
        <nav aria-label="Sections" className="hidden items-center gap-4 md:flex">
          {siteLinks.map((link) => (
            <Link key={link.href} href={link.href} className="text-sm font-medium text-stone-700 hover:text-ink">
              {link.label}
            </Link>
          ))}
        </nav>
        <HeaderSearch />
        <div className="flex items-center gap-2 sm:gap-3">
          <WriteLink />
          <NotificationBell />
          <ThemeToggle />
          <AccountMenu />
        </div>
      </div>
    </header>
  );
}

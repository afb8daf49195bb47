import Link from "next/link";
import { AccountLinks } from "@/components/viewer/account-links";
import { NotificationBell } from "@/components/viewer/notification-bell";
import { HeaderSearch } from "@/components/header-search";

/** Static for every reader: the account links fill in on the client. */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-10 border-b border-stone-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-5xl items-center justify-between gap-2 px-4 sm:gap-4">
        <Link href="/" className="font-serif text-xl font-bold tracking-tight sm:text-2xl">
          Storyhouse
        </Link>
        <HeaderSearch />
        <nav aria-label="Account" className="flex items-center gap-2 sm:gap-3">
          <NotificationBell />
          <AccountLinks />
        </nav>
      </div>
    </header>
  );
}

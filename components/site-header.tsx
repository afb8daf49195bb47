import { AccountMenu } from "@/components/viewer/account-menu";
import { WriteLink } from "@/components/viewer/write-link";
import { NotificationBell } from "@/components/viewer/notification-bell";
import { HeaderSearch } from "@/components/header-search";
import { ThemeToggle } from "@/components/theme-toggle";
import { siteLinks } from "@/components/site-links";
import { SiteNavLink } from "@/components/nav-link";
import { IntentLink } from "@/components/intent-link";
import { smallestVariantUrl } from "@/lib/media/widths";
import type { SiteBranding } from "@/lib/data/branding";

/** How many of the site settings' navigation links fit in the header (lg and wider). */
const HEADER_NAV_LINKS = 4;

/** Static for every reader: the account parts fill in on the client. The name, logo and extra links come from the site settings. */
export function SiteHeader({ branding }: { branding: SiteBranding }) {
  return (
    <header className="sticky top-0 z-20 h-16 border-b border-stone-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-5xl items-center justify-between gap-2 px-4 sm:gap-4">
        <IntentLink href="/" className="flex min-w-0 items-center gap-2 font-serif text-xl font-bold tracking-tight sm:text-2xl">
          {branding.logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- an upload's smallest stored width; the name beside it is the link's text
            <img src={smallestVariantUrl(branding.logoUrl)} alt="" className="h-9 w-auto max-w-24 shrink-0 object-contain" />
          ) : null}
          <span className="truncate">{branding.siteName}</span>
        </IntentLink>
        <nav aria-label="Sections" className="hidden items-center gap-4 md:flex">
          {siteLinks.map((link) => (
            <SiteNavLink key={link.href} link={link} className="text-sm font-medium text-stone-700 hover:text-ink" />
          ))}
          {/* The site settings' own links: room for a few on wide screens; the footer carries them all. */}
          {branding.navLinks.slice(0, HEADER_NAV_LINKS).map((link) => (
            <SiteNavLink key={`${link.href} ${link.label}`} link={link} className="hidden text-sm font-medium text-stone-700 hover:text-ink lg:inline" />
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

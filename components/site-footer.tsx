import { siteLinks } from "@/components/site-links";
import { FeedLink } from "@/components/feed-link";
import { SiteNavLink } from "@/components/nav-link";
import { IntentLink } from "@/components/intent-link";
import type { SiteBranding } from "@/lib/data/branding";

/** The site's sections, the links and words from the site settings, and the site feed. */
export function SiteFooter({ branding }: { branding: SiteBranding }) {
  const linkClass = "font-medium text-stone-700 hover:text-ink";
  return (
    <footer className="border-t border-stone-200 px-4 py-8 text-center text-sm text-stone-600">
      <nav aria-label="Footer" className="mb-3">
        <ul className="flex flex-wrap justify-center gap-x-5 gap-y-2">
          {[...siteLinks, { href: "/search", label: "Search" }, ...branding.navLinks].map((link) => (
            <li key={`${link.href} ${link.label}`}>
              <SiteNavLink link={link} className={linkClass} />
            </li>
          ))}
          <li>
            <FeedLink href="/feed.xml" label="RSS feed of the latest stories" />
          </li>
        </ul>
      </nav>
      <p>
        <IntentLink href="/" className="font-serif font-semibold text-stone-700">
          {branding.siteName}
        </IntentLink>
        {branding.footerText ? ` · ${branding.footerText}` : null}
      </p>
    </footer>
  );
}

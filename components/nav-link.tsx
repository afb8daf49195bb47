import { IntentLink } from "@/components/intent-link";
import type { NavLink } from "@/lib/validation/branding";

/** A navigation link from the site settings: a path on this site through next/link, an address elsewhere as a plain link. */
export function SiteNavLink({ link, className }: { link: NavLink; className?: string }) {
  return link.href.startsWith("/") ? (
    <IntentLink href={link.href} className={className}>
      {link.label}
    </IntentLink>
  ) : (
    <a href={link.href} className={className} rel="noopener">
      {link.label}
    </a>
  );
}

import { PROFILE_LINKS, type ProfileLink } from "@/lib/validation/limits";

/** A creator's own links; rel="me" lets sites like Mastodon verify them. */
export function ProfileLinks({ links }: { links: ProfileLink[] }) {
  if (links.length === 0) return null;
  return (
    <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Links">
      {links.map((link) => (
        <li key={link.kind}>
          <a href={link.url} rel="me nofollow noopener" className="link">
            {link.kind === "website" ? new URL(link.url).hostname.replace(/^www\./, "") : PROFILE_LINKS.find((l) => l.kind === link.kind)?.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

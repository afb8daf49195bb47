"use client";
import { IntentLink } from "@/components/intent-link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { signOutAction } from "@/lib/actions/auth";
import { can, canSomewhere } from "@/lib/auth/permissions";
import { Avatar } from "@/components/avatar";
import { siteLinks } from "@/components/site-links";
import { useViewer, type ClientViewer } from "@/components/viewer/viewer-provider";

type MenuLink = { href: string; label: string; /** Only in the phone's menu: wider headers show it already. */ phoneOnly?: boolean };

/** Every page a member has, in the order the menu lists them. Admin only for those who may enter it; Moderation for community moderators. */
export function accountLinks(viewer: ClientViewer): MenuLink[] {
  return [
    { href: `/authors/${viewer.handle}`, label: "Your profile" },
    { href: "/settings/profile", label: "Profile settings" },
    { href: "/studio", label: "Studio" },
    { href: "/studio?status=published", label: "Stats" },
    { href: "/bookmarks", label: "Saved" },
    { href: "/following", label: "Following" },
    { href: "/notifications", label: viewer.unread > 0 ? `Notifications (${viewer.unread})` : "Notifications" },
    ...(can(viewer, "admin:access") ? [{ href: "/admin", label: "Admin" }] : canSomewhere(viewer, "review:decide") ? [{ href: "/admin/reviews", label: "Moderation" }] : []),
    ...siteLinks.map((link) => ({ ...link, phoneOnly: true })),
  ];
}

/**
 * The header's account menu: the avatar opens a list of every member page (a disclosure, not an
 * ARIA menu: plain links in tab order). On a phone it also holds the header's own links.
 * Escape closes it and returns focus to the avatar; so do a click outside and tabbing away.
 */
export function AccountMenu() {
  const { loading, viewer, forget } = useViewer();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>("a, button")?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  if (loading) return <span className="h-8 w-8" aria-hidden="true" />;
  if (!viewer) {
    return (
      <>
        <IntentLink href="/signin" className="text-sm font-medium text-stone-700 hover:text-ink">
          Sign in
        </IntentLink>
        <IntentLink href="/signup" className="btn-primary">
          Join
        </IntentLink>
      </>
    );
  }

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      // Arrow keys move between the items too, as people expect of a menu.
      const items = [...(panel.current?.querySelectorAll<HTMLElement>("a, button") ?? [])].filter((el) => el.offsetParent !== null);
      const at = items.indexOf(document.activeElement as HTMLElement);
      const next = items[(at + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length];
      if (next) {
        event.preventDefault();
        next.focus();
      }
    }
  };
  const signOut = async () => {
    setSigningOut(true);
    await signOutAction();
    forget();
    setOpen(false);
    setSigningOut(false);
    router.push("/");
    router.refresh();
  };

  return (
    <div className="relative" onKeyDown={onKeyDown} onBlur={(event) => {
      // Tabbing out of the open menu closes it.
      if (open && !event.currentTarget.contains(event.relatedTarget as Node | null) && event.relatedTarget) setOpen(false);
    }}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center rounded-full"
        data-testid="account-menu-button"
      >
        <Avatar name={viewer.name} src={viewer.avatarUrl} size={32} />
        <span className="sr-only">Account menu for {viewer.name}</span>
      </button>
      <div
        ref={panel}
        id={panelId}
        hidden={!open}
        className="absolute right-0 top-full z-30 mt-2 w-64 max-w-[calc(100vw-2rem)] overflow-hidden rounded-xl border border-stone-200 bg-white shadow-lg"
      >
        <div className="border-b border-stone-200 px-4 py-3">
          <p className="truncate font-semibold">{viewer.name}</p>
          <p className="truncate text-sm text-stone-600">@{viewer.handle}</p>
        </div>
        <nav aria-label="Your account">
          <ul className="py-1">
            {accountLinks(viewer).map((link) => (
              <li key={link.href} className={link.phoneOnly ? "sm:hidden" : undefined}>
                <IntentLink href={link.href} onClick={() => setOpen(false)} className="block px-4 py-2 text-sm text-stone-800 hover:bg-stone-100 focus-visible:bg-stone-100">
                  {link.label}
                </IntentLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="border-t border-stone-200 py-1">
          <button type="button" onClick={signOut} disabled={signingOut} className="block w-full px-4 py-2 text-left text-sm text-stone-800 hover:bg-stone-100 focus-visible:bg-stone-100 disabled:opacity-60">
            {signingOut ? "Signing out…" : "Sign out"}
          </button>
        </div>
      </div>
    </div>
  );
}

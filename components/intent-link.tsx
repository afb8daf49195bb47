"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * next/link for the links on every page (the header, the footer, the admin tabs): prefetched when
 * a reader reaches for one (pointer over it, keyboard focus, a touch), not as soon as it is on
 * screen. Next prefetches every link in view, two requests each, so each page view cost the
 * server 14 requests for the header alone and 34 on an admin page, about half of the app's CPU
 * per page view (measured in docs/performance.md). Story cards and in-page links keep Next's default.
 */
export function IntentLink({ href, onPointerEnter, onFocus, onTouchStart, ...props }: Omit<ComponentProps<typeof Link>, "prefetch"> & { href: string }) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      href={href}
      prefetch={false}
      onPointerEnter={(event) => (prefetch(), onPointerEnter?.(event))}
      onFocus={(event) => (prefetch(), onFocus?.(event))}
      onTouchStart={(event) => (prefetch(), onTouchStart?.(event))}
      {...props}
    />
  );
}

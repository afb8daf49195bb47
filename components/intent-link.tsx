"use client";
import Link from "next/link";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { useContext, type ComponentProps } from "react";

/**
 * next/link as every link on the site uses it: prefetched when a reader reaches for one (pointer
 * over it, keyboard focus, a touch), not as soon as it is on screen. Next prefetches every link in
 * view, two requests each, so each page view cost the server 14 requests for the header alone, 34
 * on an admin page and more again for a list of story cards, each answered with a render: about
 * 40% of the app's CPU per page view (measured in docs/performance.md, "Prefetching on intent").
 */
export function IntentLink({ href, onPointerEnter, onFocus, onTouchStart, ...props }: Omit<ComponentProps<typeof Link>, "prefetch"> & { href: string }) {
  // The router useRouter() returns, but null where there is none (a page rendered to HTML on its
  // own, as the import and archive tests do), where next/link works too and so must this.
  const router = useContext(AppRouterContext);
  const prefetch = () => router?.prefetch(href);
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

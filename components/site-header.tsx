import Link from "next/link";
import { Suspense } from "react";
import { getViewer } from "@/lib/auth/session";
import { signOutAction } from "@/lib/actions/auth";
import { Avatar } from "@/components/avatar";

/** The header is part of every page's static shell; only the account links wait for the session. */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-10 border-b border-stone-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-5xl items-center justify-between gap-4 px-4">
        <Link href="/" className="font-serif text-2xl font-bold tracking-tight">
          Storyhouse
        </Link>
        <nav aria-label="Account" className="flex items-center gap-2 sm:gap-3">
          <Suspense fallback={<span className="h-9 w-28" aria-hidden="true" />}>
            <AccountLinks />
          </Suspense>
        </nav>
      </div>
    </header>
  );
}

async function AccountLinks() {
  const viewer = await getViewer();
  if (!viewer) {
    return (
      <>
        <Link href="/signin" className="text-sm font-medium text-stone-700 hover:text-ink">
          Sign in
        </Link>
        <Link href="/signup" className="btn-primary">
          Join
        </Link>
      </>
    );
  }
  return (
    <>
      <Link href="/studio/new" className="btn-primary">
        Write
      </Link>
      <Link href="/studio" className="hidden text-sm font-medium text-stone-700 hover:text-ink sm:inline">
        Studio
      </Link>
      <Link href={`/authors/${viewer.handle}`} className="flex items-center" title="Your profile">
        <Avatar name={viewer.name} size={32} />
        <span className="sr-only">Your profile ({viewer.name})</span>
      </Link>
      <form action={signOutAction}>
        <button type="submit" className="text-sm font-medium text-stone-600 hover:text-ink">
          Sign out
        </button>
      </form>
    </>
  );
}

"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signOutAction } from "@/lib/actions/auth";
import { Avatar } from "@/components/avatar";
import { useViewer } from "@/components/viewer/viewer-provider";

export function AccountLinks() {
  const { loading, viewer, forget } = useViewer();
  const router = useRouter();
  if (loading) return <span className="h-9 w-28" aria-hidden="true" />;
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
      {/* On a phone, Write and Sign out shrink to icons so the header keeps room for the bell. */}
      <Link href="/studio/new" className="btn-primary px-2.5 sm:px-4" title="Write">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4 sm:hidden" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M12 20h9" />
          <path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z" />
        </svg>
        <span className="sr-only sm:not-sr-only">Write</span>
      </Link>
      {/* On narrow screens only the Studio link stays; the rest come back on wider ones. */}
      {[
        { href: "/following", label: "Following", shown: "md:inline" },
        { href: "/bookmarks", label: "Saved", shown: "md:inline" },
        { href: "/studio", label: "Studio", shown: "sm:inline" },
      ].map((link) => (
        <Link key={link.href} href={link.href} className={`hidden text-sm font-medium text-stone-700 hover:text-ink ${link.shown}`}>
          {link.label}
        </Link>
      ))}
      <Link href={`/authors/${viewer.handle}`} className="flex items-center" title="Your profile">
        <Avatar name={viewer.name} src={viewer.avatarUrl} size={32} />
        <span className="sr-only">Your profile ({viewer.name})</span>
      </Link>
      <form
        action={async () => {
          await signOutAction();
          forget();
          router.push("/");
          router.refresh();
        }}
      >
        <button type="submit" className="flex items-center text-sm font-medium text-stone-600 hover:text-ink" title="Sign out">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 sm:hidden" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            <path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4" />
            <path d="m16 17 5-5-5-5" />
            <path d="M21 12H9" />
          </svg>
          <span className="sr-only sm:not-sr-only">Sign out</span>
        </button>
      </form>
    </>
  );
}

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
      <Link href="/studio/new" className="btn-primary">
        Write
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
        <button type="submit" className="text-sm font-medium text-stone-600 hover:text-ink">
          Sign out
        </button>
      </form>
    </>
  );
}

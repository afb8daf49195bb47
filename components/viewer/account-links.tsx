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
      <Link href="/following" className="hidden text-sm font-medium text-stone-700 hover:text-ink md:inline">
        Following
      </Link>
      <Link href="/bookmarks" className="hidden text-sm font-medium text-stone-700 hover:text-ink md:inline">
        Saved
      </Link>
      <Link href="/studio" className="hidden text-sm font-medium text-stone-700 hover:text-ink sm:inline">
        Studio
      </Link>
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

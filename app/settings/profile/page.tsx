import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getMyProfile } from "@/lib/data/users";
import { ProfileForm } from "@/components/profile-form";

export const metadata: Metadata = { title: "Profile settings" };

export default async function ProfileSettingsPage() {
  const viewer = await requireViewer("/settings/profile");
  const profile = await getMyProfile(viewer);
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="font-serif text-3xl font-bold">Your profile</h1>
      <p className="mb-8 mt-2 text-stone-600">
        Readers see this on{" "}
        <Link href={`/authors/${profile.handle}`} className="link">
          your profile page
        </Link>{" "}
        and under each of your stories.
      </p>
      <ProfileForm initial={{ name: profile.name, bio: profile.bio }} />
    </div>
  );
}

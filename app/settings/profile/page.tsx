import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { requireViewer } from "@/lib/auth/session";
import { getMyProfile } from "@/lib/data/users";
import { ProfileForm } from "@/components/profile-form";
import { AvatarForm } from "@/components/avatar-form";

export const metadata: Metadata = { title: "Profile settings" };

export default async function ProfileSettingsPage() {
  const viewer = await requireViewer("/settings/profile");
  const profile = await getMyProfile(viewer);
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="font-serif text-3xl font-bold">Your profile</h1>
      <p className="mb-8 mt-2 text-stone-600">
        Readers see this on{" "}
        <IntentLink href={`/authors/${profile.handle}`} className="link">
          your profile page
        </IntentLink>{" "}
        and under each of your stories. Your password and signed-in devices are under{" "}
        <IntentLink href="/settings/account" className="link">
          password and sessions
        </IntentLink>
        ; to download or import your stories, see{" "}
        <IntentLink href="/settings/data" className="link">
          your data
        </IntentLink>
        .
      </p>
      <div className="mb-10 border-b border-stone-200 pb-8">
        <AvatarForm name={profile.name} avatarUrl={profile.avatarUrl} />
      </div>
      <ProfileForm initial={{ name: profile.name, handle: profile.handle, bio: profile.bio, links: profile.links }} />
    </div>
  );
}

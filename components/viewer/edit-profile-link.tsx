"use client";
import { IntentLink } from "@/components/intent-link";
import { useViewer } from "@/components/viewer/viewer-provider";

/** On your own profile only: the way to change it. (The profile page is shared and cached, so the check is here.) */
export function EditProfileLink({ creatorId }: { creatorId: string }) {
  const { viewer } = useViewer();
  if (viewer?.id !== creatorId) return null;
  return (
    <IntentLink href="/settings/profile" className="btn-secondary">
      Edit profile
    </IntentLink>
  );
}

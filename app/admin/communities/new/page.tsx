import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { CommunityForm } from "@/components/admin/community-form";

export const metadata: Metadata = { title: "New community" };

export default async function NewCommunityPage() {
  const viewer = await requireViewer("/admin/communities/new");
  if (!can(viewer, "community:manage")) {
    return <p className="rounded-lg border border-stone-200 bg-stone-50 p-4 text-stone-700">Only admins can create communities.</p>;
  }
  return (
    <div className="max-w-3xl">
      <IntentLink href="/admin/communities" className="link text-sm">
        ← All communities
      </IntentLink>
      <h1 className="mb-6 mt-2 font-serif text-2xl font-bold">New community</h1>
      <CommunityForm />
    </div>
  );
}

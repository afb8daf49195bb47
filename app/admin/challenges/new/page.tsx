import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listCommunities } from "@/lib/data/communities";
import { ChallengeForm } from "@/components/challenges/challenge-form";

export const metadata: Metadata = { title: "New challenge" };

export default async function NewChallengePage() {
  const viewer = await requireViewer("/admin/challenges/new");
  if (!can(viewer, "challenge:manage")) {
    return <p className="rounded-lg border border-stone-200 bg-stone-50 p-4 text-stone-700">Only admins can create challenges.</p>;
  }
  const communities = await listCommunities();
  return (
    <div className="max-w-3xl">
      <IntentLink href="/admin/challenges" className="link text-sm">
        ← All challenges
      </IntentLink>
      <h1 className="mb-6 mt-2 font-serif text-2xl font-bold">New challenge</h1>
      <ChallengeForm communities={communities} />
    </div>
  );
}

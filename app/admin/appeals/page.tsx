import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { Suspense } from "react";
import { requireViewer } from "@/lib/auth/session";
import { listOpenAppeals, type OpenAppeal } from "@/lib/data/appeals";
import { formatDateTime } from "@/components/format";
import { actionLabels, restrictionKindLabels } from "@/components/moderation/labels";
import { AnswerAppealForm } from "@/components/moderation/appeal-forms";
import { guarded } from "@/components/moderation/guarded";
import { PageSkeleton } from "@/components/page-skeleton";

export const metadata: Metadata = { title: "Appeals" };

export default function AdminAppealsPage() {
  return (
    <>
      <h1 className="mb-4 font-serif text-2xl font-bold">Appeals</h1>
      <Suspense fallback={<PageSkeleton />}>
        <Appeals />
      </Suspense>
    </>
  );
}

async function Appeals() {
  const viewer = await requireViewer("/admin/appeals");
  return guarded(async () => {
    const appeals = await listOpenAppeals(viewer);
    if (appeals.length === 0) {
      return (
        <div className="rounded-xl border border-dashed border-stone-300 p-10 text-center">
          <p className="font-semibold">No open appeals.</p>
          <p className="mt-1 text-stone-600">When someone appeals a moderation decision, it appears here, oldest first.</p>
        </div>
      );
    }
    return (
      <ol className="space-y-4" aria-label="Open appeals">
        {appeals.map((appeal) => (
          <AppealCard key={appeal.id} appeal={appeal} />
        ))}
      </ol>
    );
  });
}

function AppealCard({ appeal }: { appeal: OpenAppeal }) {
  const { action } = appeal;
  const title = action.restrictionKind ? `${restrictionKindLabels[action.restrictionKind]}` : actionLabels[action.action];
  return (
    <li className="rounded-xl border border-stone-200 p-4 sm:p-5" aria-label={`Appeal by ${appeal.user.name}`}>
      <p className="text-sm text-stone-500">
        <IntentLink href={`/admin/users/${appeal.user.id}`} className="link font-semibold text-ink">
          {appeal.user.name}
        </IntentLink>{" "}
        appealed {formatDateTime(appeal.createdAt)}
      </p>
      <blockquote className="mt-2 whitespace-pre-line border-l-4 border-stone-300 pl-3 text-stone-800">{appeal.text}</blockquote>
      <div className="mt-4 rounded-lg bg-stone-50 p-3 text-sm">
        <p>
          <strong>{title}</strong> · {formatDateTime(action.createdAt)} by {action.actor ? action.actor.name : "the system"}
          {action.expiresAt ? ` · expires ${formatDateTime(action.expiresAt)}` : ""}
        </p>
        <p className="mt-1 text-stone-700">Reason: {action.reason}</p>
        <p className="mt-1 text-stone-600">
          About:{" "}
          {action.target.href ? (
            <IntentLink href={action.target.href} className="link">
              {action.target.label}
            </IntentLink>
          ) : (
            action.target.label
          )}
          {action.target.excerpt ? <span className="mt-1 block italic">“{action.target.excerpt}”</span> : null}
        </p>
      </div>
      <div className="mt-4">
        <AnswerAppealForm appealId={appeal.id} />
      </div>
    </li>
  );
}

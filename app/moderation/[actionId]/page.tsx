import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { Suspense } from "react";
import { requireViewer } from "@/lib/auth/session";
import { getMyModerationAction, type MyModerationAction } from "@/lib/data/appeals";
import { formatDateTime } from "@/components/format";
import { actionLabels, appealStatusLabels, pill, pillTone, restrictionKindLabels } from "@/components/moderation/labels";
import { AppealForm } from "@/components/moderation/appeal-forms";
import { guarded } from "@/components/moderation/guarded";
import { PageSkeleton } from "@/components/page-skeleton";

export const metadata: Metadata = { title: "Moderation decision", robots: { index: false } };

type Params = Promise<{ actionId: string }>;

export default function ModerationActionPage({ params }: { params: Params }) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <Suspense fallback={<PageSkeleton />}>
        <ActionDetail params={params} />
      </Suspense>
    </div>
  );
}

async function ActionDetail({ params }: { params: Params }) {
  const { actionId } = await params;
  const viewer = await requireViewer(`/moderation/${actionId}`);
  return guarded(async () => <ActionView action={await getMyModerationAction(viewer, actionId)} />);
}

function ActionView({ action }: { action: MyModerationAction }) {
  const title = action.restriction ? (action.action === "RESTRICT" ? restrictionKindLabels[action.restriction.kind] : `${restrictionKindLabels[action.restriction.kind]}: ${actionLabels[action.action].toLowerCase()}`) : actionLabels[action.action];
  const ended = action.restriction?.overturnedAt ? "Overturned on appeal" : action.restriction?.liftedAt ? `Ended ${formatDateTime(action.restriction.liftedAt)}` : null;
  return (
    <article className="space-y-6">
      <header>
        <p className="text-sm font-semibold uppercase tracking-wide text-stone-500">Moderation decision</p>
        <h1 className="mt-1 font-serif text-3xl font-bold">{title}</h1>
        <p className="mt-2 text-sm text-stone-600">
          {action.automatic ? "Automatically" : "Decided by a moderator"} on {formatDateTime(action.createdAt)}
          {action.action === "RESTRICT" ? (action.expiresAt ? `; in force until ${formatDateTime(action.expiresAt)}` : "; in force until lifted") : ""}.
        </p>
        {ended ? <p className={`mt-2 ${pill} ${pillTone.good}`}>{ended}</p> : null}
      </header>
      <dl className="space-y-4 rounded-xl border border-stone-200 p-4 sm:p-5">
        <div>
          <dt className="text-sm font-semibold text-stone-500">What it was about</dt>
          <dd className="mt-1">
            {action.target.href ? (
              <IntentLink href={action.target.href} className="link">
                {action.target.label}
              </IntentLink>
            ) : (
              action.target.label
            )}
            {action.target.excerpt ? <span className="mt-1 block italic text-stone-600">“{action.target.excerpt}”</span> : null}
          </dd>
        </div>
        <div>
          <dt className="text-sm font-semibold text-stone-500">Reason</dt>
          <dd className="mt-1 whitespace-pre-line">{action.reason}</dd>
        </div>
      </dl>
      <section aria-labelledby="appeal-heading" className="space-y-3">
        <h2 id="appeal-heading" className="font-serif text-xl font-bold">
          Appeal
        </h2>
        <AppealSection action={action} />
      </section>
      <p className="text-sm">
        <IntentLink href="/notifications" className="link">
          Back to notifications
        </IntentLink>
      </p>
    </article>
  );
}

function AppealSection({ action }: { action: MyModerationAction }) {
  const { appeal } = action;
  if (appeal) {
    const tone = appeal.status === "OPEN" ? pillTone.warn : appeal.status === "OVERTURNED" ? pillTone.good : pillTone.neutral;
    return (
      <div className="space-y-3 rounded-xl border border-stone-200 p-4 sm:p-5" data-testid="appeal-status">
        <p className="flex flex-wrap items-center gap-2 text-sm text-stone-600">
          <span className={`${pill} ${tone}`}>{appealStatusLabels[appeal.status]}</span> You appealed on {formatDateTime(appeal.createdAt)}.
        </p>
        <blockquote className="whitespace-pre-line border-l-4 border-stone-300 pl-3 text-stone-800">{appeal.text}</blockquote>
        {appeal.response ? (
          <div>
            <p className="text-sm font-semibold text-stone-500">Answer{appeal.answeredAt ? ` (${formatDateTime(appeal.answeredAt)})` : ""}</p>
            <p className="mt-1 whitespace-pre-line">{appeal.response}</p>
          </div>
        ) : (
          <p className="text-sm text-stone-600">An admin will look at it and answer here; you&apos;ll get a notification.</p>
        )}
      </div>
    );
  }
  if (!action.appealable) return <p className="text-stone-600">This entry can&apos;t be appealed.</p>;
  return <AppealForm actionId={action.id} />;
}

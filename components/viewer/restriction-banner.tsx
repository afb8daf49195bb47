"use client";
import { IntentLink } from "@/components/intent-link";
import { formatDateTime } from "@/components/format";
import { useViewer, type ClientRestriction } from "@/components/viewer/viewer-provider";

const shown: Partial<Record<ClientRestriction["kind"], string>> = {
  SUSPENSION: "Your account is suspended",
  PUBLISH_BAN: "You can't submit or publish stories",
  COMMENT_BAN: "You can't comment",
};

/** Site-wide, for the restricted viewer only: what they can't do, until when, why, and where to appeal. */
export function RestrictionBanner() {
  const { viewer } = useViewer();
  const restrictions = viewer?.restrictions.filter((r) => shown[r.kind]) ?? [];
  if (restrictions.length === 0) return null;
  return (
    <div role="region" aria-label="Account restrictions" className="border-b border-amber-300 bg-amber-50 text-amber-950">
      <ul className="mx-auto max-w-5xl space-y-2 px-4 py-3 text-sm">
        {restrictions.map((r, i) => (
          <li key={`${r.kind}-${i}`} data-testid="restriction-banner">
            <strong className="font-semibold">
              {shown[r.kind]} {r.expiresAt ? `until ${formatDateTime(new Date(r.expiresAt))}` : "until further notice"}.
            </strong>{" "}
            {r.reason ? <span>Reason: {r.reason}</span> : null}{" "}
            {r.actionId ? (
              <IntentLink href={`/moderation/${r.actionId}`} className="link whitespace-nowrap font-semibold">
                See details / appeal
              </IntentLink>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** In place of the comment form while a comment ban or suspension is in force: why, until when, and where to appeal. */
export function CommentBlockedNotice({ restriction }: { restriction: ClientRestriction }) {
  return (
    <p role="note" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <strong>
        {restriction.kind === "SUSPENSION" ? "Your account is suspended, so you can't comment" : "You can't comment"}{" "}
        {restriction.expiresAt ? `until ${formatDateTime(new Date(restriction.expiresAt))}` : "until further notice"}.
      </strong>{" "}
      {restriction.reason ? `Reason: ${restriction.reason}` : null}{" "}
      {restriction.actionId ? (
        <IntentLink href={`/moderation/${restriction.actionId}`} className="link font-semibold">
          See details / appeal
        </IntentLink>
      ) : null}
    </p>
  );
}

/** The restriction (if any) that keeps the viewer from commenting. */
export function commentBlock(restrictions: ClientRestriction[] | undefined): ClientRestriction | undefined {
  return restrictions?.find((r) => r.kind === "SUSPENSION" || r.kind === "COMMENT_BAN");
}

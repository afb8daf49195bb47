import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { Suspense } from "react";
import { requireViewer } from "@/lib/auth/session";
import { can, isStaff, mayRestrictAccount } from "@/lib/auth/permissions";
import { getUserForStaff, type StaffUserDetail } from "@/lib/data/admin-users";
import { nextRestrictionKind } from "@/lib/validation/moderation";
import { formatDate, formatDateTime, pluralize } from "@/components/format";
import { actionLabels, pill, pillTone, restrictionKindLabels, roleLabels } from "@/components/moderation/labels";
import { RestrictForm } from "@/components/moderation/restrict-form";
import { LiftForm } from "@/components/moderation/lift-form";
import { ClearEmailStopForm } from "@/components/admin/clear-email-stop-form";
import { RoleForm, TrustForm } from "@/components/moderation/role-trust-forms";
import { guarded } from "@/components/moderation/guarded";
import { Avatar } from "@/components/avatar";
import { PageSkeleton } from "@/components/page-skeleton";

export const metadata: Metadata = { title: "User" };

type Params = Promise<{ id: string }>;

export default function AdminUserPage({ params }: { params: Params }) {
  return (
    <Suspense fallback={<PageSkeleton />}>
      <UserDetail params={params} />
    </Suspense>
  );
}

async function UserDetail({ params }: { params: Params }) {
  const { id } = await params;
  const viewer = await requireViewer(`/admin/users/${id}`);
  return guarded(async () => {
    const user = await getUserForStaff(viewer, id);
    const mayRestrict = mayRestrictAccount(viewer, user);
    return <UserView user={user} mayRestrict={mayRestrict} manageRole={can(viewer, "role:manage")} manageTrust={can(viewer, "user:trust")} manageEmail={can(viewer, "email:manage")} />;
  });
}

const section = "rounded-xl border border-stone-200 p-4 sm:p-5";

function UserView({ user, mayRestrict, manageRole, manageTrust, manageEmail }: { user: StaffUserDetail; mayRestrict: boolean; manageRole: boolean; manageTrust: boolean; manageEmail: boolean }) {
  const trust = user.trustOverride === null ? "auto" : user.trustOverride ? "trusted" : "untrusted";
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <IntentLink href="/admin/users" className="link">
          ← All users
        </IntentLink>
      </p>
      <header className="flex flex-wrap items-start gap-4">
        <Avatar name={user.name} src={user.avatarUrl} size={56} />
        <div className="min-w-0 flex-1">
          <h1 className="break-words font-serif text-2xl font-bold">{user.name}</h1>
          <p className="text-sm text-stone-600">
            <IntentLink href={`/authors/${user.handle}`} className="link">
              @{user.handle}
            </IntentLink>{" "}
            · <span className="break-all">{user.email}</span>
          </p>
          <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-stone-600">
            <span className={`${pill} ${pillTone.info}`}>{roleLabels[user.role]}</span>
            {user.status === "SUSPENDED" ? <span className={`${pill} ${pillTone.bad}`}>Suspended</span> : <span className={`${pill} ${pillTone.good}`}>Active</span>}
            <span className={`${pill} ${pillTone.neutral}`}>{user.trusted ? "Publishes without review" : "Stories are reviewed"}</span>
            <span>Joined {formatDate(user.createdAt)}</span>
            <span>· {pluralize(user.storyCount, "published story", "published stories")}</span>
            <span>· {pluralize(user.commentCount, "comment")}</span>
          </p>
          {user.deletedAt ? (
            <p className="mt-2 text-sm text-stone-600">Account deleted by its owner on {formatDate(user.deletedAt)}.</p>
          ) : user.deletionDueAt ? (
            <p className="mt-2 text-sm text-amber-800">The owner asked to delete this account: it will be deleted on {formatDate(user.deletionDueAt)} unless they sign in before.</p>
          ) : null}
          {user.emailStopped && !user.deletedAt ? (
            <div className="mt-2 text-sm text-red-800" data-testid="email-stopped">
              <p>
                No email is sent to this address: {user.emailStopped.reason} ({formatDate(user.emailStopped.at)}).
              </p>
              {manageEmail ? <ClearEmailStopForm userId={user.id} /> : null}
            </div>
          ) : !user.emailVerified ? (
            <p className="mt-2 text-sm text-stone-600">Email address not confirmed yet.</p>
          ) : null}
          {user.bio ? <p className="mt-2 text-sm text-stone-700">{user.bio}</p> : null}
        </div>
      </header>

      {manageRole || manageTrust ? (
        <section aria-labelledby="access-heading" className={section}>
          <h2 id="access-heading" className="mb-3 font-semibold">
            Role and trust
          </h2>
          <div className="grid gap-6 sm:grid-cols-2">
            {manageRole ? <RoleForm userId={user.id} role={user.role} name={user.name} /> : null}
            {manageTrust ? <TrustForm userId={user.id} trust={trust} /> : null}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="restrictions-heading" className={section}>
        <h2 id="restrictions-heading" className="mb-3 font-semibold">
          Restrictions
        </h2>
        {user.restrictions.length === 0 ? (
          <p className="text-sm text-stone-600">No restrictions so far.</p>
        ) : (
          <ul className="divide-y divide-stone-200" aria-label="Restriction history">
            {user.restrictions.map((r) => (
              <li key={r.id} className="py-3 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <strong>{restrictionKindLabels[r.kind]}</strong>
                  {r.overturnedAt ? <span className={`${pill} ${pillTone.good}`}>Overturned</span> : r.kind === "WARNING" || r.kind === "CONTENT_REMOVAL" ? <span className={`${pill} ${pillTone.warn}`}>On record</span> : r.active ? <span className={`${pill} ${pillTone.bad}`}>In force</span> : <span className={`${pill} ${pillTone.neutral}`}>Ended</span>}
                  <span className="text-stone-500">
                    {formatDateTime(r.createdAt)}
                    {r.createdBy ? ` by ${r.createdBy.name}` : ""}
                    {r.expiresAt ? ` · expires ${formatDateTime(r.expiresAt)}` : " · no expiry"}
                    {r.liftedAt ? ` · ended ${formatDateTime(r.liftedAt)}` : ""}
                  </span>
                </p>
                <p className="mt-1 text-stone-700">{r.reason}</p>
                {r.active && mayRestrict && r.kind !== "WARNING" && r.kind !== "CONTENT_REMOVAL" ? <LiftForm restrictionId={r.id} userId={user.id} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="restrict-heading" className={section}>
        <h2 id="restrict-heading" className="mb-3 font-semibold">
          Restrict this account
        </h2>
        {mayRestrict ? <RestrictForm userId={user.id} suggestedKind={nextRestrictionKind(user.restrictions)} /> : <p className="text-sm text-stone-600">You can&apos;t restrict this account{isStaff(user) ? ": only an admin can restrict staff, and nobody restricts themselves" : ""}.</p>}
      </section>

      <section aria-labelledby="audit-heading" className={section}>
        <h2 id="audit-heading" className="mb-3 font-semibold">
          Moderation history
        </h2>
        {user.audit.length === 0 ? (
          <p className="text-sm text-stone-600">Nothing in the log about this account.</p>
        ) : (
          <ul className="divide-y divide-stone-200 text-sm" aria-label="Moderation history">
            {user.audit.map((a) => (
              <li key={a.id} className="py-2">
                <span className="font-semibold">{actionLabels[a.action]}</span> <span className="text-stone-500">· {formatDateTime(a.createdAt)} · {a.actor ? a.actor.name : "System"}</span>
                <p className="text-stone-700">{a.reason}</p>
              </li>
            ))}
          </ul>
        )}
        <IntentLink href={`/admin/log?subject=${user.handle}`} className="link mt-2 inline-block text-sm">
          Open in the log
        </IntentLink>
      </section>
    </div>
  );
}

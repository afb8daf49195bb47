import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { Suspense } from "react";
import { requireViewer } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/permissions";
import { listUsersForStaff } from "@/lib/data/admin-users";
import { userListFilterSchema, type UserListFilter } from "@/lib/validation/moderation";
import { formatDate } from "@/components/format";
import { pill, pillTone, roleLabels } from "@/components/moderation/labels";
import { PageSkeleton } from "@/components/page-skeleton";
import { guarded } from "@/components/moderation/guarded";
import { FilterSelect } from "@/components/admin/filter-select";

export const metadata: Metadata = { title: "Users" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <>
      <h1 className="mb-4 font-serif text-2xl font-bold">Users</h1>
      <Suspense fallback={<PageSkeleton />}>
        <UserList searchParams={searchParams} />
      </Suspense>
    </>
  );
}

const trustLabel = (override: boolean | null) => (override === null ? "Automatic" : override ? "Trusted" : "Untrusted");

async function UserList({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer("/admin/users");
  const filter = userListFilterSchema.parse(await searchParams);
  return guarded(async () => renderUsers(filter, await listUsersForStaff(viewer, filter)));
}

function renderUsers(filter: UserListFilter, { items, nextCursor }: Awaited<ReturnType<typeof listUsersForStaff>>) {
  const nextParams = new URLSearchParams(Object.entries({ ...filter, cursor: nextCursor ?? "" }).filter(([, v]) => v) as [string, string][]);
  return (
    <>
      <UserFilters filter={filter} />
      {items.length === 0 ? (
        <div className="rounded-xl border border-dashed border-stone-300 p-10 text-center">
          <p className="font-semibold">No users match.</p>
          <IntentLink href="/admin/users" className="link mt-2 inline-block">
            Show everyone
          </IntentLink>
        </div>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200" aria-label="Users">
          {items.map((u) => (
            <li key={u.id} className="grid gap-2 p-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center">
              <div className="min-w-0">
                <IntentLink href={`/admin/users/${u.id}`} className="font-semibold hover:underline">
                  {u.name}
                </IntentLink>{" "}
                <span className="text-sm text-stone-500">@{u.handle}</span>
                <p className="truncate text-sm text-stone-600">{u.email}</p>
              </div>
              <div className="flex flex-wrap items-center gap-2 text-sm text-stone-600 sm:justify-end">
                {isStaff(u) ? <span className={`${pill} ${pillTone.info}`}>{roleLabels[u.role]}</span> : null}
                {u.status === "SUSPENDED" ? <span className={`${pill} ${pillTone.bad}`}>Suspended</span> : null}
                <span className={`${pill} ${pillTone.neutral}`}>Trust: {trustLabel(u.trustOverride)}</span>
                <span>{u.storyCount} published</span>
                <span>Joined {formatDate(u.createdAt)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <IntentLink href={`/admin/users?${nextParams}`} className="btn-secondary mt-4">
          Next page
        </IntentLink>
      ) : null}
    </>
  );
}

function UserFilters({ filter }: { filter: UserListFilter }) {
  return (
    <form method="get" action="/admin/users" role="search" aria-label="Find users" className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-[minmax(0,1fr)_10rem_10rem_auto] sm:items-end">
      <div className="col-span-2 space-y-1.5 sm:col-span-1">
        <label htmlFor="users-q" className="block text-sm font-semibold text-stone-800">
          Name, handle or email
        </label>
        <input id="users-q" name="q" type="search" defaultValue={filter.q ?? ""} maxLength={100} className="input" />
      </div>
      <FilterSelect id="users-role" name="role" label="Role" value={filter.role} any="Any role" options={[["READER", "Reader"], ["MODERATOR", "Moderator"], ["ADMIN", "Admin"]]} />
      <FilterSelect id="users-status" name="status" label="Status" value={filter.status} any="Any status" options={[["ACTIVE", "Active"], ["SUSPENDED", "Suspended"]]} />
      <button type="submit" className="btn-secondary col-span-2 sm:col-span-1">
        Search
      </button>
    </form>
  );
}

import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Export the site" };

// The downloads themselves check the permission in the data layer (lib/data/site-archive.ts,
// lib/data/ghost-export.ts); this page only explains them.
export default async function AdminExportPage() {
  const viewer = await requireViewer("/admin/export");
  if (!can(viewer, "site:export")) {
    return <p className="rounded-lg border border-stone-200 bg-stone-50 p-4 text-stone-700">Only admins can export the site.</p>;
  }
  return (
    <div className="max-w-2xl">
      <h1 className="font-serif text-2xl font-bold">Export the site</h1>
      <section aria-labelledby="archive-heading" className="mt-6 border-b border-stone-200 pb-8">
        <h2 id="archive-heading" className="mb-2 font-serif text-xl font-bold">
          Whole-site archive
        </h2>
        <p className="mb-3 text-sm text-stone-600">
          One zip file with everything: members, communities, stories (drafts and all), comments, hearts, follows, bookmarks, challenges, notifications, the moderation history,
          and every uploaded image. Ids are kept, so every link and relation survives. It restores into an empty Storyhouse of the same version with{" "}
          <code>npm run site:import</code> (see the README, &ldquo;Moving a whole site&rdquo;). The download is built as it streams, while the site keeps running.
        </p>
        <form action="/admin/export/site" method="get" className="space-y-4">
          <div className="flex items-start gap-3 rounded-lg border border-stone-200 p-3">
            <input id="passwordHashes" name="passwordHashes" type="checkbox" value="1" className="mt-1 h-4 w-4" aria-describedby="passwordHashes-help" />
            <div>
              <label htmlFor="passwordHashes" className="font-medium">
                Include password hashes
              </label>
              <p id="passwordHashes-help" className="text-sm text-stone-600">
                Off by default. With them, members sign in on the restored site with their current passwords; the file must then be kept as safe as the database itself
                (hashes are slow to crack, not impossible). Without them, members choose a new password with &ldquo;Forgot your password?&rdquo; after the move.
              </p>
            </div>
          </div>
          <button type="submit" className="btn-primary">
            Download site archive (.zip)
          </button>
        </form>
      </section>
      <section aria-labelledby="ghost-heading" className="mt-8">
        <h2 id="ghost-heading" className="mb-2 font-serif text-xl font-bold">
          Ghost-compatible JSON
        </h2>
        <p className="mb-4 text-sm text-stone-600">
          Stories (live ones published, the rest as drafts; removed ones left out), their tags and authors, in the file Ghost&apos;s &ldquo;Import content&rdquo; reads. Images stay on
          this site and are linked by their full address. Members, comments and the moderation history are not part of it.
        </p>
        <a href="/admin/export/ghost" download className="btn-secondary">
          Download Ghost JSON
        </a>
      </section>
    </div>
  );
}

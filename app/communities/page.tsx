import type { Metadata } from "next";
import Image from "next/image";
import { IntentLink } from "@/components/intent-link";
import { cachedBranding, cachedCommunityDirectory } from "@/lib/cache/public";
import { pluralize } from "@/components/format";

export async function generateMetadata(): Promise<Metadata> {
  const { siteName } = await cachedBranding();
  return { title: "Communities", description: `Every community on ${siteName}: what each is about and how many stories it has.`, alternates: { canonical: "/communities" } };
}

export default async function CommunitiesPage() {
  const communities = await cachedCommunityDirectory();
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <header className="mb-8 max-w-2xl">
        <h1 className="font-serif text-4xl font-bold">Communities</h1>
        <p className="mt-3 text-lg text-stone-700">Every story lives in a community. Find the ones that fit what you read and write.</p>
      </header>
      {communities.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 p-10 text-center text-stone-600">No communities yet.</p>
      ) : (
        <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {communities.map((c) => (
            <li key={c.slug} className="overflow-hidden rounded-xl border border-stone-200" style={c.accentColor ? { borderTopColor: c.accentColor, borderTopWidth: 4 } : undefined}>
              <IntentLink href={`/${c.slug}`} className="group block h-full">
                {c.coverImageUrl ? (
                  <div className="relative aspect-[3/1] bg-stone-100">
                    <Image src={c.coverImageUrl} alt={c.coverImageAlt ?? ""} fill sizes="(min-width: 1024px) 320px, (min-width: 640px) 50vw, 100vw" className="object-cover" />
                  </div>
                ) : null}
                <div className="p-5">
                  <h2 className="font-serif text-xl font-bold group-hover:underline">{c.name}</h2>
                  {c.description ? <p className="mt-2 text-stone-700">{c.description}</p> : null}
                  <p className="mt-3 text-sm text-stone-600">{pluralize(c.storyCount, "story", "stories")}</p>
                </div>
              </IntentLink>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import Link from "next/link";
import { cachedCommunities, cachedStoryList } from "@/lib/cache/public";
import { StoryList } from "@/components/story-list";

export default async function HomePage() {
  const [latest, communities] = await Promise.all([cachedStoryList({ limit: 20 }), cachedCommunities()]);
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <section className="mb-10 rounded-2xl bg-brand-50 px-6 py-10 sm:px-10">
        <h1 className="font-serif text-3xl font-bold tracking-tight sm:text-5xl">Stories worth your time.</h1>
        <p className="mt-3 max-w-2xl text-lg text-stone-700">Read creators from every corner, heart what moves you, and publish your own in a community that fits.</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link href="/studio/new" className="btn-primary">
            Start writing
          </Link>
        </div>
      </section>
      <div className="grid gap-10 lg:grid-cols-[1fr_16rem]">
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading" className="border-b border-stone-200 pb-3 text-sm font-semibold uppercase tracking-wider text-stone-500">
            Latest stories
          </h2>
          <StoryList stories={latest.items} empty={<p>No stories have been published yet. Be the first!</p>} />
        </section>
        <aside aria-labelledby="communities-heading">
          <h2 id="communities-heading" className="border-b border-stone-200 pb-3 text-sm font-semibold uppercase tracking-wider text-stone-500">
            Communities
          </h2>
          <ul className="mt-4 flex flex-wrap gap-2">
            {communities.map((c) => (
              <li key={c.slug}>
                <Link href={`/${c.slug}`} className="inline-block rounded-full border border-stone-300 px-3 py-1 text-sm hover:bg-stone-100">
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </div>
  );
}

import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { cachedPopularTags } from "@/lib/cache/public";

export const metadata: Metadata = { title: "Popular tags", description: "The tags on the most stories.", alternates: { canonical: "/tags" } };

export default async function TagsPage() {
  const tags = await cachedPopularTags();
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <header className="mb-8">
        <h1 className="font-serif text-4xl font-bold">Popular tags</h1>
        <p className="mt-3 text-lg text-stone-700">The topics creators write about most, with how many published stories carry each.</p>
      </header>
      {tags.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 p-10 text-center text-stone-600">No published story has a tag yet.</p>
      ) : (
        <ul className="flex flex-wrap gap-3">
          {tags.map((tag) => (
            <li key={tag.slug}>
              <IntentLink href={`/tags/${tag.slug}`} className="inline-flex items-baseline gap-2 rounded-full border border-stone-300 px-4 py-2 hover:bg-stone-100">
                <span className="font-medium">{tag.name}</span>
                <span className="text-sm text-stone-600">
                  {tag.storyCount}
                  <span className="sr-only"> {tag.storyCount === 1 ? "story" : "stories"}</span>
                </span>
              </IntentLink>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

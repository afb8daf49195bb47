import { z } from "@/lib/zod";
import { storableText } from "@/lib/validation/form";

export const SEARCH_QUERY_MAX = 200;

/** A repeated URL parameter (`?q=a&q=b`) counts once: the first value wins (without NULs, see storableText). */
const firstValue = (value: unknown) => {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? storableText(first) : first;
};

/** A filter slug; anything unusable means "no filter" rather than an error. */
const filterSlug = z.preprocess(firstValue, z.string().trim().max(64).optional()).transform((slug) => slug || undefined).catch(undefined);

/** The /search page's URL parameters. Only an over-long query is an error worth showing. */
export const searchParamsSchema = z.object({
  q: z.preprocess(firstValue, z.string().trim().max(SEARCH_QUERY_MAX, `Search for at most ${SEARCH_QUERY_MAX} characters`).default("")),
  community: filterSlug,
  tag: filterSlug,
  cursor: z.preprocess(firstValue, z.string().max(200).optional()).catch(undefined),
});
export type SearchParams = z.infer<typeof searchParamsSchema>;

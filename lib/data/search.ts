import "server-only";
import { db, Prisma, TRIGRAM_SIMILARITY } from "@/lib/db";
import { cardSelect, publicWhere, toCard, type Page, type StoryCard } from "@/lib/data/story-shapes";
import { decodeSearchCursor, encodeSearchCursor } from "@/lib/data/search-cursor";
import { MATCH_START, MATCH_STOP, snippetHtml } from "@/lib/content/snippet";

// Full-text search over the hand-added "searchVector" column, kept current by
// lib/data/search-vectors.ts. Prisma does not model it, so the queries here are raw (tagged templates).

export type SearchResult = StoryCard & { snippetHtml: string };
export type SearchPage = Page<SearchResult> & { suggestion: string | null };
export type SearchInput = { q: string; community?: string; tag?: string; cursor?: string; limit?: number };

/** `publicWhere` (lib/data/story-shapes.ts) in SQL, for a story `s` joined to its creator `u`. */
const isPublic = Prisma.sql`s.status = 'PUBLISHED' AND u.status = 'ACTIVE'`;

// ts_rank_cd's weights for D, C, B, A: body, tags and creator, subtitle, title.
const RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}";
const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_STOP}, MinWords=15, MaxWords=35, MaxFragments=2, FragmentDelimiter=" … "`;
/**
 * Relevance is ranked among the newest matching stories, up to this many: ranking reads each
 * candidate's whole search vector, so ranking every match made a common word cost 0.4–0.5 s at
 * 100,000 stories (docs/performance.md); with the bound it stays near 20 ms at any size.
 */
const SEARCH_CANDIDATES = 500;

type SearchHit = { id: string; rank: number; publishedAt: Date; headline: string };

/** Public: published stories by active creators matching `q`, best first, with highlighted snippets. */
export async function searchStories(input: SearchInput): Promise<SearchPage> {
  const q = input.q.trim();
  if (!q) return { items: [], nextCursor: null, suggestion: null };
  const limit = Math.min(input.limit ?? 20, 50);
  const after = input.cursor ? decodeSearchCursor(input.cursor) : null;
  // The query is written out where it is used (not in a CTE) so the planner can estimate how
  // many stories match: for a common word it walks the newest stories and stops at the
  // candidate limit; for a rare one it asks the full-text index.
  const tsq = Prisma.sql`websearch_to_tsquery('english', ${q})`;
  const hits = await db.$queryRaw<SearchHit[]>`
    WITH candidates AS (
      SELECT s.id, s."publishedAt", s."searchVector"
      FROM "Story" s JOIN "User" u ON u.id = s."authorId"
      WHERE ${isPublic} AND s."searchVector" @@ ${tsq}
      ${input.community ? Prisma.sql`AND s."communityId" = (SELECT id FROM "Community" WHERE slug = ${input.community})` : Prisma.empty}
      ${input.tag ? Prisma.sql`AND EXISTS (SELECT 1 FROM "StoryTag" st JOIN "Tag" t ON t.id = st."tagId" WHERE st."storyId" = s.id AND t.slug = ${input.tag})` : Prisma.empty}
      ORDER BY s."publishedAt" DESC
      LIMIT ${SEARCH_CANDIDATES}
    ),
    ranked AS (
      SELECT id, "publishedAt", ts_rank_cd(${RANK_WEIGHTS}::float4[], "searchVector", ${tsq})::float8 AS rank FROM candidates
    ),
    page AS (
      SELECT * FROM ranked
      ${after ? Prisma.sql`WHERE (rank, "publishedAt", id) < (${after.rank}::float8, ${after.publishedAt.toISOString()}::timestamp, ${after.id})` : Prisma.empty}
      ORDER BY rank DESC, "publishedAt" DESC, id DESC
      LIMIT ${limit + 1}
    )
    -- Snippets for this page only: ts_headline re-reads each whole story.
    SELECT page.id, page.rank, page."publishedAt",
      ts_headline('english', s.subtitle || E'\n\n' || s."bodyMarkdown", ${tsq}, ${HEADLINE_OPTIONS}) AS headline
    FROM page JOIN "Story" s ON s.id = page.id
    ORDER BY page.rank DESC, page."publishedAt" DESC, page.id DESC`;
  const pageHits = hits.slice(0, limit);
  const cards = pageHits.length ? await db.story.findMany({ where: { id: { in: pageHits.map((hit) => hit.id) }, ...publicWhere }, select: cardSelect }) : [];
  const cardById = new Map(cards.map((row) => [row.id, toCard(row)]));
  return {
    items: pageHits.flatMap((hit) => {
      const card = cardById.get(hit.id);
      return card ? [{ ...card, snippetHtml: snippetHtml(hit.headline) }] : [];
    }),
    nextCursor: hits.length > limit ? encodeSearchCursor(pageHits[pageHits.length - 1]) : null,
    suggestion: hits.length === 0 && !after ? await suggestTitle(q) : null,
  };
}

/** "Did you mean": the public title most like `q`, by trigram similarity. */
async function suggestTitle(q: string): Promise<string | null> {
  // `%` lets the trigram index on "title" answer, at the threshold each connection sets (lib/db.ts).
  const rows = await db.$queryRaw<{ title: string }[]>`
    SELECT s.title FROM "Story" s JOIN "User" u ON u.id = s."authorId"
    WHERE ${isPublic} AND s.title % ${q} AND similarity(s.title, ${q}) > ${TRIGRAM_SIMILARITY} AND lower(s.title) <> lower(${q})
    ORDER BY similarity(s.title, ${q}) DESC, s."publishedAt" DESC
    LIMIT 1`;
  return rows[0]?.title ?? null;
}

import "server-only";
import { db, Prisma } from "@/lib/db";

// The hand-added "searchVector" column (engagement_and_search migration): title (A), subtitle (B),
// tag names and creator name (C), body (D). Prisma does not model it, hence raw SQL.

type RawClient = Pick<Prisma.TransactionClient, "$executeRaw">;

/** Rebuilds the vectors of the stories `which` selects (a condition on `story`, in one statement). */
async function refreshSearchVectors(which: Prisma.Sql, client: RawClient = db): Promise<void> {
  await client.$executeRaw`
    UPDATE "Story" AS s SET "searchVector" =
      setweight(to_tsvector('english', s.title), 'A') ||
      setweight(to_tsvector('english', s.subtitle), 'B') ||
      setweight(to_tsvector('english', concat_ws(' ', doc."tagNames", doc."creatorName")), 'C') ||
      setweight(to_tsvector('english', s."bodyMarkdown"), 'D')
    FROM (
      SELECT story.id, creator.name AS "creatorName", string_agg(tag.name, ' ') AS "tagNames"
      FROM "Story" story
      JOIN "User" creator ON creator.id = story."authorId"
      LEFT JOIN "StoryTag" story_tag ON story_tag."storyId" = story.id
      LEFT JOIN "Tag" tag ON tag.id = story_tag."tagId"
      WHERE ${which}
      GROUP BY story.id, creator.name
    ) AS doc
    WHERE s.id = doc.id`;
}

/** The data layer only, after it saves a story (drafts too, so publishing needs nothing more). */
export function refreshSearchVector(storyId: string): Promise<void> {
  return refreshSearchVectors(Prisma.sql`story.id = ${storyId}`);
}

/** The data layer only, after a creator's name changes: the name is in each of their stories' vectors. */
export function refreshCreatorSearchVectors(creatorId: string): Promise<void> {
  return refreshSearchVectors(Prisma.sql`story."authorId" = ${creatorId}`);
}

/** Seeding and maintenance only: every story, in the caller's transaction when given one. */
export function refreshAllSearchVectors(client?: RawClient): Promise<void> {
  return refreshSearchVectors(Prisma.sql`TRUE`, client);
}

/** Seeding at scale only: the stories with these ids (a batch at a time keeps each statement short). */
export function refreshSearchVectorsOf(storyIds: string[], client?: RawClient): Promise<void> {
  return refreshSearchVectors(Prisma.sql`story.id = ANY(${storyIds})`, client);
}

import { z } from "zod";

/** Where a page of search results ended: the last result's sort key (rank, publishedAt, id). */
export type SearchCursor = { rank: number; publishedAt: Date; id: string };

const cursorSchema = z.tuple([z.number().finite(), z.number().int().min(0).max(8.64e15), z.string().min(1).max(64)]);

/** Opaque to the client: base64url of the sort key. JSON keeps the rank's float exact. */
export function encodeSearchCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify([cursor.rank, cursor.publishedAt.getTime(), cursor.id])).toString("base64url");
}

/** The cursor a previous page handed out, or null for anything else (tampered, truncated, junk). */
export function decodeSearchCursor(value: string): SearchCursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const [rank, publishedAt, id] = parsed.data;
    return { rank, publishedAt: new Date(publishedAt), id };
  } catch {
    return null; // not JSON
  }
}

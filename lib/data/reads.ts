import "server-only";
import { db } from "@/lib/db";

/**
 * Anyone (the read beacon): counts a read of a published story once per reader key per day.
 * Returns whether this read counted.
 */
export async function recordRead(storyId: string, readerKey: string, day: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const story = await tx.story.findFirst({ where: { id: storyId, status: "PUBLISHED" }, select: { id: true } });
    if (!story) return false;
    const { count } = await tx.storyRead.createMany({ data: [{ storyId, day, readerKey }], skipDuplicates: true });
    if (count) await tx.story.update({ where: { id: storyId }, data: { readCount: { increment: 1 } } });
    return count > 0;
  });
}

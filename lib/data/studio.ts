import "server-only";
import { db } from "@/lib/db";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";

export const READ_CHART_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;
const utcMidnight = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));

/**
 * The author only: reads per UTC day over the last `days` days (oldest first, today last) for
 * each of their stories that had any. One grouped query for all of them.
 */
export async function getMyDailyReads(viewer: Viewer | null, { days = READ_CHART_DAYS, now = new Date() }: { days?: number; now?: Date } = {}): Promise<Map<string, number[]>> {
  const me = requirePermission(viewer, "story:write");
  const today = utcMidnight(now);
  const first = new Date(today.getTime() - (days - 1) * DAY_MS);
  const groups = await db.storyRead.groupBy({
    by: ["storyId", "day"],
    where: { day: { gte: first, lte: today }, story: { authorId: me.id } },
    _count: { _all: true },
  });
  const series = new Map<string, number[]>();
  for (const group of groups) {
    const index = Math.round((utcMidnight(group.day).getTime() - first.getTime()) / DAY_MS);
    if (index < 0 || index >= days) continue;
    let counts = series.get(group.storyId);
    if (!counts) series.set(group.storyId, (counts = Array(days).fill(0)));
    counts[index] += group._count._all;
  }
  return series;
}

import "server-only";
import { db, type Prisma } from "@/lib/db";
import { getSiteSettings } from "@/lib/data/settings";
import { isStaff } from "@/lib/auth/permissions";

type Client = Prisma.TransactionClient | typeof db;

const DAY = 24 * 60 * 60 * 1000;

/** Stories that went live (approved, or published by a then-trusted creator) and were not removed by staff. */
const liveStory = { publishedAt: { not: null }, status: { not: "REMOVED" } } as const satisfies Prisma.StoryWhereInput;

function liveStoriesWhere(userId: string) {
  return { authorId: userId, ...liveStory };
}

/**
 * Whether a user is new for spam limits: an account under 24 hours old, or one with no story that
 * ever went live.
 */
export async function isNewAccount(client: Client, userId: string): Promise<boolean> {
  return (await newAccounts(client, [userId])).has(userId);
}

/** Which of `userIds` are new accounts (see isNewAccount), in one query. */
export async function newAccounts(client: Client, userIds: string[]): Promise<Set<string>> {
  const ids = [...new Set(userIds)];
  const established = await client.user.findMany({
    where: { id: { in: ids }, createdAt: { lte: new Date(Date.now() - DAY) }, stories: { some: liveStory } },
    select: { id: true },
  });
  const old = new Set(established.map((u) => u.id));
  return new Set(ids.filter((id) => !old.has(id)));
}

/**
 * Whether a creator publishes without review. Staff do; an admin's override decides when set;
 * otherwise an account over 24 hours old with the settings' number of live stories and no
 * restriction (other than a warning or one overturned on appeal) in the settings' number of days.
 */
export async function isTrusted(client: Client, userId: string): Promise<boolean> {
  const user = await client.user.findUnique({ where: { id: userId }, select: { role: true, trustOverride: true, createdAt: true } });
  if (!user) return false;
  if (isStaff(user)) return true;
  if (user.trustOverride !== null) return user.trustOverride;
  if (Date.now() - user.createdAt.getTime() < DAY) return false;
  const settings = await getSiteSettings(client);
  const [live, violations] = await Promise.all([
    client.story.count({ where: liveStoriesWhere(userId), take: settings.trustApprovedStories }),
    client.restriction.count({
      where: { userId, kind: { not: "WARNING" }, overturnedAt: null, createdAt: { gt: new Date(Date.now() - settings.trustCleanDays * DAY) } },
      take: 1,
    }),
  ]);
  return live >= settings.trustApprovedStories && violations === 0;
}

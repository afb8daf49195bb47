import "server-only";
import { Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { TRANSITIONS, type ClearedField, type LifecycleActor, type Transition, type TransitionName } from "@/lib/domain/story-status";

// The only way lib/data changes a story's status: the where names the statuses the table allows
// the transition from (so check and write are one step), the data writes the status after it and
// clears what the table says it clears.

const clearedValue: Record<ClearedField, null | typeof Prisma.DbNull> = {
  submittedAt: null,
  scheduledAt: null,
  reviewReason: null,
  reviewNotes: Prisma.DbNull,
  reviewClaimedById: null,
  reviewClaimedAt: null,
};

function transition(name: TransitionName, actor: LifecycleActor): Transition {
  const t: Transition = TRANSITIONS[name];
  // A programming error, not a user's: the data layer decides the actor before it gets here.
  if (!t.by.includes(actor)) throw new AppError("FORBIDDEN", "You can't do that to this story.");
  return t;
}

/** The story as the transition needs it to be: one of its `from` statuses (and published before, or not), plus `extra`. */
export function transitionWhere(name: TransitionName, actor: LifecycleActor, storyId: string | { in: string[] }, extra: Prisma.StoryWhereInput = {}): Prisma.StoryWhereInput {
  const t = transition(name, actor);
  const published = t.when === "neverPublished" ? { slug: null } : t.when === "everPublished" ? { slug: { not: null } } : {};
  return { AND: [extra, { id: storyId, status: { in: [...t.from] }, ...published }] };
}

/** What the transition writes: its status (unless it keeps it), its clearings, then `data`. */
export function transitionData(name: TransitionName, data: Prisma.StoryUncheckedUpdateManyInput = {}): Prisma.StoryUncheckedUpdateManyInput {
  const t: Transition = TRANSITIONS[name];
  const cleared = Object.fromEntries(t.clears.map((field) => [field, clearedValue[field]]));
  return { ...cleared, ...data, ...(t.to === "same" ? {} : { status: t.to }) };
}

/** A guarded write found 0 rows: someone (another tab, a moderator, the scheduler) changed the story first. */
export function changedMeanwhile(): AppError {
  return new AppError("CONFLICT", "This story changed meanwhile (in another tab, or by a moderator). Reload it to see where it is now.");
}

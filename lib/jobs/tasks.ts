import "server-only";
import { z } from "zod";
import { sendQueuedEmail } from "@/lib/data/email";
import { fanOutNewStory } from "@/lib/data/email-notifications";
import { queueWeeklyDigests } from "@/lib/data/email-digest";
import { carryOutAccountDeletion } from "@/lib/data/account-deletion";
import { runImport, stopImport } from "@/lib/data/imports";
import { changeTags, expireTagsFromRoute } from "@/lib/cache/tags";

/**
 * What each queued job does (the sweep is app/api/sweep). Called by app/api/jobs/[task] for this
 * process's worker; a result with `changes` (lib/cache/tags.ts) has those pages expired by the route.
 */
/** Which try this is: `lastAttempt` when the queue won't try the job again after a failure. */
export type JobRun = { lastAttempt: boolean };

export const jobTasks: Record<string, (payload: Record<string, unknown>, run: JobRun) => Promise<unknown>> = {
  "send-email": (payload) => sendQueuedEmail(z.string().parse(payload.key)),
  // From the queue's schedule (lib/jobs/worker.ts): graphile-worker adds when it was due.
  "weekly-digest": (payload) => queueWeeklyDigests(new Date(z.object({ ts: z.string() }).optional().parse(payload._cron)?.ts ?? Date.now())),
  // Added when the member asked, due at the end of the grace period (lib/data/account-deletion.ts).
  "delete-account": (payload) => carryOutAccountDeletion(z.string().parse(payload.userId)),
  "new-story-fan-out": (payload) => fanOutNewStory(z.string().parse(payload.storyId), z.string().optional().parse(payload.after)),
  // A creator's import (lib/data/imports.ts); the stories it put live show at once. After its last
  // failed try it ends "Stopped" on its page, rather than "Importing" for ever.
  "import-stories": async (payload, { lastAttempt }) => {
    const importId = z.string().parse(payload.importId);
    let changes;
    try {
      changes = await runImport(importId);
    } catch (error) {
      if (!lastAttempt) throw error;
      console.error(`[queue] import ${importId} failed on its last try, stopped:`, error);
      await stopImport(importId);
      return { stopped: true };
    }
    expireTagsFromRoute(...changeTags(changes));
    return { stories: changes.stories?.length ?? 0 };
  },
};

import "server-only";
import { z } from "zod";
import { sendQueuedEmail } from "@/lib/data/email";

/** What each queued job does (the sweep is app/api/sweep). Called by app/api/jobs/[task] for this process's worker. */
export const jobTasks: Record<string, (payload: Record<string, unknown>) => Promise<unknown>> = {
  "send-email": (payload) => sendQueuedEmail(z.string().parse(payload.key)),
};

// Runs the queue's waiting jobs once, in this process, with the same task functions the app's
// /api/jobs route calls (lib/jobs/tasks.ts): the real graphile-worker taking real rows.
import { runOnce, Logger, type JobHelpers, type TaskList } from "graphile-worker";
import { jobTasks } from "@/lib/jobs/tasks";

const silent = new Logger(() => () => {});

export async function runQueuedJobs() {
  const taskList: TaskList = Object.fromEntries(
    Object.entries(jobTasks).map(([name, run]) => [name, async (payload: unknown, helpers: JobHelpers) => void (await run(payload as Record<string, unknown>, { lastAttempt: helpers.job.attempts >= helpers.job.max_attempts }))]),
  );
  await runOnce({ connectionString: process.env.DATABASE_URL!, taskList, logger: silent });
}

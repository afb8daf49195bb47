import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The queue's tasks (SQL on the queue's tables, so in the data layer); lib/jobs/worker.ts runs each through POST /api/jobs/<task> (app/api/jobs). */
export type TaskName = "send-email" | "new-story-fan-out" | "weekly-digest" | "sweep" | "delete-account" | "import-stories";

export type JobOptions = {
  /** One job per key: adding a key that is already waiting does not add a second job. */
  jobKey?: string;
  runAt?: Date;
  /** Tries before the job stays on the dead-letter list (/admin/mail); default 10. */
  maxAttempts?: number;
  /** Lower runs first among jobs that are due (JOB_PRIORITY); default 0. */
  priority?: number;
};

/**
 * The queue takes due jobs by priority, then by due time. An email someone is waiting for at the
 * screen (a reset link) must not queue behind a 10,000-follower newsletter, and a fan-out page
 * (which only queues emails) must not wait behind the emails the previous page queued.
 */
export const JOB_PRIORITY = { fanOut: -20, accountEmail: -10, normal: 0, bulkEmail: 10 } as const;

/**
 * Adds a job in the caller's transaction (graphile-worker's `add_job`), so the job exists exactly
 * when the event that caused it committed: a rolled-back comment queues nothing, and a process
 * that dies after the commit loses nothing (any process's worker takes the job).
 */
export async function addJob(tx: Prisma.TransactionClient, task: TaskName, payload: Record<string, unknown>, options: JobOptions = {}) {
  await tx.$executeRaw`select graphile_worker.add_job(
    ${task}::text,
    ${JSON.stringify(payload)}::json,
    run_at => ${options.runAt ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? 10}::int,
    job_key => ${options.jobKey ?? null}::text,
    job_key_mode => 'preserve_run_at',
    priority => ${options.priority ?? JOB_PRIORITY.normal}::int
  )`;
}

export type DeadJob = { id: string; task: string; attempts: number; lastError: string | null; payload: string; createdAt: Date; updatedAt: Date };

/** The client or a transaction: anything that runs SQL. */
type Sql = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

/** Jobs that used every attempt, newest first (the dead-letter list). */
export async function listDeadJobs(client: Sql, limit = 100): Promise<DeadJob[]> {
  const rows = await client.$queryRaw<{ id: bigint; task_identifier: string; attempts: number; last_error: string | null; payload: unknown; created_at: Date; updated_at: Date }[]>`
    select j.id, j.task_identifier, j.attempts, j.last_error, p.payload, j.created_at, j.updated_at
    from graphile_worker.jobs j join graphile_worker._private_jobs p on p.id = j.id
    where j.attempts >= j.max_attempts and j.locked_at is null
    order by j.updated_at desc limit ${limit}`;
  return rows.map((r) => ({ id: String(r.id), task: r.task_identifier, attempts: r.attempts, lastError: r.last_error, payload: JSON.stringify(r.payload), createdAt: r.created_at, updatedAt: r.updated_at }));
}

/** Gives a dead job a fresh set of attempts, now. */
export async function retryDeadJob(client: Sql, id: string) {
  await client.$executeRaw`select graphile_worker.reschedule_jobs(array[${BigInt(id)}]::bigint[], run_at => now(), attempts => 0)`;
}

// This process's worker for the job queue (graphile-worker, tables in PostgreSQL): started by
// instrumentation.ts once the server answers. Every app process runs one; each job is taken by
// exactly one of them (row locks), so N processes send each email and run each sweep once.
//
// A task here does no work itself: it hands the job to this process's own route, POST
// /api/jobs/<task> (or /api/sweep), so the work runs inside Next's request context (it can expire
// cached pages) and in the server layer where the data layer lives. A non-2xx answer fails the
// job, and the queue retries it with exponential backoff until its attempts run out (the
// dead-letter list at /admin/mail). No import here may be server-only (see lib/sweep-token.ts).
import type { Runner, Task } from "graphile-worker";

type WorkerOptions = { databaseUrl: string; port: string; token: string; sweepSeconds: number };

const holder = globalThis as typeof globalThis & { __storyhouseWorker?: Promise<Runner> };

export function startWorker(options: WorkerOptions): Promise<Runner> {
  holder.__storyhouseWorker ??= start(options);
  return holder.__storyhouseWorker;
}

async function start({ databaseUrl, port, token, sweepSeconds }: WorkerOptions): Promise<Runner> {
  const { run, Logger } = await import("graphile-worker");
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: "POST", headers: { "x-sweep-token": token, "content-type": "application/json" }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
  };
  const viaRoute = (task: string): Task => async (payload, helpers) => {
    await post(`/api/jobs/${task}`, { payload, attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts });
  };
  const nextSweep = () => ({ jobKey: "sweep", jobKeyMode: "preserve_run_at" as const, runAt: new Date(Date.now() + sweepSeconds * 1000), maxAttempts: 1 });
  const runner = await run({
    connectionString: databaseUrl,
    concurrency: 4,
    maxPoolSize: 6,
    pollInterval: 1000,
    // Schedules: graphile-worker runs each due time once across every process (and catches up
    // a run missed by up to a day while no process was up).
    crontab: "0 8 * * 1 weekly-digest ?fill=1d&max=1",
    // Next handles the process's signals; a job cut short by a stop is retried by another process.
    noHandleSignals: true,
    logger: new Logger(() => (level, message) => {
      if (level === "error" || level === "warning") console.warn(`[queue] ${message}`);
    }),
    taskList: {
      "send-email": viaRoute("send-email"),
      "new-story-fan-out": viaRoute("new-story-fan-out"),
      "weekly-digest": viaRoute("weekly-digest"),
      "delete-account": viaRoute("delete-account"),
      "import-stories": viaRoute("import-stories"),
      // The time-based work (app/api/sweep). Each run first queues the next one, keyed "sweep" so
      // that however many processes do this there is one waiting sweep, then does the work.
      sweep: async (_payload, helpers) => {
        if (sweepSeconds > 0) await helpers.addJob("sweep", {}, nextSweep());
        await post("/api/sweep", {});
      },
    },
  });
  // Starts the chain if no process has (a key already waiting keeps its time).
  if (sweepSeconds > 0) await runner.addJob("sweep", {}, nextSweep());
  runner.promise.catch((error) => console.error("[queue] the worker stopped:", error));
  return runner;
}

import { z } from "zod";
import { isSweepRequest } from "@/lib/sweep-token";
import { jobTasks } from "@/lib/jobs/tasks";
import { changeTags, expireTagsFromRoute, type Changes } from "@/lib/cache/tags";

// The worker says which try this is (graphile-worker counts the one running).
const bodySchema = z.object({ payload: z.record(z.string(), z.unknown()), attempt: z.number().int().optional(), maxAttempts: z.number().int().optional() });

/**
 * One job from the queue, run by this process's own worker (lib/jobs/worker.ts); nobody else may
 * call it. 200: done. Anything else fails the job, which the queue retries with backoff.
 */
export async function POST(request: Request, { params }: { params: Promise<{ task: string }> }) {
  if (!isSweepRequest(request)) return Response.json({ error: "Not allowed" }, { status: 403 });
  const task = Object.hasOwn(jobTasks, (await params).task) ? jobTasks[(await params).task] : undefined;
  if (!task) return Response.json({ error: "Unknown task" }, { status: 404 });
  const { payload, attempt, maxAttempts } = bodySchema.parse(await request.json());
  try {
    const result = await task(payload, { lastAttempt: attempt !== undefined && maxAttempts !== undefined && attempt >= maxAttempts });
    // A job that changed public pages (an account deleted) says which.
    if (result && typeof result === "object" && "changes" in result) expireTagsFromRoute(...changeTags(result.changes as Changes));
    return Response.json({ result: result ?? null }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error(`[queue] ${(await params).task} failed:`, error);
    return Response.json({ error: String((error as Error)?.message ?? error) }, { status: 500, headers: { "cache-control": "no-store" } });
  }
}

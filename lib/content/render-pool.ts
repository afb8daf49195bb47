// Rendering Markdown off the request thread: a small pool of worker threads (piscina), each with
// its own heap limit, and a time limit per task. An input the structure checks let through but
// that is still too costly ends one worker (the pool starts another), never the server: before
// this, one 10 KB autosave of `>` × 10,000 took the whole process down (docs/security.md).
import path from "node:path";
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";

export type RenderKind = "story" | "comment";
/** `wordCount` (of a story) is counted in the worker too, off the request thread. */
export type PoolRender = { ok: true; html: string; wordCount: number; measured?: { ms: number; heapUsed: number } } | { ok: false; reason: "tooComplex" | "busy" };

/**
 * Each worker's heap; a render that needs more ends its worker. Measured (scripts/bench-render.ts,
 * heap in use after the render, garbage included): about 35 MB for 100 KB of prose, at most
 * about 50 MB for the largest accepted hostile shape (link definitions and their uses).
 */
export const RENDER_HEAP_MB = 64;
/**
 * Running time allowed per render. Accepted input renders in about as long as plain prose of the
 * same size (scripts/bench-render.ts), well under a second for the largest story on a quiet machine
 * (10 s seen for a 100 KB story with this machine's two cores under a load average of 30). The limit only has to
 * stop what the checks missed (minutes of work), never real writing on a loaded machine.
 */
export const RENDER_TIMEOUT_MS = 20_000;
/** Time a render may wait for a free worker before the save is refused as busy. */
const QUEUE_TIMEOUT_MS = 40_000;
const MAX_QUEUE = 256;

// A plain .mjs file on disk, found from the project folder: under `next start` the TypeScript is
// bundled into .next, but this file is not, so it must be read from where it is.
const WORKER_FILE = path.join(process.cwd(), "lib", "content", "markdown-pipeline.mjs");

type PoolState = { pool: Piscina; onStart: Map<number, () => void>; nextId: number; workersStarted: number; workersEnded: number };
const globalForPool = globalThis as unknown as { storyhouseRenderPool?: PoolState };

function poolState(): PoolState {
  if (globalForPool.storyhouseRenderPool) return globalForPool.storyhouseRenderPool;
  const pool = new Piscina({
    filename: WORKER_FILE,
    minThreads: 1,
    maxThreads: Math.max(1, Math.min(4, availableParallelism())),
    idleTimeout: 60_000,
    maxQueue: MAX_QUEUE,
    resourceLimits: { maxOldGenerationSizeMb: RENDER_HEAP_MB, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
  });
  const state: PoolState = { pool, onStart: new Map(), nextId: 0, workersStarted: 0, workersEnded: 0 };
  pool.on("message", (message: { renderStarted?: number }) => {
    if (typeof message?.renderStarted === "number") state.onStart.get(message.renderStarted)?.();
  });
  pool.on("workerCreate", () => state.workersStarted++);
  pool.on("workerDestroy", () => state.workersEnded++);
  // A worker that dies between tasks: piscina replaces it; nothing to answer.
  pool.on("error", (error) => console.error("[render pool]", error));
  globalForPool.storyhouseRenderPool = state;
  return state;
}

/** How many workers the pool has started and ended so far (a crashed or timed-out one is ended and replaced). */
export function renderWorkerCounts(): { started: number; ended: number } {
  const state = globalForPool.storyhouseRenderPool;
  return { started: state?.workersStarted ?? 0, ended: state?.workersEnded ?? 0 };
}

/**
 * Renders in a worker. Answers `tooComplex` when the render ran out of time, memory or stack
 * (its worker is replaced), `busy` when no worker was free in time; throws only for a fault of
 * the pool itself (the worker file missing, say).
 */
export async function renderInPool(kind: RenderKind, markdown: string, { timeoutMs = RENDER_TIMEOUT_MS, measure = false } = {}): Promise<PoolRender> {
  const state = poolState();
  const id = ++state.nextId;
  const controller = new AbortController();
  let running = false;
  let runTimer: NodeJS.Timeout | undefined;
  state.onStart.set(id, () => {
    running = true;
    runTimer = setTimeout(() => controller.abort(), timeoutMs);
  });
  const queueTimer = setTimeout(() => controller.abort(), QUEUE_TIMEOUT_MS);
  try {
    const result: { html?: string; wordCount?: number; tooComplex?: boolean; ms?: number; heapUsed?: number } = await state.pool.run({ id, kind, markdown, measure }, { signal: controller.signal });
    if (typeof result.html !== "string") return { ok: false, reason: "tooComplex" };
    const rendered = { ok: true as const, html: result.html, wordCount: result.wordCount ?? 0 };
    return measure ? { ...rendered, measured: { ms: result.ms ?? 0, heapUsed: result.heapUsed ?? 0 } } : rendered;
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, reason: running ? "tooComplex" : "busy" };
    if (isQueueFull(error)) return { ok: false, reason: "busy" };
    // The worker ran out of memory (ERR_WORKER_OUT_OF_MEMORY) or exited mid-task: piscina has
    // already removed it and started another.
    if (isWorkerDeath(error)) return { ok: false, reason: "tooComplex" };
    throw error;
  } finally {
    clearTimeout(runTimer);
    clearTimeout(queueTimer);
    state.onStart.delete(id);
  }
}

function isQueueFull(error: unknown) {
  return error instanceof Error && /queue is at limit/i.test(error.message);
}

function isWorkerDeath(error: unknown) {
  const code = (error as { code?: string } | null)?.code;
  return code === "ERR_WORKER_OUT_OF_MEMORY" || (error instanceof Error && /worker exited|terminated/i.test(error.message));
}

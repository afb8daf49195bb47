import "server-only";

/** One item's outcome in a batch: its value, or the error its caller should see. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A call that waited longer than `maxWaitMs` for a batch to take it: the database is too slow right now (answered 503). */
export class BatchWaitTimeout extends Error {
  constructor(waitedMs: number) {
    super(`Timed out after ${waitedMs} ms waiting for the database`);
    this.name = "BatchWaitTimeout";
  }
}

type Options = {
  /** The most items one run takes. */
  maxBatch?: number;
  /** How many runs may be in progress at once (each takes its own connection). */
  concurrency?: number;
  /** How long a call may wait for a run to take it before it fails with BatchWaitTimeout. */
  maxWaitMs?: () => number;
};

/**
 * Internal (data layer): calls that arrive while `concurrency` batches are running wait and go
 * together in the next one (up to `maxBatch`). Under load many requests then share one query's
 * round trip (the viewer lookup) or one transaction and one commit (group commit: new comments);
 * a call that finds a free slot starts at once, and every batch's queries start after its
 * callers arrived, so nothing read is older than the request. A call that waits longer than
 * `maxWaitMs` (a slow database) fails with BatchWaitTimeout instead of queueing without end.
 * `run` answers one outcome per item, in order; if it throws, every item in its batch fails
 * with that error.
 */
export function batched<I, O>(run: (items: I[]) => Promise<Settled<O>[]>, { maxBatch = 100, concurrency = 1, maxWaitMs }: Options = {}): (item: I) => Promise<O> {
  type Waiting = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void; timer?: ReturnType<typeof setTimeout> };
  const waiting: Waiting[] = [];
  let running = 0;

  async function drain() {
    running++;
    while (waiting.length) {
      const batch = waiting.splice(0, maxBatch);
      for (const w of batch) clearTimeout(w.timer);
      const outcomes = await run(batch.map((w) => w.item)).catch((error: unknown) => batch.map((): Settled<O> => ({ ok: false, error })));
      batch.forEach((w, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok) w.resolve(outcome.value);
        else w.reject(outcome ? outcome.error : new Error("batched: no outcome for an item"));
      });
    }
    running--;
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      const entry: Waiting = { item, resolve, reject };
      waiting.push(entry);
      if (running < concurrency) void drain();
      else if (maxWaitMs) {
        const ms = maxWaitMs();
        entry.timer = setTimeout(() => {
          const at = waiting.indexOf(entry);
          if (at < 0) return;
          waiting.splice(at, 1);
          reject(new BatchWaitTimeout(ms));
        }, ms);
        entry.timer.unref?.();
      }
    });
}

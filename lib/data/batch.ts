import "server-only";

/** One item's outcome in a batch: its value, or the error its caller should see. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Internal (data layer): calls that arrive while a batch is running wait and go together in the
 * next one (up to `maxBatch`). Under load many requests then share one query's round trip (the
 * viewer lookup) or one transaction and one commit (group commit: new comments); a lone call
 * starts at once and waits for nothing, and every batch's queries start after its callers
 * arrived, so nothing read is older than the request. `run` answers one outcome per item, in
 * order; if it throws, every item in the batch fails with that error. One batch runs at a time
 * per process.
 */
export function batched<I, O>(run: (items: I[]) => Promise<Settled<O>[]>, { maxBatch = 100 } = {}): (item: I) => Promise<O> {
  const waiting: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];
  let writing = false;

  async function drain() {
    writing = true;
    while (waiting.length) {
      const batch = waiting.splice(0, maxBatch);
      const outcomes = await run(batch.map((w) => w.item)).catch((error: unknown) => batch.map((): Settled<O> => ({ ok: false, error })));
      batch.forEach((w, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok) w.resolve(outcome.value);
        else w.reject(outcome ? outcome.error : new Error("group commit: no outcome for an item"));
      });
    }
    writing = false;
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!writing) void drain();
    });
}

import { describe, expect, it } from "vitest";
import { BatchWaitTimeout, batched, type Settled } from "@/lib/data/batch";

function recorder() {
  const batches: number[][] = [];
  let release: () => void = () => {};
  const run = batched(async (items: number[]): Promise<Settled<number>[]> => {
    batches.push(items);
    if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
    return items.map((n) => (n < 0 ? { ok: false, error: new Error(`negative ${n}`) } : { ok: true, value: n * 10 }));
  }, { maxBatch: 3 });
  return { batches, run, release: () => release() };
}

describe("batched", () => {
  it("runs a lone call at once, and groups the calls that arrive meanwhile (up to maxBatch)", async () => {
    const { batches, run, release } = recorder();
    const first = run(1);
    const rest = [2, 3, -4, 5].map((n) => run(n).catch((e: Error) => e.message));
    expect(batches).toEqual([[1]]);
    release();
    expect(await first).toBe(10);
    expect(await Promise.all(rest)).toEqual([20, 30, "negative -4", 50]);
    expect(batches).toEqual([[1], [2, 3, -4], [5]]);
  });

  it("fails every call in a batch whose run throws, and keeps serving afterwards", async () => {
    let fail = true;
    const run = batched(async (items: string[]): Promise<Settled<string>[]> => {
      if (fail) throw new Error("database gone");
      return items.map((s) => ({ ok: true, value: s.toUpperCase() }));
    });
    await expect(Promise.all([run("a"), run("b")])).rejects.toThrow("database gone");
    fail = false;
    expect(await Promise.all([run("c"), run("d")])).toEqual(["C", "D"]);
  });

  it("runs up to `concurrency` batches at once", async () => {
    const started: number[][] = [];
    const releases: (() => void)[] = [];
    const run = batched(async (items: number[]): Promise<Settled<number>[]> => {
      started.push(items);
      await new Promise<void>((resolve) => releases.push(resolve));
      return items.map((n) => ({ ok: true, value: n }));
    }, { concurrency: 2 });
    const all = [1, 2, 3, 4].map((n) => run(n));
    expect(started).toEqual([[1], [2]]);
    releases.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual([[1], [2], [3, 4]]);
    releases.forEach((release) => release());
    expect(await Promise.all(all)).toEqual([1, 2, 3, 4]);
  });

  it("fails a call that waits longer than maxWaitMs for a batch, and never runs it", async () => {
    const ran: string[] = [];
    let release: () => void = () => {};
    const run = batched(async (items: string[]): Promise<Settled<string>[]> => {
      ran.push(...items);
      if (items.includes("slow")) await new Promise<void>((resolve) => (release = resolve));
      return items.map((s) => ({ ok: true, value: s }));
    }, { maxWaitMs: () => 20 });
    const slow = run("slow");
    const waiting = run("waits");
    await expect(waiting).rejects.toBeInstanceOf(BatchWaitTimeout);
    release();
    expect(await slow).toBe("slow");
    expect(ran).toEqual(["slow"]);
    expect(await run("later")).toBe("later");
  });
});

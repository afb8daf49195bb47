// The app supervisor of `npm start` (scripts/lib/supervise.mjs) with a tiny stand-in app: a Node
// HTTP server, or a process that dies at once. The real script is run in
// tests/e2e/security-crash-restart.spec.ts.
import { afterEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { supervise } from "../../scripts/lib/supervise.mjs";
import { freePort } from "../helpers/free-port";

type Supervisor = ReturnType<typeof supervise>;
const running: Supervisor[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop("SIGKILL")));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const answers = (port: number) => fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false);

function start(script: string, options: Partial<Parameters<typeof supervise>[0]> = {}) {
  const logs: string[] = [];
  const starts: number[] = [];
  const supervisor = supervise({
    start: () => spawn(process.execPath, ["-e", script], { stdio: ["ignore", "ignore", "pipe"] }),
    log: (m: string) => logs.push(m),
    onStart: () => starts.push(performance.now()),
    ...options,
  });
  running.push(supervisor);
  return { supervisor, logs, starts };
}

describe("the app supervisor", { timeout: 40_000 }, () => {
  it("starts a killed app again within 5 s, saying why it stopped", async () => {
    const port = await freePort();
    const { supervisor, logs } = start(`require("node:http").createServer((q, s) => s.end("ok")).listen(${port}, "127.0.0.1")`);
    await expect.poll(() => answers(port), { timeout: 5_000 }).toBe(true);
    const first = supervisor.child.pid;

    const killedAt = performance.now();
    process.kill(first!, "SIGKILL");
    await expect.poll(() => supervisor.child.pid !== first && answers(port), { timeout: 5_000, interval: 50 }).toBe(true);
    const downFor = performance.now() - killedAt;
    console.log(`[supervise] answering again ${Math.round(downFor)} ms after SIGKILL`);
    expect(downFor).toBeLessThan(5_000);
    expect(supervisor.restarts).toBe(1);
    expect(logs.join("\n")).toMatch(/the app was killed by SIGKILL \(crash 1 in a row\)/);
    expect(logs.join("\n")).toMatch(/starting the app again in 0\.0 s/);
  });

  it("backs off on crashes in a row (doubling, capped) and logs the exit code with the last error lines", async () => {
    const { supervisor, logs, starts } = start(`console.error("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"); process.exit(134)`, {
      firstDelayMs: 100,
      maxDelayMs: 400,
    });
    await expect.poll(() => starts.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(6);
    await supervisor.stop();
    const gaps = starts.slice(1, 6).map((t, i) => t - starts[i]);
    // At once, then 100, 200, 400, 400 ms, plus the time a Node process takes to start and die (no
    // upper bound: that time is the machine's, seconds on a busy one; the logged delays follow).
    [0, 100, 200, 400, 400].forEach((delay, i) => expect(gaps[i]).toBeGreaterThanOrEqual(delay - 5));
    expect(logs.find((m) => m.includes("crash 1 in a row"))).toMatch(/exited with code 134 .*\n\s+FATAL ERROR: Reached heap limit/);
    expect(logs.filter((m) => m.startsWith("starting the app again")).slice(0, 4)).toEqual([
      "starting the app again in 0.0 s; the database keeps running",
      "starting the app again in 0.1 s; the database keeps running",
      "starting the app again in 0.2 s; the database keeps running",
      "starting the app again in 0.4 s; the database keeps running",
    ]);
  });

  it("starts over from the shortest delay after a run that stayed up long enough", async () => {
    const { supervisor, logs, starts } = start(`setTimeout(() => process.exit(1), 300)`, { firstDelayMs: 100, maxDelayMs: 400, healthyMs: 200 });
    await expect.poll(() => starts.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    await supervisor.stop();
    expect(logs.filter((m) => m.startsWith("starting the app again")).slice(0, 3)).toEqual(Array(3).fill("starting the app again in 0.0 s; the database keeps running"));
  });

  it("a requested stop passes the signal on and never restarts", async () => {
    const port = await freePort();
    const { supervisor } = start(`require("node:http").createServer((q, s) => s.end("ok")).listen(${port}, "127.0.0.1"); process.on("SIGTERM", () => process.exit(143))`);
    await expect.poll(() => answers(port), { timeout: 5_000 }).toBe(true);
    expect(await supervisor.stop("SIGTERM")).toEqual({ code: 143, signal: null });
    await sleep(1_500);
    expect(supervisor.restarts).toBe(0);
    expect(await answers(port)).toBe(false);
  });

  it("a stop while waiting to restart cancels the restart", async () => {
    const { supervisor, starts } = start(`process.exit(1)`, { firstDelayMs: 1_000 });
    await expect.poll(() => supervisor.restarts, { timeout: 5_000 }).toBe(2);
    expect(await supervisor.stop()).toEqual({ code: null, signal: null });
    await sleep(1_300);
    expect(starts).toHaveLength(2);
  });
});

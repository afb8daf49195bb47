// Keeps the app process running: `npm start` owns the embedded database, and a crashed app (out of
// heap, an uncaught error, a stray SIGKILL) must never take the database with it or leave the site
// down. A crash after a healthy run is restarted at once (Next takes a few seconds to boot, and the
// site should answer again within 5 s); crashes in a row wait 1 s, 2 s, 4 s … up to 30 s, and the
// count starts over once a run has stayed up for a minute.

const STDERR_LINES = 20;

/**
 * Starts `start()` (which must return a ChildProcess whose stderr is piped, or not) and restarts it
 * whenever it exits without `stop()` having been called.
 * @param {object} options
 * @param {() => import("node:child_process").ChildProcess} options.start
 * @param {(message: string) => void} [options.log]
 * @param {number} [options.firstDelayMs] the delay after the second crash in a row (the first restarts at once); it doubles from there
 * @param {number} [options.maxDelayMs] the longest delay between restarts
 * @param {number} [options.healthyMs] a run this long resets the delay
 * @param {(child: import("node:child_process").ChildProcess) => void} [options.onStart] called with each new process
 */
export function supervise({ start, log = (m) => console.log(`[start] ${m}`), firstDelayMs = 1_000, maxDelayMs = 30_000, healthyMs = 60_000, onStart = () => {} }) {
  let child;
  let stopping = false;
  let crashesInARow = 0;
  let timer;
  let restarts = 0;
  let resolveStopped;
  const stopped = new Promise((resolve) => (resolveStopped = resolve));

  function run() {
    const startedAt = performance.now();
    const stderrTail = [];
    child = start();
    onStart(child);
    // The app's errors still reach the terminal; the last lines are kept to say why it died.
    child.stderr?.on("data", (chunk) => {
      process.stderr.write(chunk);
      stderrTail.push(...chunk.toString().split("\n").filter((line) => line.trim()));
      stderrTail.splice(0, Math.max(0, stderrTail.length - STDERR_LINES));
    });
    child.once("exit", (code, signal) => {
      if (stopping) return resolveStopped({ code, signal });
      if (performance.now() - startedAt >= healthyMs) crashesInARow = 0;
      const delay = crashesInARow === 0 ? 0 : Math.min(firstDelayMs * 2 ** (crashesInARow - 1), maxDelayMs);
      crashesInARow++;
      restarts++;
      const cause = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const tail = stderrTail.length ? `; its last error output:\n  ${stderrTail.slice(-8).join("\n  ")}` : "";
      log(`the app ${cause} (crash ${crashesInARow} in a row)${tail}`);
      log(`starting the app again in ${(delay / 1000).toFixed(1)} s; the database keeps running`);
      timer = setTimeout(() => {
        timer = undefined;
        if (!stopping) run();
      }, delay);
    });
  }

  run();
  return {
    /** The running app process (a new one after each restart). */
    get child() {
      return child;
    },
    /** How many times the app was started again. */
    get restarts() {
      return restarts;
    },
    /**
     * Passes `signal` to the app and resolves with how it exited; waiting for a restart, it just
     * cancels it (`{ code: null, signal: null }`).
     */
    stop(signal = "SIGTERM") {
      if (stopping) return stopped;
      stopping = true;
      if (timer) {
        clearTimeout(timer);
        resolveStopped({ code: null, signal: null });
      } else if (child.exitCode !== null || child.signalCode !== null) resolveStopped({ code: child.exitCode, signal: child.signalCode });
      else child.kill(signal);
      return stopped;
    },
  };
}

// Runs once when a Next server starts. Records each request's socket address, the client address
// a client cannot forge (lib/socket-address.ts, lib/request-ip.ts); runs this process's first
// sweep (app/api/sweep: expired restrictions, scheduled stories, and the site-wide lists this
// process may have prerendered from older data), a request to our own route so the work runs
// inside Next's request context and can expire cached pages; then starts this process's worker
// for the job queue (lib/jobs/worker.ts), which sends email and runs the sweep every
// SWEEP_INTERVAL_SECONDS (default 60; 0 sweeps only at start) once across all app processes.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  await (await import("@/lib/socket-address")).recordSocketAddresses();
  const seconds = Number(process.env.SWEEP_INTERVAL_SECONDS ?? 60);
  // Next sets PORT to the port it listens on.
  const port = process.env.PORT ?? "3000";
  const { sweepToken } = await import("@/lib/sweep-token");
  const sweep = () =>
    fetch(`http://127.0.0.1:${port}/api/sweep`, { method: "POST", headers: { "x-sweep-token": sweepToken() } }).then(
      (res) => {
        if (!res.ok) console.warn(`[sweep] answered ${res.status}`);
        return res.ok;
      },
      () => false, // the server may still be starting, or stopping
    );
  // The server starts listening after this returns: try every quarter second until the first sweep went through.
  const first = setInterval(() => {
    sweep().then(async (ok) => {
      if (!ok) return;
      clearInterval(first);
      const databaseUrl = process.env.DATABASE_URL;
      if (!databaseUrl) return;
      const { startWorker } = await import("@/lib/jobs/worker");
      await startWorker({ databaseUrl, port, token: sweepToken(), sweepSeconds: seconds }).catch((error) => console.error("[queue] could not start the worker:", error));
    });
  }, 250);
  first.unref();
}

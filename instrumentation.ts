// Runs once when a Next server starts. Records each request's socket address, the client address
// a client cannot forge (lib/socket-address.ts, lib/request-ip.ts), and starts the moderation
// sweep (expired restrictions, scheduled stories): a request to our own route at once, then every
// SWEEP_INTERVAL_SECONDS (default 60; 0 sweeps only at start), so the work runs inside Next's
// request context and can expire cached pages. The first sweep also refreshes the site-wide lists
// (app/api/sweep).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  await (await import("@/lib/socket-address")).recordSocketAddresses();
  const seconds = Number(process.env.SWEEP_INTERVAL_SECONDS ?? 60);
  const { sweepToken } = await import("@/lib/sweep-token");
  const sweep = () =>
    // Next sets PORT to the port it listens on.
    fetch(`http://127.0.0.1:${process.env.PORT ?? "3000"}/api/sweep`, { method: "POST", headers: { "x-sweep-token": sweepToken() } }).then(
      (res) => {
        if (!res.ok) console.warn(`[sweep] answered ${res.status}`);
        return res.ok;
      },
      () => false, // the server may still be starting, or stopping
    );
  // The server starts listening after this returns: try every quarter second until the first sweep went through.
  const first = setInterval(() => {
    sweep().then((ok) => {
      if (ok) clearInterval(first);
    });
  }, 250);
  first.unref();
  if (seconds > 0) setInterval(sweep, seconds * 1000).unref();
}

// Runs once when a Next server starts. Records each request's socket address for the client
// address (lib/socket-address.ts, lib/request-ip.ts: a client cannot forge it, unlike X-Forwarded-For). Starts the moderation sweep (expired restrictions,
// scheduled stories): a request to our own route every SWEEP_INTERVAL_SECONDS (default 60), so the
// work runs inside Next's request context and can expire cached pages.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  await (await import("@/lib/socket-address")).recordSocketAddresses();
  const seconds = Number(process.env.SWEEP_INTERVAL_SECONDS ?? 60);
  const port = process.env.PORT ?? "3000";
  if (!(seconds > 0)) return;
  const { sweepToken } = await import("@/lib/sweep-token");
  const sweep = () =>
    fetch(`http://127.0.0.1:${port}/api/sweep`, { method: "POST", headers: { "x-sweep-token": sweepToken() } })
      .then((res) => (res.ok ? undefined : console.warn(`[sweep] answered ${res.status}`)))
      .catch(() => {}); // the server may still be starting, or stopping
  setInterval(sweep, seconds * 1000).unref();
}

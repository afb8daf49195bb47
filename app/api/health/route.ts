import { isDatabaseReachable } from "@/lib/data/health";
import { firstSweepDone } from "@/lib/sweep-token";

/** 200 once the database answers and this process's first sweep has refreshed the site-wide lists; 503 before. */
export async function GET() {
  const database = await isDatabaseReachable();
  const status = !database ? "unavailable" : firstSweepDone() ? "ok" : "starting";
  return Response.json({ status, database }, { status: status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}

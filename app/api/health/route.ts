import { isDatabaseReachable } from "@/lib/data/health";

export async function GET() {
  const ok = await isDatabaseReachable();
  return Response.json({ status: ok ? "ok" : "unavailable", database: ok }, { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}

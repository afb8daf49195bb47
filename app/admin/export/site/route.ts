import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { exportSite } from "@/lib/data/site-archive";
import { downloadResponse } from "@/lib/porting/download-response";

/** The whole-site archive (lib/data/site-archive.ts); `?passwordHashes=1` includes the members' password hashes. */
export async function GET(request: NextRequest) {
  const passwordHashes = request.nextUrl.searchParams.get("passwordHashes") === "1";
  return downloadResponse(async () => exportSite(await getViewer(), { passwordHashes }), "/admin/export");
}

import { getViewer } from "@/lib/auth/session";
import { exportSiteAsGhost } from "@/lib/data/ghost-export";
import { downloadResponse } from "@/lib/porting/download-response";

/** The site's stories as Ghost-compatible JSON (lib/data/ghost-export.ts). */
export async function GET() {
  return downloadResponse(async () => exportSiteAsGhost(await getViewer()), "/admin/export", "application/json; charset=utf-8");
}

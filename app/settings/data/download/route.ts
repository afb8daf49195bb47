import { getViewer } from "@/lib/auth/session";
import { exportMyData } from "@/lib/data/creator-export";
import { downloadResponse } from "@/lib/porting/download-response";

/**
 * "Download my data": the signed-in member's archive as a zip (lib/data/creator-export.ts),
 * streamed as it is built. Signed out: to sign-in and back to /settings/data.
 */
export async function GET() {
  return downloadResponse(async () => exportMyData(await getViewer()), "/settings/data");
}

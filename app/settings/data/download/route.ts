import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { exportMyData } from "@/lib/data/creator-export";
import { isAppError } from "@/lib/errors";

/**
 * "Download my data": the signed-in member's archive as a zip (lib/data/creator-export.ts),
 * streamed as it is built. Signed out: to sign-in and back to /settings/data.
 */
export async function GET() {
  let archive;
  try {
    archive = await exportMyData(await getViewer());
  } catch (error) {
    if (isAppError(error) && error.code === "RATE_LIMITED") return new Response(error.message, { status: 429, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" } });
    if (!isAppError(error) || error.code !== "UNAUTHENTICATED") throw error;
  }
  if (!archive) redirect("/signin?callbackUrl=%2Fsettings%2Fdata");
  return new Response(archive.stream, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${archive.fileName}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

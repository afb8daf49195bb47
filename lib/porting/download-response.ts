import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";

/**
 * A file download from a route handler: `make` builds it from the data layer. Signed out: to
 * sign-in and back to `returnTo`. Refused (no permission, too many downloads): the safe message
 * as plain text with its status. The file itself is private and never cached.
 */
export async function downloadResponse(make: () => Promise<{ fileName: string; stream: ReadableStream<Uint8Array> }>, returnTo: string, contentType = "application/zip"): Promise<Response> {
  let file;
  try {
    file = await make();
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code !== "UNAUTHENTICATED") {
      const status = error.code === "RATE_LIMITED" ? 429 : error.code === "FORBIDDEN" ? 403 : 400;
      return new Response(error.message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" } });
    }
  }
  if (!file) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return new Response(file.stream, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

import { getViewer } from "@/lib/auth/session";
import { getMailFile } from "@/lib/data/admin-mail";
import { isAppError } from "@/lib/errors";

/** Admins: a message's HTML part, alone in a sandbox (no scripts, no forms, no same-origin access). */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  try {
    const mail = await getMailFile(await getViewer(), (await params).file);
    return new Response(mail.html ?? "", {
      headers: {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "private, no-store",
        "content-security-policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:",
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response("Not found", { status: error.code === "NOT_FOUND" ? 404 : 403 });
    throw error;
  }
}

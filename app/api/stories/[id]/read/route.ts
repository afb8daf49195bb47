import { getViewer } from "@/lib/auth/session";
import { recordRead } from "@/lib/data/reads";
import { isId } from "@/lib/validation/ids";
import { readerKey, utcDay } from "@/lib/analytics/reader-key";
import { refuseMutation } from "@/lib/api/responses";
import { BODY_LIMITS } from "@/lib/api/body";
import { clientIp } from "@/lib/request-ip";

/** The read beacon: sent by the story page after it has loaded, so counting never slows the page. Its body is never read. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = refuseMutation(request, BODY_LIMITS.tiny);
  if (refused) return refused;
  const { id } = await params;
  if (!isId(id)) return new Response(null, { status: 400 });
  const viewer = await getViewer();
  const day = utcDay();
  const key = viewer
    ? readerKey(day, { userId: viewer.id })
    : readerKey(day, {
        // Not X-Forwarded-For's first entry: anyone can write one, and a new one per request counted a new reader each time.
        address: clientIp(request.headers),
        userAgent: request.headers.get("user-agent") ?? "",
      });
  await recordRead(id, key, new Date(`${day}T00:00:00Z`));
  return new Response(null, { status: 204 });
}
